import type { WorkingCalendar } from './calendar.schema';

/**
 * Day arithmetic in the calendar's fixed offset. A "day number" counts local days since 1970-01-01, and a
 * "local ms" is epoch ms shifted by the offset, so local midnight of day d is exactly d × MS_PER_DAY.
 * Plain integers keep every computation exact (no Date objects, no Intl, no DST).
 */
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function getOffsetMs(calendar: WorkingCalendar): number {
  return calendar.timeZoneOffsetMinutes * MS_PER_MINUTE;
}

/** Epoch ms of a Date, refusing Invalid Date so NaN never reaches a loop condition. */
export function readEpochMs(instant: Date, label: string): number {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${label} is an invalid Date`);
  return ms;
}

export function toLocalMs(calendar: WorkingCalendar, instant: Date, label: string): number {
  return readEpochMs(instant, label) + getOffsetMs(calendar);
}

export function dayNumberOfLocalMs(localMs: number): number {
  return Math.floor(localMs / MS_PER_DAY);
}

/** Day number of a 'YYYY-MM-DD' string; throws on malformed or impossible dates such as 2026-02-30. */
export function parseLocalDate(value: string): number {
  const match = ISO_DATE.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const utcMs = Date.UTC(year, month - 1, day);
    const roundTrip = new Date(utcMs);
    if (roundTrip.getUTCMonth() === month - 1 && roundTrip.getUTCDate() === day && year >= 1000) {
      return utcMs / MS_PER_DAY;
    }
  }
  throw new RangeError(`Expected a real local date written YYYY-MM-DD, got '${value}'`);
}

export function formatLocalDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
export function getWeekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekendDay(dayNumber: number): boolean {
  const weekday = getWeekday(dayNumber);
  return weekday === 0 || weekday === 6;
}

export function localYearOf(calendar: WorkingCalendar, instant: Date): number {
  return new Date(toLocalMs(calendar, instant, 'instant')).getUTCFullYear();
}
