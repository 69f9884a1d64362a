import type { Actor } from '../../lib/auth/scope';
import { forbidden } from '../../lib/errors';

/** Boundaries are written by administrators only, within the towns they administer. */
export function assertGridAdmin(actor: Actor, townId?: string): void {
  if (!actor.roles.includes('admin') || actor.scope.level === 'grids') {
    throw forbidden('Only administrators change grid boundaries');
  }
  // Administering one town and leading another gives no write access to the second.
  if (townId !== undefined && !actor.scope.adminTownIds.includes(townId)) {
    throw forbidden('This grid is outside your scope');
  }
}

/** Town leaders and administrators may read the administrative views (export, calendar). */
export function assertAdminReader(actor: Actor): void {
  const canRead = actor.roles.includes('admin') || actor.roles.includes('town_leader');
  if (!canRead || actor.scope.level === 'grids') throw forbidden('Only administrators and town leaders');
}

export function actorLabel(actor: Actor) {
  return { actorId: actor.id, actorName: actor.name };
}
