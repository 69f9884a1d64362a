import { z } from 'zod';
import { isoDay } from '../api/input-gate';

/**
 * The statistics contract (issue 5). One definition of every figure lives in `./figures.ts`
 * (pure functions over counts); the API, the dashboard and the exports all use it.
 */

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const STATS_DIMENSIONS = ['village', 'grid', 'worker', 'category'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

export const TREND_INTERVALS = ['day', 'week'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

/** The window is a range of local (Asia/Shanghai) days, both ends included. */
export const statsQuerySchema = z.object({
  from: isoDay(),
  to: isoDay(),
  villageId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  gridId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  categoryCode: z.preprocess(emptyToUndefined, z.string().max(40).optional()),
});
export type StatsQuery = z.infer<typeof statsQuerySchema>;

const rate = z.number().min(0).max(1).nullable();

/** Every figure for one slice (town, village, grid, worker or category) over the window. */
export const figuresSchema = z.object({
  /** Reported in the window. */
  received: z.number().int(),
  /** Accepted (立案) in the window. */
  accepted: z.number().int(),
  /** Closed (结案) in the window. */
  closed: z.number().int(),
  /** Of `closed`, closed no later than their deadline. */
  closedOnTime: z.number().int(),
  /** Open now (accepted and not yet closed, rejected or cancelled), whenever reported. */
  open: z.number().int(),
  /** Of `open`, past their deadline now. */
  overdue: z.number().int(),
  /** Whose deadline fell in the window (closed or not; rejected and cancelled cases are never due). */
  dueToClose: z.number().int(),
  /** Of `dueToClose`, closed by now: the numerator of 结案率 (added: see docs/decisions/007). */
  dueClosed: z.number().int(),
  /**
   * 结案率: closed / due to close, both counted over the cases due in the window (`dueClosed /
   * dueToClose`), so the rate stays within 0…1 (closed-in-window over due-in-window can exceed 1).
   */
  closeRate: rate,
  /** 按期结案率: on-time closed / (closed + open-and-overdue) — late open cases cannot hide. */
  onTimeRate: rate,
  /** Working hours from accepted to handled, suspension excluded, over cases closed in the window. */
  avgHandlingHours: z.number().nullable(),
  medianHandlingHours: z.number().nullable(),
  /** Closed in the window after at least one return for rework. */
  reworked: z.number().int(),
  /** 返工率: reworked / closed. */
  reworkRate: rate,
  /** Escalated (督办) in the window. */
  escalated: z.number().int(),
  /** Satisfied follow-ups / follow-ups; null until resident follow-ups exist. */
  satisfactionRate: rate,
});
export type Figures = z.infer<typeof figuresSchema>;

export const statsSummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  figures: figuresSchema,
});
export type StatsSummary = z.infer<typeof statsSummarySchema>;

export const statsBreakdownQuerySchema = statsQuerySchema.extend({
  by: z.enum(STATS_DIMENSIONS),
});
export type StatsBreakdownQuery = z.infer<typeof statsBreakdownQuerySchema>;

export const statsBreakdownItemSchema = z.object({
  /** Region, grid or staff id; the category code for `by=category`. */
  id: z.string(),
  code: z.string(),
  name: z.string(),
  /** Grid and village rows: residents, for per-1,000 figures (null when unknown). */
  population: z.number().int().nullable(),
  figures: figuresSchema,
});
export type StatsBreakdownItem = z.infer<typeof statsBreakdownItemSchema>;

export const statsBreakdownSchema = z.object({
  by: z.enum(STATS_DIMENSIONS),
  from: z.string(),
  to: z.string(),
  items: z.array(statsBreakdownItemSchema),
});
export type StatsBreakdown = z.infer<typeof statsBreakdownSchema>;

export const statsTrendQuerySchema = statsQuerySchema.extend({
  interval: z.preprocess(emptyToUndefined, z.enum(TREND_INTERVALS).default('day')),
});
export type StatsTrendQuery = z.infer<typeof statsTrendQuerySchema>;

export const statsTrendSchema = z.object({
  interval: z.enum(TREND_INTERVALS),
  points: z.array(
    z.object({
      /** First local day of the bucket. */
      start: z.string(),
      received: z.number().int(),
      accepted: z.number().int(),
      closed: z.number().int(),
      closedOnTime: z.number().int(),
      escalated: z.number().int(),
    }),
  ),
});
export type StatsTrend = z.infer<typeof statsTrendSchema>;

/** Map colouring choices; each maps to a figure of a grid's breakdown row. */
export const CHOROPLETH_METRICS = ['open', 'overdue', 'per1000', 'onTimeRate'] as const;
export type ChoroplethMetric = (typeof CHOROPLETH_METRICS)[number];
