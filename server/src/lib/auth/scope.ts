import type { Prisma, PrismaClient } from '@gridgov/db';
import type { Role, Scope } from '@gridgov/shared';
import { forbidden } from '../errors';

/** The signed-in person as services see them. */
export interface Actor {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  scope: ActorScope;
}

export interface ActorScope {
  level: Scope['level'];
  /** Regions the region-level roles are held for (county or towns). */
  regionIds: string[];
  /** Towns covered whole (county and town levels). */
  townIds: string[];
  /** Grids covered one by one (grid roles). */
  gridIds: string[];
  homeGridId: string | null;
  /** Grids the person leads (网格长). */
  leaderGridIds: string[];
  /** Towns the person is town leader of (directly or through the county). */
  leaderTownIds: string[];
  /** Towns the person administers (directly or through the county): where they may change the net. */
  adminTownIds: string[];
  /**
   * Counties the person holds `admin` for: county-wide settings (categories, calendar) need this, not
   * `level === 'county'`, which a county town leader who administers one town also has.
   */
  adminCountyIds: string[];
  /** Towns the person works in (whole-town roles, or the towns of their grids): where they may report. */
  memberTownIds: string[];
}

const REGION_ROLES = new Set<Role>(['admin', 'town_leader']);

/** What scope is computed from; selected together with the session, in one query. */
// Stryker disable all: a query's shape is tested against the database (scope-ended-assignment.test.ts), too slow per mutant; docs/testing.md
export const actorRowsSelect = {
  roles: { select: { role: true, region: { select: { id: true, level: true } } } },
  assignments: {
    where: { endedAt: null },
    select: { gridId: true, role: true, grid: { select: { townId: true } } },
    orderBy: { startedAt: 'asc' },
  },
} satisfies Prisma.StaffSelect;
// Stryker restore all
export type ActorRows = Prisma.StaffGetPayload<{ select: typeof actorRowsSelect }>;

/** Works out what a person may see from their roles and active grid assignments. */
// Stryker disable all: one database read, tested by scope-ended-assignment.test.ts; docs/testing.md
export async function loadActorScope(
  prisma: PrismaClient,
  staffId: string,
): Promise<{ roles: Role[]; scope: ActorScope }> {
  const rows = await prisma.staff.findUniqueOrThrow({ where: { id: staffId }, select: actorRowsSelect });
  return buildActorScope(prisma, rows);
}
// Stryker restore all

export async function buildActorScope(
  prisma: PrismaClient,
  { roles: roleRows, assignments }: ActorRows,
): Promise<{ roles: Role[]; scope: ActorScope }> {
  const roles = [...new Set(roleRows.map((r) => r.role as Role))];
  const regional = roleRows.filter((r) => REGION_ROLES.has(r.role as Role));
  const countyIds = regional.filter((r) => r.region.level === 'county').map((r) => r.region.id);
  const directTownIds = regional.filter((r) => r.region.level === 'town').map((r) => r.region.id);
  const countyTowns = countyIds.length
    ? await prisma.region.findMany({
        where: { parentId: { in: countyIds }, level: 'town' },
        select: { id: true, parentId: true },
      })
    : [];
  const townIds = [...new Set([...directTownIds, ...countyTowns.map((t) => t.id)])];
  const townOf = (regionId: string) =>
    countyIds.includes(regionId)
      ? countyTowns.filter((t) => t.parentId === regionId).map((t) => t.id)
      : [regionId];
  const leaderTownIds = [
    ...new Set(regional.filter((r) => r.role === 'town_leader').flatMap((r) => townOf(r.region.id))),
  ];
  const adminTownIds = [
    ...new Set(regional.filter((r) => r.role === 'admin').flatMap((r) => townOf(r.region.id))),
  ];
  const home =
    assignments.find((a) => a.role === 'grid_worker') ??
    assignments.find((a) => a.role === 'patroller') ??
    null;
  const level: ActorScope['level'] = countyIds.length ? 'county' : directTownIds.length ? 'town' : 'grids';
  return {
    roles,
    scope: {
      level,
      regionIds: [...new Set(regional.map((r) => r.region.id))],
      townIds,
      gridIds: level === 'grids' ? [...new Set(assignments.map((a) => a.gridId))] : [],
      homeGridId: home?.gridId ?? null,
      leaderGridIds: [...new Set(assignments.filter((a) => a.role === 'grid_leader').map((a) => a.gridId))],
      leaderTownIds,
      adminTownIds,
      adminCountyIds: regional
        .filter((r) => r.role === 'admin' && r.region.level === 'county')
        .map((r) => r.region.id),
      memberTownIds: [...new Set([...townIds, ...assignments.map((a) => a.grid.townId)])],
    },
  };
}

/** Prisma filter selecting the grids in scope. */
export function gridScopeWhere(scope: ActorScope): Prisma.GridWhereInput {
  if (scope.level === 'grids') return { id: { in: scope.gridIds } };
  return { townId: { in: scope.townIds } };
}

export function isGridInScope(scope: ActorScope, grid: { id: string; townId: string }): boolean {
  return scope.level === 'grids' ? scope.gridIds.includes(grid.id) : scope.townIds.includes(grid.townId);
}

/** Staff a person may see fully (unmasked): those working in their grids or towns. */
export function staffScopeWhere(scope: ActorScope): Prisma.StaffWhereInput {
  const inScopeGrid = { assignments: { some: { endedAt: null, grid: gridScopeWhere(scope) } } };
  if (scope.level === 'grids') return inScopeGrid;
  return { OR: [{ regionId: { in: scope.townIds } }, inScopeGrid] };
}

/** Whether the person administers a whole county (county-wide settings), whatever else they hold. */
export function isCountyAdmin(scope: ActorScope): boolean {
  return scope.adminCountyIds.length > 0;
}

export function assertGridInScope(scope: ActorScope, grid: { id: string; townId: string }): void {
  if (!isGridInScope(scope, grid)) throw forbidden('This grid is outside your scope');
}
