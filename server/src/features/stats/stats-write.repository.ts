// Writes to StatsDaily and the case reads that feed them.
import { Prisma } from '@gridgov/db';
import { DAILY_COUNTERS, HANDLING_BUCKETS } from '@gridgov/shared';
import type { Db } from '../../lib/db';
import {
  DETAIL_LEVEL,
  NIL_UUID,
  SPAN_EXPONENTS,
  SPANNED_LEVELS,
  STATS_LEVELS,
  type StatsRow,
  spanLevel,
} from './stats-levels';

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

/** The rows as one JSON parameter: one statement and one parameter whatever the number of rows. */
function toJsonRows(rows: StatsRow[]): string {
  return JSON.stringify(
    rows.map((r) => {
      const record: Record<string, string | number> = {
        townId: r.townId,
        level: r.level,
        day: r.day,
        gridId: r.gridId,
        villageId: r.villageId,
        categoryId: r.categoryId,
        assigneeId: r.assigneeId,
      };
      for (const c of DAILY_COUNTERS) record[c] = r.counts[c];
      HISTOGRAM_COLUMNS.forEach((c, i) => {
        record[c] = r.counts.handlingHistogram[i]!;
      });
      return record;
    }),
  );
}

const ALL_COLUMNS = Prisma.raw(
  [...KEY_COLUMNS, ...DAILY_COUNTERS, ...HISTOGRAM_COLUMNS].map(quote).join(', '),
);
const INCREMENTS = Prisma.raw(
  [...DAILY_COUNTERS, ...HISTOGRAM_COLUMNS]
    .map((c) => `${quote(c)} = "StatsDaily".${quote(c)} + EXCLUDED.${quote(c)}`)
    .join(', '),
);

/** Adds the rows' counters to StatsDaily (new keys are inserted). */
export async function addStatsRows(tx: Prisma.TransactionClient, rows: StatsRow[]): Promise<void> {
  if (!rows.length) return;
  await tx.$executeRaw`
    INSERT INTO "StatsDaily" (${ALL_COLUMNS})
    SELECT ${ALL_COLUMNS} FROM json_populate_recordset(NULL::"StatsDaily", ${toJsonRows(rows)}::json)
    ON CONFLICT (${Prisma.raw(CONFLICT_COLUMNS)}) DO UPDATE SET ${INCREMENTS}`;
}

/** Inserts rows of a town being rebuilt (its old rows are gone, so no conflicts). */
export async function insertStatsRows(tx: Prisma.TransactionClient, rows: StatsRow[]): Promise<void> {
  if (!rows.length) return;
  await tx.$executeRaw`
    INSERT INTO "StatsDaily" (${ALL_COLUMNS})
    SELECT ${ALL_COLUMNS} FROM json_populate_recordset(NULL::"StatsDaily", ${toJsonRows(rows)}::json)`;
}

const SUMMED = [...DAILY_COUNTERS, ...HISTOGRAM_COLUMNS].map((c) => `sum(${quote(c)})`).join(', ');

/** Fills the coarser levels of a town from its detail rows (rebuilds write the detail level only). */
export async function rollUpTownStats(tx: Prisma.TransactionClient, townId: string): Promise<void> {
  for (const { level, dims } of STATS_LEVELS) {
    if (level === DETAIL_LEVEL) continue;
    const column = (dim: 'grid' | 'category' | 'assignee', name: string) =>
      dims.includes(dim) ? quote(name) : `'${NIL_UUID}'::uuid`;
    const grid = column('grid', 'gridId');
    const village = column('grid', 'villageId');
    const category = column('category', 'categoryId');
    const assignee = column('assignee', 'assigneeId');
    await tx.$executeRaw`
      INSERT INTO "StatsDaily" (${ALL_COLUMNS})
      SELECT "townId", ${level}::smallint, "day", ${Prisma.raw(`${grid}, ${village}, ${category}, ${assignee}, ${SUMMED}`)}
      FROM "StatsDaily" WHERE "townId" = ${townId}::uuid AND "level" = ${DETAIL_LEVEL}::smallint
      GROUP BY ${Prisma.raw(`"townId", "day", ${grid}, ${village}, ${category}, ${assignee}`)}`;
  }
  // Span rows (stats-levels.ts) from their level's daily rows: blocks of 2^k days from 1970-01-01.
  for (const base of SPANNED_LEVELS) {
    for (const exponent of SPAN_EXPONENTS) {
      const start = Prisma.raw(
        `DATE '1970-01-01' + (("day" - DATE '1970-01-01') / ${2 ** exponent}) * ${2 ** exponent}`,
      );
      await tx.$executeRaw`
        INSERT INTO "StatsDaily" (${ALL_COLUMNS})
        SELECT "townId", ${spanLevel(base, exponent)}::smallint, ${start}, "gridId", "villageId", "categoryId",
          "assigneeId", ${Prisma.raw(SUMMED)}
        FROM "StatsDaily" WHERE "townId" = ${townId}::uuid AND "level" = ${base}::smallint
        GROUP BY "townId", 3, "gridId", "villageId", "categoryId", "assigneeId"`;
    }
  }
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
