// Writes to StatsDaily and the case reads that feed them.
import { Prisma } from '@gridgov/db';
import { DAILY_COUNTERS, HANDLING_BUCKETS } from '@gridgov/shared';
import type { Db } from '../../lib/db';
import type { StatsRow } from './stats-levels';

export const HISTOGRAM_COLUMNS = Array.from({ length: HANDLING_BUCKETS }, (_, i) => `h${i}`);
const KEY_COLUMNS = ['townId', 'level', 'day', 'gridId', 'villageId', 'categoryId', 'assigneeId'] as const;
const CONFLICT_COLUMNS = '"townId", "level", "day", "gridId", "categoryId", "assigneeId"';
const quote = (column: string) => `"${column}"`;

export const caseStatsSelect = {
  id: true,
  townId: true,
  gridId: true,
  villageId: true,
  categoryId: true,
  assigneeId: true,
  status: true,
  reportedAt: true,
  acceptedAt: true,
  handledAt: true,
  closedAt: true,
  deadline: true,
  reworkCount: true,
  escalatedAt: true,
} satisfies Prisma.CaseSelect;
export type CaseStatsRow = Prisma.CaseGetPayload<{ select: typeof caseStatsSelect }>;

export function findCaseForStats(db: Db, id: string) {
  return db.case.findUnique({ where: { id }, select: caseStatsSelect });
}

/** One town's cases in id order, a page at a time (rebuilds stream through big towns). */
export function findCasesForStatsPage(
  db: Db,
  options: { townId: string; afterId: string | null; take: number },
) {
  return db.case.findMany({
    where: { townId: options.townId, ...(options.afterId ? { id: { gt: options.afterId } } : {}) },
    select: caseStatsSelect,
    orderBy: { id: 'asc' },
    take: options.take,
  });
}

/** Suspend and resume events, the only ones handling time needs, in timeline order. */
export function findSuspensionEvents(db: Db, caseIds: string[]) {
  return db.caseEvent.findMany({
    where: { caseId: { in: caseIds }, kind: { in: ['suspend', 'resume'] } },
    select: { caseId: true, kind: true, createdAt: true },
    orderBy: [{ caseId: 'asc' }, { seq: 'asc' }],
  });
}

export function findTownIds(db: Db) {
  return db.region.findMany({ where: { level: 'town' }, select: { id: true }, orderBy: { code: 'asc' } });
}

export async function hasAnyCase(db: Db): Promise<boolean> {
  return (await db.case.findFirst({ select: { id: true } })) !== null;
}

/** Array parameters for `unnest`: one statement whatever the number of rows. */
function toColumnArrays(rows: StatsRow[]): Prisma.Sql[] {
  const keys: Prisma.Sql[] = [
    Prisma.sql`${rows.map((r) => r.townId)}::uuid[]`,
    Prisma.sql`${rows.map((r) => r.level)}::smallint[]`,
    Prisma.sql`${rows.map((r) => r.day)}::date[]`,
    Prisma.sql`${rows.map((r) => r.gridId)}::uuid[]`,
    Prisma.sql`${rows.map((r) => r.villageId)}::uuid[]`,
    Prisma.sql`${rows.map((r) => r.categoryId)}::uuid[]`,
    Prisma.sql`${rows.map((r) => r.assigneeId)}::uuid[]`,
  ];
  const counters = DAILY_COUNTERS.map((c) =>
    c === 'handlingMsSum'
      ? Prisma.sql`${rows.map((r) => r.counts[c])}::bigint[]`
      : Prisma.sql`${rows.map((r) => r.counts[c])}::int[]`,
  );
  const histogram = HISTOGRAM_COLUMNS.map(
    (_, i) => Prisma.sql`${rows.map((r) => r.counts.handlingHistogram[i]!)}::int[]`,
  );
  return [...keys, ...counters, ...histogram];
}

const ALL_COLUMNS = Prisma.raw(
  [...KEY_COLUMNS, ...DAILY_COUNTERS, ...HISTOGRAM_COLUMNS].map(quote).join(', '),
);

/** Adds the rows' counters to StatsDaily (new keys are inserted). */
export async function addStatsRows(tx: Prisma.TransactionClient, rows: StatsRow[]): Promise<void> {
  if (!rows.length) return;
  const increments = Prisma.raw(
    [...DAILY_COUNTERS, ...HISTOGRAM_COLUMNS]
      .map((c) => `${quote(c)} = "StatsDaily".${quote(c)} + EXCLUDED.${quote(c)}`)
      .join(', '),
  );
  await tx.$executeRaw`
    INSERT INTO "StatsDaily" (${ALL_COLUMNS})
    SELECT * FROM unnest(${Prisma.join(toColumnArrays(rows))})
    ON CONFLICT (${Prisma.raw(CONFLICT_COLUMNS)}) DO UPDATE SET ${increments}`;
}

/** Inserts rows of a town being rebuilt (its old rows are gone, so no conflicts). */
export async function insertStatsRows(tx: Prisma.TransactionClient, rows: StatsRow[]): Promise<void> {
  if (!rows.length) return;
  await tx.$executeRaw`
    INSERT INTO "StatsDaily" (${ALL_COLUMNS}) SELECT * FROM unnest(${Prisma.join(toColumnArrays(rows))})`;
}

export function deleteTownStats(tx: Prisma.TransactionClient, townId: string) {
  return tx.statsDaily.deleteMany({ where: { townId } });
}

/**
 * Holds off every incremental update until the rebuild commits: a case change either committed
 * before (the rebuild reads it) or waits and applies its difference on top of the rebuilt rows.
 */
export async function lockStatsForRebuild(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`LOCK TABLE "StatsDaily" IN SHARE ROW EXCLUSIVE MODE`;
}

export function countStatsRows(db: Db) {
  return db.statsDaily.count();
}
