// What one case adds to the daily statistics, as a pure function of its current state. The
// aggregates are the sum of every case's contribution; a case change applies
// contribution(after) − contribution(before), so the incremental path and a rebuild agree by
// construction (docs/decisions/007-stats-aggregation.md).
import type { WorkingCalendar } from '../calendar/calendar.schema';
import { compileCalendar } from '../calendar/calendar-rules';
import { chinaDayOf } from '../calendar/china-day';
import { workingMsElapsed } from '../calendar/sla-clock';
import { workingMsBetweenLocal } from '../calendar/working-time';
import type { CaseStatus } from '../cases/case-states';
import { type FigureCounts, HANDLING_BUCKETS, handlingBucketOf } from './figures';

/** Counters kept per day; open and overdue are "now" figures, computed live from the cases. */
export type DailyCounts = Omit<FigureCounts, 'open' | 'overdue'>;
export const DAILY_COUNTERS = [
  'received',
  'accepted',
  'closed',
  'closedOnTime',
  'dueToClose',
  'dueClosed',
  'reworked',
  'escalated',
  'handlingCount',
  'handlingMsSum',
] as const satisfies readonly Exclude<keyof DailyCounts, 'handlingHistogram'>[];

/** The case fields the statistics read. */
export interface CaseStatFacts {
  status: CaseStatus;
  reportedAt: Date;
  acceptedAt: Date | null;
  handledAt: Date | null;
  closedAt: Date | null;
  deadline: Date | null;
  reworkCount: number;
  escalatedAt: Date | null;
  /** Working ms from acceptance to the last feedback, suspension excluded; null unless closed. */
  handlingMs: number | null;
}

export function emptyDailyCounts(): DailyCounts {
  return {
    received: 0,
    accepted: 0,
    closed: 0,
    closedOnTime: 0,
    dueToClose: 0,
    dueClosed: 0,
    reworked: 0,
    escalated: 0,
    handlingCount: 0,
    handlingMsSum: 0,
    handlingHistogram: new Array<number>(HANDLING_BUCKETS).fill(0),
  };
}

const NEVER_DUE: readonly CaseStatus[] = ['rejected', 'cancelled'];

/** Closed no later than the deadline: the last feedback came in time (decision 006). */
export function isClosedOnTime(facts: Pick<CaseStatFacts, 'handledAt' | 'deadline'>): boolean {
  return facts.deadline === null || (facts.handledAt !== null && facts.handledAt <= facts.deadline);
}

/** The case's counters by local day. */
export function contributeCase(facts: CaseStatFacts): Map<string, DailyCounts> {
  const days = new Map<string, DailyCounts>();
  const on = (instant: Date) => {
    const day = chinaDayOf(instant);
    const counts = days.get(day) ?? emptyDailyCounts();
    days.set(day, counts);
    return counts;
  };
  on(facts.reportedAt).received++;
  if (facts.acceptedAt) on(facts.acceptedAt).accepted++;
  if (facts.escalatedAt) on(facts.escalatedAt).escalated++;
  const isClosed = facts.status === 'closed' && facts.closedAt !== null;
  if (isClosed) {
    const counts = on(facts.closedAt!);
    counts.closed++;
    if (isClosedOnTime(facts)) counts.closedOnTime++;
    if (facts.reworkCount > 0) counts.reworked++;
    if (facts.handlingMs !== null) {
      counts.handlingCount++;
      counts.handlingMsSum += facts.handlingMs;
      counts.handlingHistogram[handlingBucketOf(facts.handlingMs)]!++;
    }
  }
  if (facts.deadline && !NEVER_DUE.includes(facts.status)) {
    const counts = on(facts.deadline);
    counts.dueToClose++;
    if (isClosed) counts.dueClosed++;
  }
  return days;
}

/** a − b, day by day, keeping only days where something changed. */
export function diffContributions(
  after: Map<string, DailyCounts>,
  before: Map<string, DailyCounts>,
): Map<string, DailyCounts> {
  const result = new Map<string, DailyCounts>();
  for (const day of new Set([...after.keys(), ...before.keys()])) {
    const a = after.get(day) ?? emptyDailyCounts();
    const b = before.get(day) ?? emptyDailyCounts();
    const delta = emptyDailyCounts();
    let isChanged = false;
    for (const key of DAILY_COUNTERS) {
      delta[key] = a[key] - b[key];
      if (delta[key] !== 0) isChanged = true;
    }
    delta.handlingHistogram = a.handlingHistogram.map((n, i) => n - b.handlingHistogram[i]!);
    if (delta.handlingHistogram.some((n) => n !== 0)) isChanged = true;
    if (isChanged) result.set(day, delta);
  }
  return result;
}

/** Suspensions from the timeline: each `suspend` until the next `resume` (still open: null). */
export function listSuspensions(
  events: readonly { kind: string; at: Date }[],
): { from: Date; to: Date | null }[] {
  const pauses: { from: Date; to: Date | null }[] = [];
  for (const event of events) {
    if (event.kind === 'suspend') pauses.push({ from: event.at, to: null });
    else if (event.kind === 'resume' && pauses.length && pauses.at(-1)!.to === null)
      pauses.at(-1)!.to = event.at;
  }
  return pauses;
}

/** Handling time: working ms from acceptance to the last feedback, suspensions taken out. */
export function measureHandlingMs(
  calendar: WorkingCalendar,
  c: { acceptedAt: Date | null; handledAt: Date | null; events: readonly { kind: string; at: Date }[] },
): number | null {
  if (!c.acceptedAt || !c.handledAt) return null;
  return workingMsElapsed(calendar, {
    start: c.acceptedAt,
    end: c.handledAt,
    pauses: listSuspensions(c.events),
  });
}

type HandlingInput = Parameters<typeof measureHandlingMs>[1];

/**
 * `measureHandlingMs` with the calendar compiled once, for rebuilds over millions of cases (the
 * public calendar functions recompile it on every call). Suspensions of one case never overlap.
 */
export function createHandlingClock(calendar: WorkingCalendar): (c: HandlingInput) => number | null {
  const rules = compileCalendar(calendar);
  const between = (from: number, to: number) =>
    workingMsBetweenLocal(rules, from + rules.offsetMs, to + rules.offsetMs);
  return (c) => {
    if (!c.acceptedAt || !c.handledAt) return null;
    const start = c.acceptedAt.getTime();
    const end = c.handledAt.getTime();
    let elapsed = between(start, end);
    for (const pause of listSuspensions(c.events)) {
      elapsed -= between(Math.max(pause.from.getTime(), start), Math.min(pause.to?.getTime() ?? end, end));
    }
    return elapsed;
  };
}
