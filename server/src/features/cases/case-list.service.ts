// Case lists with keyset pagination (stable under concurrent inserts, cheap at any depth), always
// limited to the viewer's territory, and the nearby-duplicate check shown before reporting.
import type { Prisma } from '@gridgov/db';
import { type CaseList, type CaseListQuery, type CaseSummary, OPEN_STATUSES } from '@gridgov/shared';
import { z } from 'zod';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { caseScopeWhere } from './case-access';
import { toCaseSummary } from './case-mappers';
import { buildMapContext } from './case-view.service';
import { findCaseSummaries } from './cases.repository';

type Sort = CaseListQuery['sort'];
interface Cursor {
  v: string | null;
  id: string;
}

const SORT_FIELD = {
  reported_desc: 'reportedAt',
  reported_asc: 'reportedAt',
  deadline_asc: 'deadline',
  updated_desc: 'updatedAt',
} as const;
const IS_DESC: Record<Sort, boolean> = {
  reported_desc: true,
  reported_asc: false,
  deadline_asc: false,
  updated_desc: true,
};
const CHINA_OFFSET = '+08:00';

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

const cursorSchema = z.object({ v: z.iso.datetime().nullable(), id: z.uuid() });

function decodeCursor(raw: string): Cursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('bad_request', 'Invalid cursor');
  }
}

function orderBy(sort: Sort): Prisma.CaseOrderByWithRelationInput[] {
  const dir = IS_DESC[sort] ? 'desc' : 'asc';
  const field = SORT_FIELD[sort];
  const first = field === 'deadline' ? { deadline: { sort: dir, nulls: 'last' } } : { [field]: dir };
  return [first as Prisma.CaseOrderByWithRelationInput, { id: dir }];
}

/** Rows strictly after the cursor in the sort order (nulls sort last). */
function afterCursor(sort: Sort, cursor: Cursor): Prisma.CaseWhereInput {
  const field = SORT_FIELD[sort];
  const beyond = IS_DESC[sort] ? 'lt' : 'gt';
  if (cursor.v === null) return { [field]: null, id: { [beyond]: cursor.id } };
  const value = new Date(cursor.v);
  const later: Prisma.CaseWhereInput[] = [
    { [field]: { [beyond]: value } },
    { [field]: value, id: { [beyond]: cursor.id } },
  ];
  if (field === 'deadline') later.push({ deadline: null });
  return { OR: later };
}

/** The list's filters; the map's case points use the same ones (case-map.service.ts). */
export function buildFilters(
  actor: Actor,
  q: Omit<CaseListQuery, 'sort' | 'limit' | 'cursor'>,
  now: Date,
): Prisma.CaseWhereInput[] {
  const filters: Prisma.CaseWhereInput[] = [caseScopeWhere(actor)];
  if (q.status?.length) filters.push({ status: { in: q.status } });
  if (q.categoryCode)
    filters.push({ category: { OR: [{ code: q.categoryCode }, { parent: { code: q.categoryCode } }] } });
  if (q.gridId) filters.push({ gridId: q.gridId });
  if (q.villageId) filters.push({ villageId: q.villageId });
  if (q.assigneeId) filters.push({ assigneeId: q.assigneeId === 'me' ? actor.id : q.assigneeId });
  if (q.overdue !== undefined) {
    const overdue: Prisma.CaseWhereInput = {
      status: { in: ['accepted', 'dispatched', 'in_progress'] },
      deadline: { lt: now },
    };
    filters.push(q.overdue ? overdue : { NOT: overdue });
  }
  if (q.escalated !== undefined) filters.push({ isEscalated: q.escalated });
  if (q.q) {
    filters.push({
      OR: [
        { number: { contains: q.q } },
        { description: { contains: q.q, mode: 'insensitive' } },
        { address: { contains: q.q, mode: 'insensitive' } },
      ],
    });
  }
  if (q.from) filters.push({ reportedAt: { gte: new Date(`${q.from}T00:00:00${CHINA_OFFSET}`) } });
  if (q.to)
    filters.push({
      reportedAt: { lt: new Date(new Date(`${q.to}T00:00:00${CHINA_OFFSET}`).getTime() + 86_400_000) },
    });
  return filters;
}

export async function listCases(ctx: AppContext, actor: Actor, query: CaseListQuery): Promise<CaseList> {
  const now = new Date();
  const filters = buildFilters(actor, query, now);
  if (query.cursor) filters.push(afterCursor(query.sort, decodeCursor(query.cursor)));
  const rows = await findCaseSummaries(ctx.prisma, {
    where: { AND: filters },
    orderBy: orderBy(query.sort),
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const mapContext = await buildMapContext(
    ctx,
    actor,
    page.flatMap((r) => [r.reporterId, r.assigneeId ?? '']).filter(Boolean),
  );
  const last = page[page.length - 1];
  const field = SORT_FIELD[query.sort];
  return {
    items: page.map((row) => toCaseSummary(row, mapContext)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ v: last[field]?.toISOString() ?? null, id: last.id })
        : null,
  };
}

const DUPLICATE_RADIUS_M = 50;
const DUPLICATE_WINDOW_DAYS = 14;
const METERS_PER_DEGREE = 111_320;

function metersBetween(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

/** Open cases of the same category within 50 m reported in the last 14 days, nearest first. */
export async function findNearbyCases(
  ctx: AppContext,
  actor: Actor,
  options: { categoryCode: string; lon: number; lat: number },
): Promise<{ items: CaseSummary[] }> {
  const dLat = DUPLICATE_RADIUS_M / METERS_PER_DEGREE;
  const dLon = dLat / Math.max(0.01, Math.cos((options.lat * Math.PI) / 180));
  const rows = await findCaseSummaries(ctx.prisma, {
    where: {
      AND: [
        caseScopeWhere(actor),
        { category: { code: options.categoryCode } },
        { status: { in: [...OPEN_STATUSES] } },
        { reportedAt: { gte: new Date(Date.now() - DUPLICATE_WINDOW_DAYS * 86_400_000) } },
        { lon: { gte: options.lon - dLon, lte: options.lon + dLon } },
        { lat: { gte: options.lat - dLat, lte: options.lat + dLat } },
      ],
    },
    orderBy: [{ reportedAt: 'desc' }],
    take: 50,
  });
  const near = rows
    .map((row) => ({ row, meters: metersBetween(options, { lon: row.lon!, lat: row.lat! }) }))
    .filter((n) => n.meters <= DUPLICATE_RADIUS_M)
    .sort((a, b) => a.meters - b.meters);
  const mapContext = await buildMapContext(
    ctx,
    actor,
    near.flatMap((n) => [n.row.reporterId, n.row.assigneeId ?? '']).filter(Boolean),
  );
  return { items: near.map((n) => toCaseSummary(n.row, mapContext)) };
}
