// Case lists with keyset pagination (stable under concurrent inserts, cheap at any depth), always
// limited to the viewer's territory, and the nearby-duplicate check shown before reporting.
import {
  type CaseList,
  type CaseListQuery,
  type CaseSummary,
  isoInstant,
  OPEN_STATUSES,
} from '@gridgov/shared';
import { z } from 'zod';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { loadWorkingCalendar } from '../calendar/calendar.repository';
import { caseScopeWhere } from './case-access';
import {
  afterCursorSql,
  type CaseListCursor,
  caseListFilters,
  casePageSql,
  SORT_FIELD,
} from './case-list.query';
import { toCaseSummary } from './case-mappers';
import { buildMapContext } from './case-view.service';
import { findCaseSummaries, findCaseSummaryPage } from './cases.repository';

const cursorSchema = z.object({ v: isoInstant().nullable(), id: z.uuid() });

function encodeCursor(cursor: CaseListCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(raw: string): CaseListCursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('bad_request', 'Invalid cursor');
  }
}

export async function listCases(ctx: AppContext, actor: Actor, query: CaseListQuery): Promise<CaseList> {
  const now = new Date();
  const filters = caseListFilters(actor, query, now);
  if (query.cursor) filters.push(afterCursorSql(query.sort, decodeCursor(query.cursor)));
  const [{ rows, visibleStaffIds }, calendar] = await Promise.all([
    findCaseSummaryPage(ctx.sql, casePageSql(actor, filters, query.sort, query.limit + 1)),
    loadWorkingCalendar(ctx.prisma),
  ]);
  const page = rows.slice(0, query.limit);
  const mapContext = { calendar, now, visibleStaffIds: visibleStaffIds.add(actor.id) };
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
