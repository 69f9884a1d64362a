import { Prisma, type SqlClient } from '@gridgov/db';
import type { CaseEventRecord, CaseProjection, StaffRef } from '@gridgov/shared';
import type { Db } from '../../lib/db';
import { uuid7 } from '../../lib/uuid7';
import type { CaseStatsRow } from '../stats/stats-write.repository';

const staffRef = { select: { id: true, name: true, phone: true } } as const;

export const caseSummarySelect = {
  id: true,
  townId: true,
  number: true,
  status: true,
  priority: true,
  description: true,
  address: true,
  lon: true,
  lat: true,
  isOutsideGrid: true,
  reportedAt: true,
  updatedAt: true,
  handledAt: true,
  closedAt: true,
  deadline: true,
  slaWorkingMs: true,
  pausedAt: true,
  isEscalated: true,
  reworkCount: true,
  version: true,
  reporterId: true,
  assigneeId: true,
  category: { select: { code: true, name: true, nameEn: true } },
  grid: { select: { id: true, code: true, name: true } },
  village: { select: { id: true, code: true, name: true } },
  reporter: staffRef,
  assignee: staffRef,
} satisfies Prisma.CaseSelect;
export type CaseSummaryRow = Prisma.CaseGetPayload<{ select: typeof caseSummarySelect }>;

/** Everything the state machine folds over, plus what scope and authorization checks need. */
export const caseStateSelect = {
  id: true,
  townId: true,
  gridId: true,
  villageId: true,
  categoryId: true,
  reporterId: true,
  version: true,
  status: true,
  resumeStatus: true,
  assigneeId: true,
  acceptedAt: true,
  handledAt: true,
  closedAt: true,
  slaWorkingMs: true,
  deadline: true,
  pausedAt: true,
  reworkCount: true,
  isEscalated: true,
  escalatedAt: true,
  escalatedById: true,
  escalationNote: true,
  extensionDeadline: true,
  extensionNote: true,
  extensionById: true,
  duplicateOfId: true,
} satisfies Prisma.CaseSelect;
export type CaseStateRow = Prisma.CaseGetPayload<{ select: typeof caseStateSelect }>;

export const caseDetailSelect = {
  ...caseSummarySelect,
  extra: true,
  onBehalfName: true,
  onBehalfPhone: true,
  resumeStatus: true,
  escalatedAt: true,
  escalationNote: true,
  escalatedById: true,
  extensionDeadline: true,
  extensionNote: true,
  extensionById: true,
  duplicateOfId: true,
  gridId: true,
  categoryId: true,
  uploads: {
    select: { id: true, mime: true, size: true, width: true, height: true },
    orderBy: { createdAt: 'asc' },
  },
  events: {
    select: {
      id: true,
      seq: true,
      kind: true,
      createdAt: true,
      fromStatus: true,
      toStatus: true,
      note: true,
      photoIds: true,
      data: true,
      actor: staffRef,
      assignee: staffRef,
    },
    orderBy: { seq: 'asc' },
  },
} satisfies Prisma.CaseSelect;
export type CaseDetailRow = Prisma.CaseGetPayload<{ select: typeof caseDetailSelect }>;

/** The case page's reading through Prisma: the reference `case-detail.query.test.ts` checks the fast path against. */
export function findCaseDetail(db: Db, id: string) {
  return db.case.findUnique({ where: { id }, select: caseDetailSelect });
}

/** The detail statement's one row (case-detail.query.ts). */
interface CaseDetailSqlResult {
  case: CasePageSqlRow & {
    extra: Prisma.JsonValue;
    onBehalfName: string | null;
    onBehalfPhone: string | null;
    resumeStatus: CaseDetailRow['resumeStatus'];
    escalatedAt: string | null;
    escalationNote: string | null;
    escalatedById: string | null;
    extensionDeadline: string | null;
    extensionNote: string | null;
    extensionById: string | null;
    duplicateOfId: string | null;
  };
  category: [code: string, name: string, nameEn: string];
  grid: [code: string, name: string];
  village: [code: string, name: string];
  uploads: CaseDetailRow['uploads'];
  events: {
    id: string;
    seq: number;
    kind: string;
    createdAt: string;
    fromStatus: CaseDetailRow['events'][number]['fromStatus'];
    toStatus: CaseDetailRow['events'][number]['toStatus'];
    note: string | null;
    photoIds: string[];
    data: Prisma.JsonValue;
    actorId: string;
    assigneeId: string | null;
  }[];
  staff: [id: string, name: string, phone: string, visible: boolean][] | null;
  duplicateOf: {
    id: string;
    number: string;
    gridId: string;
    townId: string;
    reporterId: string;
    assigneeId: string | null;
  } | null;
}

export interface CaseDetailView {
  row: CaseDetailRow;
  /** Everyone the case and its timeline name, by id. */
  staffById: Map<string, StaffRef>;
  /** Those of them whose phone the viewer may see. */
  visibleStaffIds: Set<string>;
  duplicateOf: CaseDetailSqlResult['duplicateOf'];
}

/** One case as its page shows it (case-detail.query.ts), or null; scope is the caller's to check. */
export async function findCaseDetailView(
  sql: SqlClient,
  statement: Prisma.Sql,
): Promise<CaseDetailView | null> {
  const [result] = await sql.query<CaseDetailSqlResult>(statement);
  if (!result) return null;
  const c = result.case;
  const staffById = new Map<string, StaffRef>();
  const visibleStaffIds = new Set<string>();
  for (const [id, name, phone, visible] of result.staff ?? []) {
    staffById.set(id, { id, name, phone });
    if (visible) visibleStaffIds.add(id);
  }
  const person = (id: string) => {
    const found = staffById.get(id);
    // One statement reads the case and the people it names in one snapshot, and the foreign keys hold.
    if (!found) throw new Error(`case ${c.id}: person ${id} has no row`);
    return found;
  };
  const [categoryCode, categoryName, categoryNameEn] = result.category;
  const row: CaseDetailRow = {
    ...summaryColumns(c),
    category: { code: categoryCode, name: categoryName, nameEn: categoryNameEn },
    grid: { id: c.gridId, code: result.grid[0], name: result.grid[1] },
    village: { id: c.villageId, code: result.village[0], name: result.village[1] },
    reporter: person(c.reporterId),
    assignee: c.assigneeId ? person(c.assigneeId) : null,
    extra: c.extra,
    onBehalfName: c.onBehalfName,
    onBehalfPhone: c.onBehalfPhone,
    resumeStatus: c.resumeStatus,
    escalatedAt: dateOrNull(c.escalatedAt),
    escalationNote: c.escalationNote,
    escalatedById: c.escalatedById,
    extensionDeadline: dateOrNull(c.extensionDeadline),
    extensionNote: c.extensionNote,
    extensionById: c.extensionById,
    duplicateOfId: c.duplicateOfId,
    gridId: c.gridId,
    categoryId: c.categoryId,
    uploads: result.uploads,
    events: result.events.map((e) => ({
      id: e.id,
      seq: e.seq,
      kind: e.kind,
      createdAt: new Date(e.createdAt),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      photoIds: e.photoIds,
      data: e.data,
      actor: person(e.actorId),
      assignee: e.assigneeId ? person(e.assigneeId) : null,
    })),
  };
  return { row, staffById, visibleStaffIds, duplicateOf: result.duplicateOf };
}

export function findCaseState(db: Db, id: string) {
  return db.case.findUnique({ where: { id }, select: caseStateSelect });
}

export function findCaseSummaries(
  db: Db,
  args: { where: Prisma.CaseWhereInput; orderBy: Prisma.CaseOrderByWithRelationInput[]; take: number },
) {
  // Measured (docs/benchmarks.md): for 50-row pages, five small queries beat one JSON-aggregating
  // LATERAL join, markedly so on PGlite.
  return db.case.findMany({ ...args, select: caseSummarySelect, relationLoadStrategy: 'query' });
}

/** A case of the page as `casePageSql` returns it in JSON. */
interface CasePageSqlRow {
  id: string;
  townId: string;
  number: string;
  status: CaseSummaryRow['status'];
  priority: CaseSummaryRow['priority'];
  description: string;
  address: string;
  lon: number | null;
  lat: number | null;
  isOutsideGrid: boolean;
  reportedAt: number;
  updatedAt: number;
  handledAt: number | null;
  closedAt: number | null;
  deadline: number | null;
  slaWorkingMs: number | null;
  pausedAt: number | null;
  isEscalated: boolean;
  reworkCount: number;
  version: number;
  reporterId: string;
  assigneeId: string | null;
  categoryId: string;
  gridId: string;
  villageId: string;
}

/** The page statement's one row (case-list.query.ts): the cases, and the names they refer to. */
interface CasePageSqlResult {
  rows: CasePageSqlRow[];
  categories: [id: string, code: string, name: string, nameEn: string][] | null;
  grids: [id: string, code: string, name: string][] | null;
  villages: [id: string, code: string, name: string][] | null;
  staff: [id: string, name: string, phone: string, visible: boolean][] | null;
}

/** Instants inside the statements' JSON: epoch milliseconds (`SUMMARY_COLUMNS`) or `timestamptz` text. */
const dateOrNull = (value: number | string | null) => (value === null ? null : new Date(value));

/** A case's own summary columns (`SUMMARY_COLUMNS`) as Prisma would type them. */
function summaryColumns(r: CasePageSqlRow) {
  return {
    id: r.id,
    townId: r.townId,
    number: r.number,
    status: r.status,
    priority: r.priority,
    description: r.description,
    address: r.address,
    lon: r.lon,
    lat: r.lat,
    isOutsideGrid: r.isOutsideGrid,
    reportedAt: new Date(r.reportedAt),
    updatedAt: new Date(r.updatedAt),
    handledAt: dateOrNull(r.handledAt),
    closedAt: dateOrNull(r.closedAt),
    deadline: dateOrNull(r.deadline),
    slaWorkingMs: r.slaWorkingMs === null ? null : BigInt(r.slaWorkingMs),
    pausedAt: dateOrNull(r.pausedAt),
    isEscalated: r.isEscalated,
    reworkCount: r.reworkCount,
    version: r.version,
    reporterId: r.reporterId,
    assigneeId: r.assigneeId,
  };
}

function byId<T extends [string, ...unknown[]]>(entries: T[] | null): Map<string, T> {
  return new Map((entries ?? []).map((entry) => [entry[0], entry]));
}

function named<T>(map: Map<string, T>, id: string, what: string): T {
  const entry = map.get(id);
  // One statement reads the page and its names in one snapshot, and the foreign keys hold.
  if (!entry) throw new Error(`case list page: ${what} ${id} has no row`);
  return entry;
}

/**
 * A page of summaries (see case-list.query.ts) with phone visibility, in one statement on the read
 * fast path (docs/decisions/014-read-fast-path.md).
 */
export async function findCaseSummaryPage(
  sql: SqlClient,
  statement: Prisma.Sql,
): Promise<{ rows: CaseSummaryRow[]; visibleStaffIds: Set<string> }> {
  const [page] = await sql.query<CasePageSqlResult>(statement);
  const visibleStaffIds = new Set<string>();
  if (!page || page.rows.length === 0) return { rows: [], visibleStaffIds };
  const categories = byId(page.categories);
  const grids = byId(page.grids);
  const villages = byId(page.villages);
  const staff = byId(page.staff);
  for (const [id, , , visible] of staff.values()) if (visible) visibleStaffIds.add(id);
  const rows = page.rows.map((r): CaseSummaryRow => {
    const [, categoryCode, categoryName, categoryNameEn] = named(categories, r.categoryId, 'category');
    const [, gridCode, gridName] = named(grids, r.gridId, 'grid');
    const [, villageCode, villageName] = named(villages, r.villageId, 'village');
    const [, reporterName, reporterPhone] = named(staff, r.reporterId, 'reporter');
    const assignee = r.assigneeId ? named(staff, r.assigneeId, 'assignee') : null;
    return {
      ...summaryColumns(r),
      category: { code: categoryCode, name: categoryName, nameEn: categoryNameEn ?? '' },
      grid: { id: r.gridId, code: gridCode, name: gridName },
      village: { id: r.villageId, code: villageCode, name: villageName },
      reporter: { id: r.reporterId, name: reporterName, phone: reporterPhone },
      assignee: assignee && r.assigneeId ? { id: r.assigneeId, name: assignee[1], phone: assignee[2] } : null,
    };
  });
  return { rows, visibleStaffIds };
}

/** An exported row: the summary columns (the export's columns show names only, never phones). */
export type CaseExportRow = CaseSummaryRow;

/** How many cases a list statement's conditions match (for export progress). */
export async function countCasesMatching(db: Db, statement: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number | bigint }[]>(statement);
  return Number(row?.n ?? 0);
}

/** What a new report writes besides the case's own columns. */
export interface NewReport {
  townId: string;
  /** The year of the town's number sequence (China time). */
  year: number;
  categoryId: string;
  gridId: string;
  villageId: string;
  priority: Prisma.CaseGetPayload<{ select: { priority: true } }>['priority'];
  description: string;
  address: string;
  lon: number | null;
  lat: number | null;
  isOutsideGrid: boolean;
  reporterId: string;
  onBehalfName: string | null;
  onBehalfPhone: string | null;
  extra: unknown;
  reportedAt: Date;
  /** The `report` event's note and photos. */
  event: { note: string | null; photoIds: string[] };
  idempotency: { key: string; requestHash: string } | null;
}

interface InsertedCaseSqlRow extends Omit<CaseStatsRow, 'reportedAt'> {
  reportedAt: Date | string;
  number: string;
}

/**
 * Takes the town's next number and inserts the case, its `report` event and the idempotency key in
 * one statement inside `tx` (each was a Prisma query of its own, ~1–2 ms of CPU apiece: decision 014).
 * A reused key fails on the key's primary key like the separate insert did. Answers the columns the
 * statistics count from, and the number.
 */
export async function insertReportedCase(
  tx: Prisma.TransactionClient,
  r: NewReport,
): Promise<CaseStatsRow & { number: string }> {
  const caseId = uuid7(r.reportedAt);
  const photoIds = r.event.photoIds.length
    ? Prisma.sql`ARRAY[${Prisma.join(r.event.photoIds.map((id) => Prisma.sql`${id}::uuid`))}]`
    : Prisma.sql`'{}'::uuid[]`;
  const key = r.idempotency
    ? Prisma.sql`, k AS (
        INSERT INTO "IdempotencyKey" ("staffId", key, "requestHash", "caseId", "createdAt")
        SELECT ${r.reporterId}::uuid, ${r.idempotency.key}, ${r.idempotency.requestHash}, c.id, ${r.reportedAt} FROM c)`
    : Prisma.empty;
  const [row] = await tx.$queryRaw<InsertedCaseSqlRow[]>(Prisma.sql`
    WITH counter AS (
      INSERT INTO "CaseCounter" ("townId", "year", "last") VALUES (${r.townId}::uuid, ${r.year}, 1)
      ON CONFLICT ("townId", "year") DO UPDATE SET "last" = "CaseCounter"."last" + 1
      RETURNING "last"
    ), c AS (
      INSERT INTO "Case" (id, "townId", number, "categoryId", "gridId", "villageId", priority, description,
        address, lon, lat, "isOutsideGrid", "reporterId", "onBehalfName", "onBehalfPhone", extra,
        "reportedAt", "updatedAt")
      SELECT ${caseId}::uuid, ${r.townId}::uuid,
        ${`${r.year}-`} || lpad(counter."last"::text, greatest(6, length(counter."last"::text)), '0'),
        ${r.categoryId}::uuid, ${r.gridId}::uuid, ${r.villageId}::uuid, ${r.priority}::"CasePriority",
        ${r.description}, ${r.address}, ${r.lon}::double precision, ${r.lat}::double precision,
        ${r.isOutsideGrid}, ${r.reporterId}::uuid, ${r.onBehalfName}, ${r.onBehalfPhone},
        ${JSON.stringify(r.extra ?? {})}::jsonb, ${r.reportedAt}, ${r.reportedAt}
      FROM counter
      RETURNING id, "townId", "gridId", "villageId", "categoryId", "assigneeId", status::text AS status,
        "reportedAt", "acceptedAt", "handledAt", "closedAt", deadline, "reworkCount", "escalatedAt", number
    ), e AS (
      INSERT INTO "CaseEvent" (id, "caseId", "townId", seq, kind, "actorId", "fromStatus", "toStatus", note,
        "assigneeId", "photoIds", data, "createdAt")
      SELECT ${uuid7(r.reportedAt)}::uuid, c.id, c."townId", 1, 'report', ${r.reporterId}::uuid, NULL,
        'reported'::"CaseStatus", ${r.event.note}, NULL, ${photoIds}, '{}'::jsonb, ${r.reportedAt}
      FROM c
    )${key}
    SELECT * FROM c`);
  if (!row) throw new Error('The new case was not inserted');
  // A new case: no deadline, no acceptance yet; its report time is the one just written.
  return { ...row, reportedAt: r.reportedAt };
}

/** One timeline row; `createdAt` is the event's own time. */
export function toEventRow(
  e: CaseEventRecord,
  target: { caseId: string; townId: string; seq: number },
): Prisma.CaseEventCreateManyInput {
  return {
    caseId: target.caseId,
    townId: target.townId,
    seq: target.seq,
    kind: e.kind,
    actorId: e.actorId,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.note,
    assigneeId: e.assigneeId,
    photoIds: e.photoIds,
    data: e.data as Prisma.InputJsonValue,
    createdAt: new Date(e.at),
  };
}

export async function appendEvents(
  tx: Prisma.TransactionClient,
  target: { caseId: string; townId: string; firstSeq: number },
  events: CaseEventRecord[],
): Promise<void> {
  const rows = events.map((e, i) => toEventRow(e, { ...target, seq: target.firstSeq + i }));
  // Most changes append one event; a single-row create costs Prisma less CPU than createMany.
  if (rows.length === 1) await tx.caseEvent.create({ data: rows[0]!, select: { id: true } });
  else await tx.caseEvent.createMany({ data: rows });
}

export async function findLastSeq(tx: Prisma.TransactionClient, caseId: string): Promise<number> {
  const agg = await tx.caseEvent.aggregate({ where: { caseId }, _max: { seq: true } });
  return agg._max.seq ?? 0;
}

const toDate = (v: string | null) => (v ? new Date(v) : null);

/** The case columns a projection owns. */
export function projectionToColumns(p: CaseProjection) {
  return {
    status: p.status,
    resumeStatus: p.resumeStatus,
    assigneeId: p.assigneeId,
    acceptedAt: toDate(p.acceptedAt),
    handledAt: toDate(p.handledAt),
    closedAt: toDate(p.closedAt),
    slaWorkingMs: p.slaWorkingMs === null ? null : BigInt(Math.round(p.slaWorkingMs)),
    deadline: toDate(p.deadline),
    pausedAt: toDate(p.pausedAt),
    reworkCount: p.reworkCount,
    isEscalated: p.isEscalated,
    escalatedAt: toDate(p.escalatedAt),
    escalatedById: p.escalatedById,
    escalationNote: p.escalationNote,
    extensionDeadline: toDate(p.extensionDeadline),
    extensionNote: p.extensionNote,
    extensionById: p.extensionById,
    duplicateOfId: p.duplicateOfId,
  };
}

/** Writes the folded projection if nobody changed the case since `version` was read. */
export async function updateProjection(
  tx: Prisma.TransactionClient,
  target: { id: string; version: number },
  p: CaseProjection,
): Promise<boolean> {
  const { count } = await tx.case.updateMany({
    where: { id: target.id, version: target.version },
    data: { ...projectionToColumns(p), version: { increment: 1 } },
  });
  return count === 1;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toProjection(row: CaseStateRow): CaseProjection {
  return {
    status: row.status,
    resumeStatus: row.resumeStatus,
    assigneeId: row.assigneeId,
    acceptedAt: iso(row.acceptedAt),
    handledAt: iso(row.handledAt),
    closedAt: iso(row.closedAt),
    slaWorkingMs: row.slaWorkingMs === null ? null : Number(row.slaWorkingMs),
    deadline: iso(row.deadline),
    pausedAt: iso(row.pausedAt),
    reworkCount: row.reworkCount,
    isEscalated: row.isEscalated,
    escalatedAt: iso(row.escalatedAt),
    escalatedById: row.escalatedById,
    escalationNote: row.escalationNote,
    extensionDeadline: iso(row.extensionDeadline),
    extensionNote: row.extensionNote,
    extensionById: row.extensionById,
    duplicateOfId: row.duplicateOfId,
  };
}

/** The grid's active worker, else its leader (on leave, departed or disabled people are skipped). */
export async function findAutoAssignee(db: Db, gridId: string): Promise<string | null> {
  const rows = await db.gridAssignment.findMany({
    where: {
      gridId,
      endedAt: null,
      role: { in: ['grid_worker', 'grid_leader'] },
      staff: { status: 'active', disabledAt: null },
    },
    select: { staffId: true, role: true },
    orderBy: { startedAt: 'asc' },
  });
  return (
    (rows.find((r) => r.role === 'grid_worker') ?? rows.find((r) => r.role === 'grid_leader'))?.staffId ??
    null
  );
}

/** An assignee must be active and be the worker or leader of the case's grid, or lead its town. */
/** Who may be given a case of this grid: its active workers and leaders, and its town's leaders. */
function eligibleAssigneeWhere(target: { gridId: string; townId: string }) {
  return {
    // The same rule as automatic dispatch: people on leave are not given new work.
    status: 'active',
    disabledAt: null,
    OR: [
      {
        assignments: {
          some: { gridId: target.gridId, endedAt: null, role: { in: ['grid_worker', 'grid_leader'] } },
        },
      },
      { roles: { some: { role: 'town_leader', regionId: target.townId } } },
    ],
  } satisfies Prisma.StaffWhereInput;
}

export async function isEligibleAssignee(
  db: Db,
  staffId: string,
  target: { gridId: string; townId: string },
): Promise<boolean> {
  return (await db.staff.count({ where: { id: staffId, ...eligibleAssigneeWhere(target) } })) === 1;
}

/** Everyone `isEligibleAssignee` accepts for this grid, for the dispatch and reassign lists. */
export async function findEligibleAssignees(db: Db, target: { gridId: string; townId: string }) {
  const rows = await db.staff.findMany({
    where: eligibleAssigneeWhere(target),
    select: { id: true, name: true, roles: { select: { role: true } } },
    orderBy: { name: 'asc' },
    take: 500,
  });
  return rows.map((r) => ({ id: r.id, name: r.name, roles: [...new Set(r.roles.map((x) => x.role))] }));
}

/** What access to a case is decided on. */
export function findCaseKey(db: Db, id: string) {
  return db.case.findUnique({
    where: { id },
    select: { gridId: true, townId: true, reporterId: true, assigneeId: true },
  });
}

/** A report already made with this key (read fast path: every report with a key asks first). */
export async function findIdempotencyKey(
  sql: SqlClient,
  staffId: string,
  key: string,
): Promise<{ requestHash: string; caseId: string } | null> {
  const [row] = await sql.query<{ requestHash: string; caseId: string }>({
    text: 'SELECT "requestHash", "caseId" FROM "IdempotencyKey" WHERE "staffId" = $1::uuid AND key = $2',
    values: [staffId, key],
  });
  return row ?? null;
}
