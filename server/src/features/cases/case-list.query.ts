// The case list in one SQL statement: the page (filters, territorial scope, keyset cursor) with the
// names it refers to and whether the viewer may see each person's phone. Prisma's findMany took six
// queries for the same page (one per relation) plus one for phone visibility, and each query costs
// ~3 ms of CPU in the query compiler here; see docs/benchmarks.md. `case-list.query.test.ts` checks it against a plain
// in-memory reference on varied data, so the two cannot drift apart silently.
import { Prisma } from '@gridgov/db';
import { type CaseListQuery, chinaDayEnd, chinaDayStart } from '@gridgov/shared';
import type { ActorScope } from '../../lib/auth/scope';
import { isIn, staffVisibleSql } from '../../lib/auth/scope.sql';
import { openAndLateSql } from './open-and-late.sql';

export type CaseSort = CaseListQuery['sort'];

export interface CaseListCursor {
  /** The sort field's value of the last row (ISO), null when that row has no deadline. */
  v: string | null;
  id: string;
}

const SORT_COLUMN = {
  reported_desc: Prisma.sql`c."reportedAt"`,
  reported_asc: Prisma.sql`c."reportedAt"`,
  deadline_asc: Prisma.sql`c."deadline"`,
  updated_desc: Prisma.sql`c."updatedAt"`,
} as const;

export const SORT_FIELD = {
  reported_desc: 'reportedAt',
  reported_asc: 'reportedAt',
  deadline_asc: 'deadline',
  updated_desc: 'updatedAt',
} as const;

const IS_DESC: Record<CaseSort, boolean> = {
  reported_desc: true,
  reported_asc: false,
  deadline_asc: false,
  updated_desc: true,
};

/** `%`, `_` and `\` match themselves in the search text. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** The three ways a case is the viewer's: its territory, or they reported it, or they hold it. */
function scopeBranches(viewer: { id: string; scope: ActorScope }): Prisma.Sql[] {
  const territory =
    viewer.scope.level === 'grids'
      ? isIn(Prisma.sql`c."gridId"`, viewer.scope.gridIds, 'uuid')
      : isIn(Prisma.sql`c."townId"`, viewer.scope.townIds, 'uuid');
  return [
    territory,
    Prisma.sql`c."reporterId" = ${viewer.id}::uuid`,
    Prisma.sql`c."assigneeId" = ${viewer.id}::uuid`,
  ];
}

/** The WHERE conditions of a list query (without the cursor): scope first, then the filters. */
export function caseListConditions(
  viewer: { id: string; scope: ActorScope },
  q: Omit<CaseListQuery, 'sort' | 'cursor' | 'limit'>,
  now: Date,
): Prisma.Sql[] {
  return [Prisma.sql`(${Prisma.join(scopeBranches(viewer), ' OR ')})`, ...caseListFilters(viewer, q, now)];
}

/** The filters of a list query, without scope or cursor (`assigneeId=me` is the viewer). */
export function caseListFilters(
  viewer: { id: string },
  q: Omit<CaseListQuery, 'sort' | 'cursor' | 'limit'>,
  now: Date,
): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (q.status?.length) where.push(isIn(Prisma.sql`c.status`, q.status, '"CaseStatus"'));
  if (q.categoryCode) {
    where.push(Prisma.sql`c."categoryId" IN (
      SELECT cat.id FROM "Category" cat LEFT JOIN "Category" parent ON parent.id = cat."parentId"
      WHERE cat.code = ${q.categoryCode} OR parent.code = ${q.categoryCode})`);
  }
  if (q.gridId) where.push(Prisma.sql`c."gridId" = ${q.gridId}::uuid`);
  if (q.villageId) where.push(Prisma.sql`c."villageId" = ${q.villageId}::uuid`);
  if (q.assigneeId) {
    where.push(Prisma.sql`c."assigneeId" = ${q.assigneeId === 'me' ? viewer.id : q.assigneeId}::uuid`);
  }
  if (q.overdue !== undefined) {
    // Open and late, as the red badge shows it on open cases (open-and-late.sql.ts).
    const late = openAndLateSql(now, 'c');
    where.push(q.overdue ? late : Prisma.sql`NOT COALESCE(${late}, FALSE)`);
  }
  if (q.escalated !== undefined) where.push(Prisma.sql`c."isEscalated" = ${q.escalated}`);
  if (q.q) {
    const pattern = likePattern(q.q);
    where.push(
      Prisma.sql`(c.number LIKE ${pattern} OR c.description ILIKE ${pattern} OR c.address ILIKE ${pattern})`,
    );
  }
  if (q.from) where.push(Prisma.sql`c."reportedAt" >= ${chinaDayStart(q.from)}`);
  if (q.to) where.push(Prisma.sql`c."reportedAt" < ${chinaDayEnd(q.to)}`);
  if (q.dueFrom) where.push(Prisma.sql`c.deadline >= ${chinaDayStart(q.dueFrom)}`);
  if (q.dueTo) where.push(Prisma.sql`c.deadline < ${chinaDayEnd(q.dueTo)}`);
  return where;
}

/** Rows strictly after the cursor in the sort order (a missing deadline sorts last). */
export function afterCursorSql(sort: CaseSort, cursor: CaseListCursor): Prisma.Sql {
  const column = SORT_COLUMN[sort];
  const beyond = Prisma.raw(IS_DESC[sort] ? '<' : '>');
  const idBeyond = Prisma.sql`c.id ${beyond} ${cursor.id}::uuid`;
  if (cursor.v === null) return Prisma.sql`(${column} IS NULL AND ${idBeyond})`;
  const value = new Date(cursor.v);
  const nullsLast = sort === 'deadline_asc' ? Prisma.sql` OR ${column} IS NULL` : Prisma.empty;
  return Prisma.sql`(${column} ${beyond} ${value} OR (${column} = ${value} AND ${idBeyond})${nullsLast})`;
}

export function orderBySql(sort: CaseSort): Prisma.Sql {
  const dir = Prisma.raw(IS_DESC[sort] ? 'DESC' : 'ASC');
  const nulls = sort === 'deadline_asc' ? Prisma.raw(' NULLS LAST') : Prisma.empty;
  return Prisma.sql`${SORT_COLUMN[sort]} ${dir}${nulls}, c.id ${dir}`;
}

/**
 * The page statement, one row: `rows`, the cases' own summary columns as one JSON array in sort order
 * (timestamps as UTC wall times without a zone), and the names they refer to as JSON arrays of
 * arrays: `categories` [id, code, name, nameEn], `grids` and `villages` [id, code, name], `staff`
 * [id, name, phone, whether the viewer may see the phone]. One statement, so one snapshot: every
 * reference has its name. Scalar subqueries over the page rather than a six-table join, which
 * PostgreSQL took longer to plan (4–6 ms) than to run; and JSON rather than rows, which the embedded
 * database converts one value at a time (docs/benchmarks.md, decision 014).
 */
export function casePageSql(
  viewer: { id: string; scope: ActorScope },
  filters: Prisma.Sql[],
  sort: CaseSort,
  take: number,
): Prisma.Sql {
  if (!Number.isSafeInteger(take) || take < 1)
    throw new Error(`page size must be a positive integer: ${take}`);
  // The branches' limit is written into the text, rounded up to one of a few sizes: a prepared
  // statement's generic plan (no planning per request) only matches the custom one when it knows
  // the limit, and a few sizes keep the prepared texts few (each plan holds ~350 KB).
  const branchLimit = Prisma.raw(
    String(BRANCH_LIMITS.find((size) => size >= take) ?? 2 ** Math.ceil(Math.log2(take))),
  );
  // One ordered, limited scan per way a case is the viewer's, merged: "territory OR reporter OR
  // assignee" in one WHERE cannot use the (town, reportedAt) index, so it sorted the town's every
  // case for each page.
  const branches = scopeBranches(viewer).map(
    (scope) => Prisma.sql`(SELECT ${SUMMARY_COLUMNS} FROM "Case" c
      WHERE ${Prisma.join([scope, ...filters], ' AND ')} ORDER BY ${orderBySql(sort)} LIMIT ${branchLimit})`,
  );
  return Prisma.sql`
    WITH page AS MATERIALIZED (
      SELECT * FROM (${Prisma.join(branches, ' UNION ')}) c ORDER BY ${orderBySql(sort)} LIMIT ${take}
    )
    SELECT
      (SELECT COALESCE(json_agg(c ORDER BY ${orderBySql(sort)}), '[]'::json) FROM page c) AS rows,
      (SELECT json_agg(json_build_array(cat.id, cat.code, cat.name, cat."nameEn")) FROM "Category" cat
        WHERE cat.id IN (SELECT "categoryId" FROM page)) AS categories,
      (SELECT json_agg(json_build_array(g.id, g.code, g.name)) FROM "Grid" g
        WHERE g.id IN (SELECT "gridId" FROM page)) AS grids,
      (SELECT json_agg(json_build_array(v.id, v.code, v.name)) FROM "Region" v
        WHERE v.id IN (SELECT "villageId" FROM page)) AS villages,
      (SELECT json_agg(json_build_array(s.id, s.name, s.phone, ${staffVisibleSql('s', viewer)})) FROM "Staff" s
        WHERE s.id IN (SELECT "reporterId" FROM page UNION SELECT "assigneeId" FROM page)) AS staff`;
}

/** The pages asked for most (the web client's 30 and 10, the API's 50, exports' 1,000) plus one, exactly. */
const BRANCH_LIMITS = [11, 31, 51, 101, 201, 1000];

/**
 * A case's own columns in a list row (and the first of its page's), as `CasePageSqlRow` reads them.
 * Instants leave as epoch milliseconds (int8), not `timestamptz` text: the server turns each into a
 * `Date`, and 300 string parses were a tenth of a list page's own time (issue 21). Ordering by the
 * output columns (the page's outer sort) is unchanged; the branches sort by the table's columns.
 */
export const SUMMARY_COLUMNS = Prisma.sql`c.id, c."townId", c.number, c.status::text AS status, c.priority::text AS priority,
  c.description, c.address, c.lon, c.lat, c."isOutsideGrid", ${epochMs('reportedAt')}, ${epochMs('updatedAt')},
  ${epochMs('handledAt')}, ${epochMs('closedAt')}, ${epochMs('deadline')}, c."slaWorkingMs", ${epochMs('pausedAt')},
  c."isEscalated", c."reworkCount", c.version, c."reporterId", c."assigneeId", c."categoryId", c."gridId", c."villageId"`;

function epochMs(column: string): Prisma.Sql {
  return Prisma.raw(`(extract(epoch FROM c."${column}") * 1000)::int8 AS "${column}"`);
}

/** How many cases the conditions match. */
export function caseCountSql(conditions: Prisma.Sql[]): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS n FROM "Case" c WHERE ${Prisma.join(conditions, ' AND ')}`;
}
