import type { Prisma, PrismaClient } from '@gridgov/db';

export function findRegionsByIds(prisma: PrismaClient, ids: string[]) {
  return prisma.region.findMany({
    where: { id: { in: ids } },
    select: { id: true, code: true, name: true, kind: true, parentId: true },
    orderBy: { code: 'asc' },
  });
}

/** Active (not departed) people assigned to the given grids, with each grid's town. */
export function findActiveAssigneeTowns(prisma: PrismaClient, gridWhere: Prisma.GridWhereInput) {
  return prisma.gridAssignment.findMany({
    where: { endedAt: null, grid: gridWhere, staff: { status: { not: 'departed' } } },
    select: { staffId: true, grid: { select: { townId: true } } },
  });
}
