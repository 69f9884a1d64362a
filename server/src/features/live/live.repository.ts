import type { Prisma } from '@gridgov/db';
import type { Db } from '../../lib/db';

export const liveCaseSelect = {
  id: true,
  townId: true,
  gridId: true,
  status: true,
  lon: true,
  lat: true,
  deadline: true,
  pausedAt: true,
  handledAt: true,
  slaWorkingMs: true,
  isEscalated: true,
  version: true,
  updatedAt: true,
  reporterId: true,
  assigneeId: true,
} satisfies Prisma.CaseSelect;
export type LiveCaseRow = Prisma.CaseGetPayload<{ select: typeof liveCaseSelect }>;

export function findLiveCaseRows(db: Db, ids: readonly string[]): Promise<LiveCaseRow[]> {
  return db.case.findMany({ where: { id: { in: [...ids] } }, select: liveCaseSelect });
}
