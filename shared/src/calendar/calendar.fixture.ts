import type { SlaDuration } from './calendar.schema';

/** An instant written as China local time, e.g. atLocal('2026-09-30T10:00'). */
export function atLocal(localDateTime: string): Date {
  return new Date(`${localDateTime}:00+08:00`);
}

export function workingHours(amount: number): SlaDuration {
  return { unit: 'working_hours', amount };
}

export function workingDays(amount: number): SlaDuration {
  return { unit: 'working_days', amount };
}

export const HOUR_MS = 3_600_000;
