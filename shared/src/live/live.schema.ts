import { z } from 'zod';
import { deadlineStatusSchema } from '../calendar';
import { caseListQuerySchema, lonLatSchema } from '../cases/case-api.schema';
import { type CaseStatus, caseStatusSchema } from '../cases/case-states';

/**
 * The live channel (issue 5): `GET /api/events` streams one `case` event per created or changed case,
 * limited to the cases the listener may see. Small on purpose: the client patches its map points with it
 * and refetches anything richer.
 */
export const LIVE_EVENT_KINDS = ['created', 'changed'] as const;

export const liveCaseEventSchema = z.object({
  kind: z.enum(LIVE_EVENT_KINDS),
  caseId: z.string(),
  townId: z.string(),
  gridId: z.string(),
  status: caseStatusSchema,
  location: lonLatSchema.nullable(),
  deadline: z.string().nullable(),
  deadlineStatus: deadlineStatusSchema.nullable(),
  isEscalated: z.boolean(),
  version: z.number().int(),
  /** When the change was committed (ISO 8601). */
  at: z.string(),
});
export type LiveCaseEvent = z.infer<typeof liveCaseEventSchema>;

/** SSE event names on `GET /api/events`. */
export const LIVE_EVENT_NAMES = {
  /** Sent once when the stream opens: the listener is subscribed from here on. */
  ready: 'ready',
  case: 'case',
  /** Changes may have been missed (the server lost its database listener for a while): refetch. */
  resync: 'resync',
} as const;

/** Statuses whose deadline is running: past it, a case counts as overdue (the case list's `overdue`). */
export const RUNNING_DEADLINE_STATUSES: readonly CaseStatus[] = ['accepted', 'dispatched', 'in_progress'];

export function isOverdueNow(
  c: { status: CaseStatus; deadline: string | Date | null; pausedAt?: string | Date | null },
  now: Date,
): boolean {
  if (!c.deadline) return false;
  const deadline = new Date(c.deadline).getTime();
  // Suspending a late case does not make it on time (the case list's `overdue` filter agrees).
  if (c.status === 'suspended') return Boolean(c.pausedAt) && new Date(c.pausedAt!).getTime() > deadline;
  return RUNNING_DEADLINE_STATUSES.includes(c.status) && deadline < now.getTime();
}

/** The map's filters: the case list's, minus paging, sorting, text search and the grid/assignee pickers. */
export const mapPointsQuerySchema = caseListQuerySchema.pick({
  status: true,
  categoryCode: true,
  villageId: true,
  overdue: true,
  escalated: true,
  from: true,
  to: true,
});
export type MapPointsQuery = z.infer<typeof mapPointsQuerySchema>;

/** One case on the map: `[id, lon, lat, status, isEscalated (0|1), isOverdue (0|1)]`. */
export const mapPointSchema = z.tuple([
  z.string(),
  z.number(),
  z.number(),
  caseStatusSchema,
  z.union([z.literal(0), z.literal(1)]),
  z.union([z.literal(0), z.literal(1)]),
]);
export type MapPoint = z.infer<typeof mapPointSchema>;

/** At most this many points per answer (newest first); `truncated` says when more matched. */
export const MAP_POINTS_LIMIT = 50_000;

export const mapPointsSchema = z.object({
  points: z.array(mapPointSchema),
  truncated: z.boolean(),
});
export type MapPoints = z.infer<typeof mapPointsSchema>;
