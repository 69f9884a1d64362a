import type { Role } from '@gridgov/shared';
import type { Actor } from '../auth/scope';
import { forbidden } from '../errors';

/** Bulk data leaving the system is a leader's call (docs/decisions/008-exports.md). */
const EXPORT_ROLES: readonly Role[] = ['admin', 'town_leader', 'grid_leader'];

export function assertCanExport(actor: Actor): void {
  if (!actor.roles.some((role) => EXPORT_ROLES.includes(role))) {
    throw forbidden('Exports are for grid leaders, town leaders and administrators');
  }
}
