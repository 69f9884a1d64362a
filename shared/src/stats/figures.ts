// The one definition of every figure (issue 5): the API, the dashboard, the morning brief and the
// exports all turn counts into rates and hours here. See docs/decisions/007-stats-aggregation.md.
import type { Figures } from './stats.schema';

const MS_PER_HOUR = 3_600_000;

/**
 * Upper bounds (working hours, inclusive) of the handling-time histogram; one more bucket holds
 * everything longer. 6.5 h is one working day. The median is read from this histogram, so it is
 * exact to within its bucket (≤ ½ working hour below 3 h, ≤ ~25 % of the value above).
 */
export const HANDLING_BUCKET_UPPER_HOURS = [
  0.5, 1, 1.5, 2, 3, 4, 5, 6.5, 8, 10, 13, 16, 19.5, 26, 32.5, 39, 52, 65, 97.5, 130, 195,
] as const;
export const HANDLING_BUCKETS = HANDLING_BUCKET_UPPER_HOURS.length + 1;

/** The additive counters every figure is computed from; sums of them are again counters. */
export interface FigureCounts {
  received: number;
  accepted: number;
  closed: number;
  closedOnTime: number;
  /** Open now (accepted, not yet closed, rejected or cancelled). */
  open: number;
  /** Of `open`: accepted, dispatched or in progress, and past the deadline now. */
  overdue: number;
  dueToClose: number;
  dueClosed: number;
  reworked: number;
  escalated: number;
  /** Closed cases with a handling time (accepted → last feedback, working time, suspension excluded). */
  handlingCount: number;
  handlingMsSum: number;
  /** `HANDLING_BUCKETS` counts of handling times. */
  handlingHistogram: number[];
}

export function emptyFigureCounts(): FigureCounts {
  return {
    received: 0,
    accepted: 0,
    closed: 0,
    closedOnTime: 0,
    open: 0,
    overdue: 0,
    dueToClose: 0,
    dueClosed: 0,
    reworked: 0,
    escalated: 0,
    handlingCount: 0,
    handlingMsSum: 0,
    handlingHistogram: new Array<number>(HANDLING_BUCKETS).fill(0),
  };
}

/** Index of the histogram bucket a handling time (working ms) falls in. */
export function handlingBucketOf(workingMs: number): number {
  const hours = workingMs / MS_PER_HOUR;
  const index = HANDLING_BUCKET_UPPER_HOURS.findIndex((upper) => hours <= upper);
  return index === -1 ? HANDLING_BUCKET_UPPER_HOURS.length : index;
}

/** Handling-time samples (working ms) → the counters the figures need. */
export function summarizeHandlingTimes(
  samplesMs: readonly number[],
): Pick<FigureCounts, 'handlingCount' | 'handlingMsSum' | 'handlingHistogram'> {
  const handlingHistogram = new Array<number>(HANDLING_BUCKETS).fill(0);
  let handlingMsSum = 0;
  for (const ms of samplesMs) {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError(`handling time must be ≥ 0 ms, got ${ms}`);
    handlingHistogram[handlingBucketOf(ms)]!++;
    handlingMsSum += ms;
  }
  return { handlingCount: samplesMs.length, handlingMsSum, handlingHistogram };
}

/**
 * The median in working hours, interpolated linearly inside the bucket holding the middle rank;
 * the open last bucket answers its lower bound (the median is at least that long). Null when empty.
 */
export function medianFromHistogram(histogram: readonly number[]): number | null {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const middle = total / 2;
  let before = 0;
  for (let i = 0; i < histogram.length; i++) {
    const count = histogram[i]!;
    if (count > 0 && before + count >= middle) {
      const lower = i === 0 ? 0 : HANDLING_BUCKET_UPPER_HOURS[i - 1]!;
      const upper = HANDLING_BUCKET_UPPER_HOURS[i];
      if (upper === undefined) return lower;
      return lower + ((upper - lower) * (middle - before)) / count;
    }
    before += count;
  }
  return null;
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);
const roundTo = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** Counts → every figure. Rates are null when their denominator is 0. */
export function computeFigures(c: FigureCounts): Figures {
  const median = medianFromHistogram(c.handlingHistogram);
  return {
    received: c.received,
    accepted: c.accepted,
    closed: c.closed,
    closedOnTime: c.closedOnTime,
    open: c.open,
    overdue: c.overdue,
    dueToClose: c.dueToClose,
    dueClosed: c.dueClosed,
    closeRate: ratio(c.dueClosed, c.dueToClose),
    // Late open cases count against the rate: closing nothing late cannot raise it.
    onTimeRate: ratio(c.closedOnTime, c.closed + c.overdue),
    avgHandlingHours:
      c.handlingCount > 0 ? roundTo(c.handlingMsSum / c.handlingCount / MS_PER_HOUR, 2) : null,
    medianHandlingHours: median === null ? null : roundTo(median, 2),
    reworked: c.reworked,
    reworkRate: ratio(c.reworked, c.closed),
    escalated: c.escalated,
    // Resident follow-ups (回访) do not exist yet.
    satisfactionRate: null,
  };
}

/** Adds `b` into `a` (counters are additive across days, grids, categories and people). */
export function addFigureCounts(a: FigureCounts, b: FigureCounts): FigureCounts {
  return {
    received: a.received + b.received,
    accepted: a.accepted + b.accepted,
    closed: a.closed + b.closed,
    closedOnTime: a.closedOnTime + b.closedOnTime,
    open: a.open + b.open,
    overdue: a.overdue + b.overdue,
    dueToClose: a.dueToClose + b.dueToClose,
    dueClosed: a.dueClosed + b.dueClosed,
    reworked: a.reworked + b.reworked,
    escalated: a.escalated + b.escalated,
    handlingCount: a.handlingCount + b.handlingCount,
    handlingMsSum: a.handlingMsSum + b.handlingMsSum,
    handlingHistogram: a.handlingHistogram.map((n, i) => n + (b.handlingHistogram[i] ?? 0)),
  };
}
