import { Prisma } from '@gridgov/db';
import type { CaseStatus } from '@gridgov/shared';
import type { Db } from '../../lib/db';

export interface CaseMapPointRow {
  id: string;
  lon: number;
  lat: number;
  status: CaseStatus;
  isEscalated: boolean;
  deadline: Date | null;
  pausedAt: Date | null;
}

/**
 * Located cases matching the case list's SQL conditions (case-list.query.ts), newest first (the
 * `townId, reportedAt` index serves the order).
 */
export function findCaseMapPoints(
  db: Db,
  options: { conditions: Prisma.Sql[]; take: number },
): Promise<CaseMapPointRow[]> {
  return db.$queryRaw<CaseMapPointRow[]>`
    SELECT c.id, c.lon, c.lat, c.status::text AS status, c."isEscalated", c.deadline, c."pausedAt"
    FROM "Case" c
    WHERE ${Prisma.join(options.conditions, ' AND ')} AND c.lon IS NOT NULL AND c.lat IS NOT NULL
    ORDER BY c."reportedAt" DESC, c.id DESC
    LIMIT ${options.take}`;
}
