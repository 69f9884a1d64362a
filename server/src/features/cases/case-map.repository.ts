import type { Prisma } from '@gridgov/db';
import type { Db } from '../../lib/db';

export const caseMapPointSelect = {
  id: true,
  lon: true,
  lat: true,
  status: true,
  isEscalated: true,
  deadline: true,
} satisfies Prisma.CaseSelect;
export type CaseMapPointRow = Prisma.CaseGetPayload<{ select: typeof caseMapPointSelect }>;

/** Located cases only, newest first (the `townId, reportedAt` index serves the order). */
export function findCaseMapPoints(
  db: Db,
  options: { where: Prisma.CaseWhereInput[]; take: number },
): Promise<CaseMapPointRow[]> {
  return db.case.findMany({
    where: { AND: [...options.where, { lon: { not: null } }, { lat: { not: null } }] },
    select: caseMapPointSelect,
    orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
    take: options.take,
  });
}
