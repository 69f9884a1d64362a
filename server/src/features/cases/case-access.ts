import type { Prisma } from '@gridgov/db';
import type { CaseActor } from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import { isGridInScope } from '../../lib/auth/scope';

interface CaseKey {
  gridId: string;
  townId: string;
  reporterId: string;
  assigneeId: string | null;
}

/** A case is visible in the territory that contains it, and always to its reporter and assignee. */
export function canViewCase(actor: Actor, c: CaseKey): boolean {
  return (
    isGridInScope(actor.scope, { id: c.gridId, townId: c.townId }) ||
    c.reporterId === actor.id ||
    c.assigneeId === actor.id
  );
}

export function caseScopeWhere(actor: Actor): Prisma.CaseWhereInput {
  const territory: Prisma.CaseWhereInput =
    actor.scope.level === 'grids'
      ? { gridId: { in: actor.scope.gridIds } }
      : { townId: { in: actor.scope.townIds } };
  return { OR: [territory, { reporterId: actor.id }, { assigneeId: actor.id }] };
}

export function toCaseActor(actor: Actor, c: { gridId: string; townId: string }): CaseActor {
  return {
    id: actor.id,
    roles: actor.roles,
    leadsGrid: actor.scope.leaderGridIds.includes(c.gridId),
    leadsTown: actor.scope.leaderTownIds.includes(c.townId),
  };
}

/** The resident's phone is for those who act on the case: its reporter, assignee and leaders. */
export function canSeeResidentPhone(actor: Actor, c: CaseKey): boolean {
  const caseActor = toCaseActor(actor, c);
  return c.reporterId === actor.id || c.assigneeId === actor.id || caseActor.leadsGrid || caseActor.leadsTown;
}

/**
 * Staff whose phones the case page shows unmasked: those in the viewer's scope and the viewer; for
 * those who act on the case (reporter, assignee, leaders), also its reporter and assignee, so they
 * can reach each other.
 */
export function phoneVisibleStaffIds(
  actor: Actor,
  c: CaseKey,
  inScopeStaffIds: Iterable<string>,
): Set<string> {
  const visible = new Set([...inScopeStaffIds, actor.id]);
  if (canSeeResidentPhone(actor, c)) {
    visible.add(c.reporterId);
    if (c.assigneeId) visible.add(c.assigneeId);
  }
  return visible;
}
