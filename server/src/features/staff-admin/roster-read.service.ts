import type { Prisma } from '@gridgov/db';
import type { RosterPage, RosterQuery, StaffDetail } from '@gridgov/shared';
import { type Actor, staffScopeWhere } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import type { Db } from '../../lib/db';
import { forbidden, notFound } from '../../lib/errors';
import { assertCanReadRoster } from './admin-access';
import { toRosterItem, toStaffDetail } from './roster-mappers';
import {
  findAssignmentHistory,
  findFilterTown,
  findRosterPage,
  findRosterRow,
  type RosterRow,
} from './staff-admin.repository';

export function buildRosterWhere(actor: Actor, query: RosterQuery): Prisma.StaffWhereInput {
  const filters: Prisma.StaffWhereInput[] = [staffScopeWhere(actor.scope)];
  if (query.role) filters.push({ roles: { some: { role: query.role } } });
  if (query.status) filters.push({ status: query.status });
  if (query.isPartyMember) filters.push({ isPartyMember: query.isPartyMember === 'true' });
  if (query.isDisabled) filters.push({ disabledAt: query.isDisabled === 'true' ? { not: null } : null });
  if (query.gridId) filters.push({ assignments: { some: { endedAt: null, gridId: query.gridId } } });
  if (query.villageId) {
    filters.push({ assignments: { some: { endedAt: null, grid: { villageId: query.villageId } } } });
  }
  if (query.q) {
    const q = query.q;
    filters.push({
      OR: [
        { name: { contains: q, mode: 'insensitive' } },
        { username: { contains: q, mode: 'insensitive' } },
        { phone: { contains: q } },
        {
          assignments: {
            some: { endedAt: null, grid: { OR: [{ name: { contains: q } }, { code: { startsWith: q } }] } },
          },
        },
      ],
    });
  }
  return { AND: filters };
}

/** A filter naming a grid or village outside the territory is 403, as on /api/staff (decision 004). */
export async function assertRosterFiltersInScope(db: Db, actor: Actor, query: RosterQuery): Promise<void> {
  for (const filter of [{ gridId: query.gridId }, { villageId: query.villageId }]) {
    if (!filter.gridId && !filter.villageId) continue;
    const townId = await findFilterTown(db, filter);
    if (!townId) throw notFound(filter.gridId ? 'Grid' : 'Village');
    if (!actor.scope.townIds.includes(townId)) throw forbidden('This filter is outside your scope');
  }
}

export async function listRoster(ctx: AppContext, actor: Actor, query: RosterQuery): Promise<RosterPage> {
  assertCanReadRoster(actor);
  await assertRosterFiltersInScope(ctx.prisma, actor, query);
  const { items, total } = await findRosterPage(ctx.prisma, buildRosterWhere(actor, query), {
    skip: (query.page - 1) * query.pageSize,
    take: query.pageSize,
  });
  return { items: items.map(toRosterItem), total, page: query.page, pageSize: query.pageSize };
}

/**
 * Whether the actor may change the person's account (name, phone, roles, password, disabling, handover):
 * only admins of the person's home town. An admin of a town where the person merely holds a post
 * manages that post, not the account (decision 010).
 */
export function administersHomeTown(actor: Actor, row: Pick<RosterRow, 'regionId'>): boolean {
  return actor.roles.includes('admin') && actor.scope.adminTownIds.includes(row.regionId);
}

/** The person's row if the actor's towns cover them (home town, or an active grid there); else 403/404. */
export async function loadStaffInScope(db: Db, actor: Actor, staffId: string): Promise<RosterRow> {
  const row = await findRosterRow(db, staffId);
  if (!row) throw notFound('Staff member');
  const towns = actor.scope.townIds;
  const isInScope =
    towns.includes(row.regionId) || row.assignments.some((a) => towns.includes(a.grid.townId));
  if (!isInScope) throw forbidden('This person is outside your scope');
  return row;
}

/**
 * The person as a change left them, for the admin who made it, even when the change took them out of
 * the admin's view (the last post of a person of another town ended here): the admin had them in scope
 * when they acted, and the answer must not turn a done change into a 403.
 */
export async function readChangedStaff(db: Db, actor: Actor, staffId: string): Promise<StaffDetail> {
  const row = await findRosterRow(db, staffId);
  if (!row) throw notFound('Staff member');
  return toStaffDetail(row, await findAssignmentHistory(db, staffId), administersHomeTown(actor, row));
}

export async function getStaffDetail(ctx: AppContext, actor: Actor, staffId: string): Promise<StaffDetail> {
  assertCanReadRoster(actor);
  const row = await loadStaffInScope(ctx.prisma, actor, staffId);
  return toStaffDetail(
    row,
    await findAssignmentHistory(ctx.prisma, staffId),
    administersHomeTown(actor, row),
  );
}
