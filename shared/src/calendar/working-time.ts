import type { SlaDuration, WorkingCalendar } from './calendar.schema';
import type { CalendarRules } from './calendar-rules';
import { compileCalendar, countWorkingDays, isWorkingDayNumber } from './calendar-rules';
import { dayNumberOfLocalMs, MS_PER_DAY, MS_PER_HOUR, parseLocalDate, toLocalMs } from './local-day';

/**
 * Longest stretch a deadline search may cover. Real SLAs are weeks; reaching this means absurd calendar data
 * or an absurd duration, and throwing beats spinning.
 */
export const MAX_SEARCH_YEARS = 20;
const MAX_SEARCH_DAYS = Math.ceil(MAX_SEARCH_YEARS * 365.25);

/** Mon–Fri unless listed as off; Sat/Sun only when listed as a workday (调休上班). */
export function isWorkingDay(calendar: WorkingCalendar, localDate: string): boolean {
  return isWorkingDayNumber(compileCalendar(calendar), parseLocalDate(localDate));
}

/**
 * A duration in working ms. A working day is the calendar's daily working time (6.5 h by default), so
 * "N working days" means the same amount of clock-on time as N × 6.5 working hours. Rounded to the ms
 * because Date cannot hold fractions of one.
 */
export function toWorkingMs(calendar: WorkingCalendar, duration: SlaDuration): number {
  if (!(Number.isFinite(duration.amount) && duration.amount > 0)) {
    throw new RangeError(`SLA duration must be a positive number, got ${duration.amount}`);
  }
  const unitMs = duration.unit === 'working_days' ? compileCalendar(calendar).dailyMs : MS_PER_HOUR;
  return Math.round(duration.amount * unitMs);
}

/**
 * The deadline: the instant at which `duration` of working time has elapsed since `start`. Counting starts
 * at `start` if it is inside a working period, else at the next period start. A deadline that lands exactly
 * on a period end stays there (17:30), it is not pushed to the next morning.
 */
export function addWorkingTime(calendar: WorkingCalendar, start: Date, duration: SlaDuration): Date {
  return addWorkingMs(calendar, start, toWorkingMs(calendar, duration));
}

/** Same as addWorkingTime with the duration already in working ms (0 returns `start` unchanged). */
export function addWorkingMs(calendar: WorkingCalendar, start: Date, workingMs: number): Date {
  const rules = compileCalendar(calendar);
  const localMs = addWorkingMsLocal(rules, toLocalMs(calendar, start, 'start'), workingMs);
  return new Date(localMs - rules.offsetMs);
}

/** Working time in [from, to); 0 when to ≤ from. */
export function workingMsBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  return workingMsBetweenLocal(
    compileCalendar(calendar),
    toLocalMs(calendar, from, 'from'),
    toLocalMs(calendar, to, 'to'),
  );
}

export function addWorkingMsLocal(rules: CalendarRules, startLocal: number, workingMs: number): number {
  if (!(Number.isSafeInteger(workingMs) && workingMs >= 0)) {
    throw new RangeError(`working time must be a whole, non-negative number of ms, got ${workingMs}`);
  }
  if (workingMs === 0) return startLocal;
  let remaining = workingMs;
  const firstDay = dayNumberOfLocalMs(startLocal);
  // Steps one day at a time and one period at a time inside it: a 30-working-day SLA is ~45 iterations.
  for (let day = firstDay; day - firstDay <= MAX_SEARCH_DAYS; day++) {
    if (!isWorkingDayNumber(rules, day)) continue;
    const midnight = day * MS_PER_DAY;
    if (startLocal <= midnight && remaining > rules.dailyMs) {
      remaining -= rules.dailyMs;
      continue;
    }
    for (const period of rules.periods) {
      const periodEnd = midnight + period.endMs;
      if (startLocal >= periodEnd) continue;
      const countFrom = Math.max(startLocal, midnight + period.startMs);
      const available = periodEnd - countFrom;
      // `<=` keeps a deadline that exactly fills a period at that period's end.
      if (remaining <= available) return countFrom + remaining;
      remaining -= available;
    }
  }
  throw new RangeError(
    `No deadline within ${MAX_SEARCH_YEARS} years of the start: the duration or the calendar data is absurd`,
  );
}

export function workingMsBetweenLocal(rules: CalendarRules, fromLocal: number, toLocal: number): number {
  if (toLocal <= fromLocal) return 0;
  const firstDay = dayNumberOfLocalMs(fromLocal);
  const lastDay = dayNumberOfLocalMs(toLocal);
  if (firstDay === lastDay) return measureWithinDay(rules, firstDay, fromLocal, toLocal);
  return (
    measureWithinDay(rules, firstDay, fromLocal, (firstDay + 1) * MS_PER_DAY) +
    countWorkingDays(rules, firstDay + 1, lastDay - 1) * rules.dailyMs +
    measureWithinDay(rules, lastDay, lastDay * MS_PER_DAY, toLocal)
  );
}

function measureWithinDay(rules: CalendarRules, day: number, fromLocal: number, toLocal: number): number {
  if (!isWorkingDayNumber(rules, day)) return 0;
  const midnight = day * MS_PER_DAY;
  let total = 0;
  for (const period of rules.periods) {
    const overlap =
      Math.min(toLocal, midnight + period.endMs) - Math.max(fromLocal, midnight + period.startMs);
    if (overlap > 0) total += overlap;
  }
  return total;
}
