import type { Prisma, PrismaClient, SqlClient } from '@gridgov/db';

const staffRefSelect = { id: true, name: true, phone: true } as const;

export const gridSummarySelect = {
  id: true,
  code: true,
  name: true,
  townId: true,
  households: true,
  population: true,
  areaSqm: true,
  minLon: true,
  minLat: true,
  maxLon: true,
  maxLat: true,
  village: { select: { id: true, code: true, name: true } },
  assignments: {
    where: { endedAt: null },
    select: { role: true, staff: { select: staffRefSelect } },
    orderBy: { startedAt: 'asc' },
  },
} satisfies Prisma.GridSelect;

export type GridSummaryRow = Prisma.GridGetPayload<{ select: typeof gridSummarySelect }>;

export function findGrids(prisma: PrismaClient, where: Prisma.GridWhereInput) {
  return prisma.grid.findMany({ where, select: gridSummarySelect, orderBy: { code: 'asc' } });
}

export function findGridsWithBoundary(prisma: PrismaClient, where: Prisma.GridWhereInput) {
  return prisma.grid.findMany({
    where,
    select: { ...gridSummarySelect, boundary: true },
    orderBy: { code: 'asc' },
  });
}

export function findGridDetail(prisma: PrismaClient, id: string) {
  return prisma.grid.findUnique({
    where: { id },
    select: {
      ...gridSummarySelect,
      boundary: true,
      town: { select: { id: true, code: true, name: true } },
      assignments: {
        select: { role: true, startedAt: true, endedAt: true, staff: { select: staffRefSelect } },
        orderBy: [{ startedAt: 'desc' }],
      },
    },
  });
}

/** Just what a scope check needs. */
export function findGridScopeKey(prisma: PrismaClient, id: string) {
  return prisma.grid.findUnique({ where: { id }, select: { id: true, townId: true, villageId: true } });
}

/** A village's town, and whether any of the given grids lies in it (scope checks of village filters). */
export async function findVillageScopeKey(prisma: PrismaClient, id: string, gridIds: string[]) {
  const village = await prisma.region.findFirst({
    where: { id, level: 'village' },
    select: {
      id: true,
      parentId: true,
      gridsInVillage: { where: { id: { in: gridIds } }, select: { id: true } },
    },
  });
  return village
    ? { id: village.id, townId: village.parentId ?? '', hasGridOf: village.gridsInVillage.length > 0 }
    : null;
}

/** The box around the given grids (nulls when there are none). */
/**
 * The box around a scope's grids (its grids, or its towns' grids), on the read fast path: `/api/me`
 * asks for it on every load of the app (issue 21). Two fixed texts, so both stay prepared.
 */
export async function findScopeBBox(
  sql: SqlClient,
  scope: { level: string; gridIds: string[]; townIds: string[] },
): Promise<{ minLon: number | null; minLat: number | null; maxLon: number | null; maxLat: number | null }> {
  const byGrid = scope.level === 'grids';
  const [box] = await sql.query<{
    minLon: number | null;
    minLat: number | null;
    maxLon: number | null;
    maxLat: number | null;
  }>({
    text: `SELECT min(g."minLon") AS "minLon", min(g."minLat") AS "minLat", max(g."maxLon") AS "maxLon", max(g."maxLat") AS "maxLat"
      FROM "Grid" g WHERE ${byGrid ? 'g.id' : 'g."townId"'} = ANY($1::uuid[])`,
    values: [byGrid ? scope.gridIds : scope.townIds],
  });
  return box ?? { minLon: null, minLat: null, maxLon: null, maxLat: null };
}
