import { Prisma, type SqlClient } from '@gridgov/db';

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

type LiveCaseSqlRow = Omit<LiveCaseRow, 'slaWorkingMs'> & { slaWorkingMs: string | number | null };

/** Read after every case change to announce it, so on the read fast path. */
export async function findLiveCaseRows(sql: SqlClient, ids: readonly string[]): Promise<LiveCaseRow[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<LiveCaseSqlRow>(Prisma.sql`
    SELECT id, "townId", "gridId", status::text AS status, lon, lat, deadline, "pausedAt", "handledAt",
      "slaWorkingMs", "isEscalated", version, "updatedAt", "reporterId", "assigneeId"
    FROM "Case" WHERE id = ANY(${[...ids]}::uuid[])`);
  return rows.map((r) => ({ ...r, slaWorkingMs: r.slaWorkingMs === null ? null : BigInt(r.slaWorkingMs) }));
}
