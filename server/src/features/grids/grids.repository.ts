import type { Prisma, PrismaClient } from '@gridgov/db';

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
export async function findGridsBBox(prisma: PrismaClient, where: Prisma.GridWhereInput) {
  const box = await prisma.grid.aggregate({
    where,
    _min: { minLon: true, minLat: true },
    _max: { maxLon: true, maxLat: true },
  });
  return { ...box._min, ...box._max };
}
