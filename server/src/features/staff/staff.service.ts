import type { Prisma } from '@gridgov/db';
import type { Role, StaffListQuery, StaffPage } from '@gridgov/shared';
import { type Actor, assertGridInScope, staffScopeWhere } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { forbidden, notFound } from '../../lib/errors';
import { findGridScopeKey, findVillageScopeKey } from '../grids/grids.repository';
import { findStaffPage } from './staff.repository';

async function assertFilterTargetsInScope(
  ctx: AppContext,
  actor: Actor,
  query: StaffListQuery,
): Promise<void> {
  if (query.gridId) {
    const grid = await findGridScopeKey(ctx.prisma, query.gridId);
    if (!grid) throw notFound('Grid');
    assertGridInScope(actor.scope, grid);
  }
  if (query.villageId) {
    const village = await findVillageScopeKey(ctx.prisma, query.villageId, actor.scope.gridIds);
    if (!village) throw notFound('Village');
    const isInScope =
      actor.scope.level === 'grids' ? village.hasGridOf : actor.scope.townIds.includes(village.townId);
    if (!isInScope) throw forbidden('This village is outside your scope');
  }
}

function buildFilters(query: StaffListQuery): Prisma.StaffWhereInput[] {
  const filters: Prisma.StaffWhereInput[] = [];
  if (query.role) filters.push({ roles: { some: { role: query.role } } });
  if (query.status) filters.push({ status: query.status });
  if (query.gridId) filters.push({ assignments: { some: { endedAt: null, gridId: query.gridId } } });
  if (query.villageId)
    filters.push({ assignments: { some: { endedAt: null, grid: { villageId: query.villageId } } } });
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
  return filters;
}

/** The staff directory, always limited to the viewer's territory (so every phone shown is in scope). */
export async function listStaff(ctx: AppContext, actor: Actor, query: StaffListQuery): Promise<StaffPage> {
  await assertFilterTargetsInScope(ctx, actor, query);
  const where = { AND: [staffScopeWhere(actor.scope), ...buildFilters(query)] };
  const { items, total } = await findStaffPage(ctx.prisma, where, {
    skip: (query.page - 1) * query.pageSize,
    take: query.pageSize,
  });
  return {
    items: items.map((s) => ({
      id: s.id,
      username: s.username,
      name: s.name,
      phone: s.phone,
      status: s.status,
      isPartyMember: s.isPartyMember,
      roles: [...new Set(s.roles.map((r) => r.role as Role))],
      grids: s.assignments.map((a) => ({
        id: a.grid.id,
        code: a.grid.code,
        name: a.grid.name,
        role: a.role as Role,
      })),
      village: s.assignments[0]?.grid.village ?? null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
