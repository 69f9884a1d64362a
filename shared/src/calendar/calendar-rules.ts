import type { WorkingCalendar } from './calendar.schema';
import { parseClockTime } from './calendar.schema';
import { getOffsetMs, isWeekendDay, MS_PER_DAY, MS_PER_MINUTE, parseLocalDate } from './local-day';

/** A working period as ms since local midnight. */
export interface PeriodMs {
  startMs: number;
  endMs: number;
}

/**
 * The calendar reduced to what the arithmetic needs. Rebuilt on every public call rather than cached so an
 * admin's edit to a calendar object can never be shadowed by a stale cache; it is a few dozen map inserts.
 */
export interface CalendarRules {
  offsetMs: number;
  periods: readonly PeriodMs[];
  dailyMs: number;
  /** Day number → working or not, for every date an arrangement lists; other dates follow Mon–Fri. */
  overrides: ReadonlyMap<number, boolean>;
}

const compiledCalendars = new WeakMap<WorkingCalendar, CalendarRules>();

/**
 * The calendar's rules, compiled once per calendar object: a page of 50 cases asks for each one's
 * deadline state with the same calendar, and compiling (parsing every holiday date) was a tenth of the
 * list's server time (issue 21). A calendar is treated as immutable once validated.
 */
export function compileCalendar(calendar: WorkingCalendar): CalendarRules {
  let rules = compiledCalendars.get(calendar);
  if (!rules) {
    rules = compileCalendarRules(calendar);
    compiledCalendars.set(calendar, rules);
  }
  return rules;
}

function compileCalendarRules(calendar: WorkingCalendar): CalendarRules {
  const periods = calendar.workingHours.map(({ start, end }) => ({
    startMs: parseClockTime(start) * MS_PER_MINUTE,
    endMs: parseClockTime(end) * MS_PER_MINUTE,
  }));
  assertPeriodsUsable(periods);
  const overrides = new Map<number, boolean>();
  for (const { holidays } of Object.values(calendar.years)) {
    for (const holiday of holidays) {
      for (const date of holiday.off) overrides.set(parseLocalDate(date), false);
      for (const date of holiday.workdays) overrides.set(parseLocalDate(date), true);
    }
  }
  const dailyMs = periods.reduce((sum, period) => sum + period.endMs - period.startMs, 0);
  return { offsetMs: getOffsetMs(calendar), periods, dailyMs, overrides };
}

// The calendar type promises schema-validated data, but it is admin-edited and may arrive unparsed; bad
// periods would make the loops produce nonsense, so fail loudly here instead.
function assertPeriodsUsable(periods: readonly PeriodMs[]): void {
  let previousEnd = 0;
  for (const { startMs, endMs } of periods) {
    if (!(startMs >= previousEnd && endMs > startMs && endMs <= MS_PER_DAY)) {
      throw new RangeError('calendar.workingHours is invalid; validate it with workingCalendarSchema');
    }
    previousEnd = endMs;
  }
  if (periods.length === 0) throw new RangeError('calendar.workingHours is empty: no deadline can ever fall');
}

export function isWorkingDayNumber(rules: CalendarRules, dayNumber: number): boolean {
  return rules.overrides.get(dayNumber) ?? !isWeekendDay(dayNumber);
}

/** Working days in [firstDay, lastDay], in O(overrides) rather than O(days) so long spans stay cheap. */
export function countWorkingDays(rules: CalendarRules, firstDay: number, lastDay: number): number {
  if (lastDay < firstDay) return 0;
  const span = lastDay - firstDay + 1;
  const fullWeeks = Math.floor(span / 7);
  let count = fullWeeks * 5;
  for (let day = firstDay + fullWeeks * 7; day <= lastDay; day++) {
    if (!isWeekendDay(day)) count++;
  }
  for (const [day, isWorking] of rules.overrides) {
    if (day < firstDay || day > lastDay) continue;
    const isWeekday = !isWeekendDay(day);
    if (isWorking && !isWeekday) count++;
    if (!isWorking && isWeekday) count--;
  }
  return count;
}
