// Reads for the statistics API: sums of StatsDaily at one level, live open/overdue counts from
// Case (index-only on its statistics index), and the names of what the rows are about.
import { type Prisma, Prisma as PrismaSql } from '@gridgov/db';
import { DAILY_COUNTERS, type DailyCounts } from '@gridgov/shared';
import type { Db } from '../../lib/db';
import { openAndLateSql } from '../cases/open-and-late.sql';
import { decomposeWindow, NIL_UUID, SPANNED_LEVELS, spanLevel } from './stats-levels';
import { HISTOGRAM_COLUMNS } from './stats-write.repository';

/** What a statistics query is limited to: the viewer's territory and the request's filters. */
export interface StatsFilter {
  townIds: string[];
  /** Grid-level viewers: their grids only. */
  gridIds?: string[];
  villageId?: string;
  gridId?: string;
  categoryIds?: string[];
}

export type StatsGroup = 'all' | 'grid' | 'village' | 'category' | 'assignee' | 'day';

const GROUP_COLUMN: Record<Exclude<StatsGroup, 'all' | 'day'>, string> = {
  grid: 'gridId',
  village: 'villageId',
  category: 'categoryId',
  assignee: 'assigneeId',
};

function groupExpression(group: StatsGroup, table: 'stats' | 'case'): PrismaSql.Sql {
  if (group === 'all') return PrismaSql.raw(`'all'`);
  if (group === 'day') return PrismaSql.raw(`to_char("day", 'YYYY-MM-DD')`);
  if (group === 'assignee' && table === 'case')
    return PrismaSql.raw(`COALESCE("assigneeId", '${NIL_UUID}')::text`);
  return PrismaSql.raw(`"${GROUP_COLUMN[group]}"::text`);
}

function filterConditions(f: StatsFilter): PrismaSql.Sql[] {
  const conditions = [PrismaSql.sql`"townId" = ANY(${f.townIds}::uuid[])`];
  if (f.gridIds) conditions.push(PrismaSql.sql`"gridId" = ANY(${f.gridIds}::uuid[])`);
  if (f.villageId) conditions.push(PrismaSql.sql`"villageId" = ${f.villageId}::uuid`);
  if (f.gridId) conditions.push(PrismaSql.sql`"gridId" = ${f.gridId}::uuid`);
  if (f.categoryIds) conditions.push(PrismaSql.sql`"categoryId" = ANY(${f.categoryIds}::uuid[])`);
  return conditions;
}

/** The sums in the shape of DailyCounts: counters by name, the histogram as one array. */
const SUMS = PrismaSql.raw(
  [
    ...DAILY_COUNTERS.map((c) => `sum("${c}")::${c === 'handlingMsSum' ? 'float8' : 'int'} AS "${c}"`),
    `ARRAY[${HISTOGRAM_COLUMNS.map((c) => `sum("${c}")::int`).join(', ')}] AS "handlingHistogram"`,
  ].join(', '),
);

type SumRow = { key: string } & DailyCounts;

/**
 * The rows that cover the window at a level. Spanned levels (stats-levels.ts) read the window as aligned
 * blocks of 2^k days, at most two of each size; a trend by day reads the daily rows.
 */
function windowCondition(level: number, from: string, to: string, group: StatsGroup): PrismaSql.Sql {
  if (group === 'day' || !SPANNED_LEVELS.includes(level)) {
    return PrismaSql.sql`"level" = ${level}::smallint AND "day" BETWEEN ${from}::date AND ${to}::date`;
  }
  const startsByLevel = new Map<number, string[]>();
  for (const piece of decomposeWindow(from, to)) {
    const pieceLevel = spanLevel(level, piece.exponent);
    startsByLevel.set(pieceLevel, [...(startsByLevel.get(pieceLevel) ?? []), piece.start]);
  }
  const parts = [...startsByLevel].map(
    ([pieceLevel, starts]) =>
      PrismaSql.sql`("level" = ${pieceLevel}::smallint AND "day" = ANY(${starts}::date[]))`,
  );
  return PrismaSql.sql`(${PrismaSql.join(parts, ' OR ')})`;
}

/** Daily counters summed over the window at one level, by group key. */
export async function sumStatsDaily(
  db: Db,
  options: { level: number; from: string; to: string; filter: StatsFilter; group: StatsGroup },
): Promise<Map<string, DailyCounts>> {
  const where = PrismaSql.join(
    [
      windowCondition(options.level, options.from, options.to, options.group),
      ...filterConditions(options.filter),
    ],
    ' AND ',
  );
  const key = groupExpression(options.group, 'stats');
  // One JSON text for the whole answer: a county ranking has 2,000 rows of 33 sums, which the driver
  // would otherwise convert value by value; the sums arrive already in the shape of DailyCounts.
  const [answer] = await db.$queryRaw<{ rows: string }[]>`
    SELECT coalesce(json_agg(t), '[]')::text AS "rows" FROM (
      SELECT ${key} AS "key", ${SUMS} FROM "StatsDaily" WHERE ${where} GROUP BY 1
    ) t`;
  const rows = JSON.parse(answer?.rows ?? '[]') as SumRow[];
  const result = new Map<string, DailyCounts>();
  for (const { key: rowKey, ...counts } of rows) result.set(rowKey, counts);
  return result;
}

const OPEN = `'accepted', 'dispatched', 'in_progress', 'handled', 'suspended'`;

/**
 * Open cases now, and of them the overdue ones, by group key. Only columns of the statistics index
 * are read (index-only scan): villages are reached through their grids.
 */
export async function countOpenCases(
  db: Db,
  options: { filter: StatsFilter; group: Exclude<StatsGroup, 'day'>; now: Date },
): Promise<Map<string, { open: number; overdue: number }>> {
  const { villageId, ...rest } = options.filter;
  const conditions = [PrismaSql.raw(`"status" IN (${OPEN})`), ...filterConditions(rest)];
  if (villageId) {
    conditions.push(
      PrismaSql.sql`"gridId" IN (SELECT "id" FROM "Grid" WHERE "villageId" = ${villageId}::uuid)`,
    );
  }
  // Villages are reached through their grids: the count reads only the statistics index, and the
  // per-grid rows join the grid table for their village.
  const byGrid = PrismaSql.sql`
    SELECT ${groupExpression(options.group === 'village' ? 'grid' : options.group, 'case')} AS "key",
      count(*)::int AS "open",
      (count(*) FILTER (WHERE ${openAndLateSql(options.now)}))::int AS "overdue"
    FROM "Case" WHERE ${PrismaSql.join(conditions, ' AND ')} GROUP BY 1`;
  const rows = await db.$queryRaw<{ key: string; open: number; overdue: number }[]>(
    options.group === 'village'
      ? PrismaSql.sql`
          SELECT g."villageId"::text AS "key", sum(o."open")::int AS "open", sum(o."overdue")::int AS "overdue"
          FROM (${byGrid}) o JOIN "Grid" g ON g."id" = o."key"::uuid GROUP BY 1`
      : byGrid,
  );
  return new Map(rows.map((row) => [row.key, { open: Number(row.open), overdue: Number(row.overdue) }]));
}

export function findStatsGrids(db: Db, where: Prisma.GridWhereInput) {
  return db.grid.findMany({
    where,
    select: { id: true, code: true, name: true, townId: true, villageId: true, population: true },
    orderBy: { code: 'asc' },
  });
}

export function findGridKey(db: Db, id: string) {
  return db.grid.findUnique({ where: { id }, select: { id: true, townId: true, villageId: true } });
}

export function findVillage(db: Db, id: string) {
  return db.region.findFirst({ where: { id, level: 'village' }, select: { id: true, parentId: true } });
}

export function findRegionNames(db: Db, ids: string[]) {
  return db.region.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, name: true } });
}

/** The category with this code and its sub-categories (the case list's categoryCode rule). */
export function findCategoriesByCode(db: Db, code: string) {
  return db.category.findMany({
    where: { OR: [{ code }, { parent: { code } }] },
    select: { id: true, code: true, name: true },
  });
}

export function findCategoryNames(db: Db, where: Prisma.CategoryWhereInput) {
  return db.category.findMany({
    where,
    select: { id: true, code: true, name: true },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
}

/** Staff named in the rows, and those working the grids (so people with nothing still rank). */
export function findStatsStaff(db: Db, options: { ids: string[]; gridWhere: Prisma.GridWhereInput }) {
  return db.staff.findMany({
    where: {
      OR: [
        { id: { in: options.ids } },
        {
          assignments: {
            some: { endedAt: null, role: { in: ['grid_worker', 'grid_leader'] }, grid: options.gridWhere },
          },
        },
      ],
    },
    select: { id: true, username: true, name: true },
    orderBy: { username: 'asc' },
  });
}
