import type { DeadlineStatus, SlaDuration, WorkingCalendar } from './calendar.schema';
import { compileCalendar } from './calendar-rules';
import { MS_PER_HOUR, readEpochMs, toLocalMs } from './local-day';
import { addWorkingMsLocal, toWorkingMs, workingMsBetweenLocal } from './working-time';

/** A suspension (挂起): the SLA clock stops from `from` until `to`; `to: null` means still suspended. */
export interface SlaPause {
  from: Date;
  to: Date | null;
}

export interface DeadlineInput {
  start: Date;
  duration: SlaDuration;
  pauses: readonly SlaPause[];
}

export interface ElapsedInput {
  start: Date;
  end: Date;
  pauses: readonly SlaPause[];
}

export interface ClassifyInput {
  now: Date;
  deadline: Date | null;
  duration?: SlaDuration;
  /** Share of the duration below which a case is due soon; only used together with `duration`. */
  dueSoonRatio?: number;
}

export const DEFAULT_DUE_SOON_RATIO = 0.25;
/** Without a duration there is no ratio to apply, so "due soon" means half a working day or less. */
export const DUE_SOON_FALLBACK_MS = 4 * MS_PER_HOUR;

interface PauseSpan {
  from: number;
  to: number;
}

/** Sorted, disjoint epoch-ms spans; an open pause becomes `to: Infinity` and swallows everything after it. */
function mergePauses(pauses: readonly SlaPause[]): PauseSpan[] {
  const spans = pauses.map((pause, index) => {
    const from = readEpochMs(pause.from, `pauses[${index}].from`);
    const to = pause.to === null ? Number.POSITIVE_INFINITY : readEpochMs(pause.to, `pauses[${index}].to`);
    // A pause that ends before it starts is corrupt data; guessing which bound is wrong would hide it.
    if (to < from) throw new RangeError(`pauses[${index}] ends before it starts`);
    return { from, to };
  });
  spans.sort((a, b) => a.from - b.from);
  const merged: PauseSpan[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last !== undefined && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * The deadline with suspensions taken out: the instant at which `duration` of un-paused working time has
 * elapsed since `start`. Returns null while an open pause stops the clock — unless the deadline had already
 * passed before that pause began, because suspending an overdue case must not hide that it is overdue.
 */
export function computeDeadline(calendar: WorkingCalendar, input: DeadlineInput): Date | null {
  const rules = compileCalendar(calendar);
  let remaining = toWorkingMs(calendar, input.duration);
  let cursor = toLocalMs(calendar, input.start, 'start');
  for (const pause of mergePauses(input.pauses)) {
    const pauseFrom = pause.from + rules.offsetMs;
    const pauseTo = pause.to + rules.offsetMs;
    if (pauseTo <= cursor) continue;
    if (pauseFrom > cursor) {
      const available = workingMsBetweenLocal(rules, cursor, pauseFrom);
      if (available >= remaining) break;
      remaining -= available;
    }
    if (pauseTo === Number.POSITIVE_INFINITY) return null;
    cursor = pauseTo;
  }
  return new Date(addWorkingMsLocal(rules, cursor, remaining) - rules.offsetMs);
}

/** Handling time for KPIs: working ms in [start, end) outside every pause (an open pause runs to `end`). */
export function workingMsElapsed(calendar: WorkingCalendar, input: ElapsedInput): number {
  const rules = compileCalendar(calendar);
  const startLocal = toLocalMs(calendar, input.start, 'start');
  const endLocal = toLocalMs(calendar, input.end, 'end');
  let elapsed = workingMsBetweenLocal(rules, startLocal, endLocal);
  for (const pause of mergePauses(input.pauses)) {
    const pausedFrom = Math.max(pause.from + rules.offsetMs, startLocal);
    const pausedTo = Math.min(pause.to + rules.offsetMs, endLocal);
    elapsed -= workingMsBetweenLocal(rules, pausedFrom, pausedTo);
  }
  return elapsed;
}

export function classifyDeadline(calendar: WorkingCalendar, input: ClassifyInput): DeadlineStatus {
  if (input.deadline === null) return 'paused';
  const rules = compileCalendar(calendar);
  const nowLocal = toLocalMs(calendar, input.now, 'now');
  const deadlineLocal = toLocalMs(calendar, input.deadline, 'deadline');
  if (nowLocal > deadlineLocal) return 'overdue';
  const ratio = input.dueSoonRatio ?? DEFAULT_DUE_SOON_RATIO;
  if (!(ratio >= 0 && ratio <= 1)) throw new RangeError(`dueSoonRatio must be within [0, 1], got ${ratio}`);
  const threshold =
    input.duration === undefined ? DUE_SOON_FALLBACK_MS : ratio * toWorkingMs(calendar, input.duration);
  return workingMsBetweenLocal(rules, nowLocal, deadlineLocal) <= threshold ? 'due_soon' : 'on_time';
}
