import { MS_PER_DAY, MS_PER_HOUR } from './local-day';

/**
 * Local days in China. Asia/Shanghai has had no daylight saving since 1991, so a local day is the UTC+8
 * day: filters, statistics, exports and the UI all cut days here, whatever the server's or browser's
 * own time zone.
 */
export const CHINA_OFFSET_MS = 8 * MS_PER_HOUR;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkDay(day: string): string {
  if (!ISO_DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
    throw new RangeError(`Expected a date written YYYY-MM-DD, got '${day}'`);
  }
  return day;
}

/** 'YYYY-MM-DD' of the China day holding the instant. */
export function chinaDayOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China day starts (its local midnight). */
export function chinaDayStart(day: string): Date {
  return new Date(Date.parse(`${checkDay(day)}T00:00:00Z`) - CHINA_OFFSET_MS);
}

/** The instant a China day ends: the next day's start (use as an exclusive upper bound). */
export function chinaDayEnd(day: string): Date {
  return new Date(chinaDayStart(day).getTime() + MS_PER_DAY);
}

/** A 'YYYY-MM-DD' day plus n days (n may be negative). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${checkDay(day)}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `2026-11-29 08:30`: the instant in China time, to the minute. */
export function formatChinaDateTime(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
