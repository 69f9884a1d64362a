import { describe, expect, it } from 'vitest';
import { atLocal, HOUR_MS, workingDays, workingHours } from './calendar.fixture';
import type { WorkingCalendar } from './calendar.schema';
import { buildDefaultCalendar } from './cn-holidays';
import { addWorkingTime, isWorkingDay, toWorkingMs, workingMsBetween } from './working-time';

describe('isWorkingDay', () => {
  const calendar = buildDefaultCalendar();

  it.each([
    ['2026-10-10', true, 'Sat 调休 after National Day'],
    ['2026-01-04', true, 'Sun 调休 after New Year'],
    ['2026-02-14', true, 'Sat 调休 before Spring Festival'],
    ['2026-02-28', true, 'Sat 调休 after Spring Festival'],
    ['2026-10-01', false, 'National Day (Thu)'],
    ['2026-02-16', false, 'Spring Festival (Mon)'],
    ['2026-03-07', false, 'ordinary Saturday'],
    ['2026-03-04', true, 'ordinary Wednesday'],
    ['2025-10-08', false, '2025 National Day (Wed)'],
    ['2025-09-28', true, '2025 Sun 调休'],
  ])('when the date is %s, then it is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(calendar, date)).toBe(expected);
  });

  it('when the year has no arrangement (2027), then plain Mon–Fri applies', () => {
    expect(isWorkingDay(calendar, '2027-10-01')).toBe(true);
    expect(isWorkingDay(calendar, '2027-10-02')).toBe(false);
  });

  it('when the date is impossible, then it throws', () => {
    expect(() => isWorkingDay(calendar, '2026-02-30')).toThrow(RangeError);
  });
});

describe('addWorkingTime across official holidays', () => {
  const calendar = buildDefaultCalendar();

  it.each([
    ['2026-09-30T10:00', workingDays(1), '2026-10-08T10:00', 'National Day 10-01…10-07 skipped'],
    ['2026-03-02T10:00', workingDays(1), '2026-03-03T10:00', 'Mon 10:00 → Tue 10:00'],
    ['2026-10-09T10:00', workingDays(1), '2026-10-10T10:00', 'Sat 10-10 调休 counts'],
    ['2026-10-09T10:00', workingDays(2), '2026-10-12T10:00', 'Sun 10-11 does not count'],
    ['2025-12-31T17:00', workingHours(1), '2026-01-04T09:00', 'New Year off, Sun 01-04 worked'],
    ['2026-02-13T17:00', workingHours(1), '2026-02-14T09:00', 'Sat 02-14 worked'],
    ['2026-02-14T17:00', workingHours(1), '2026-02-24T09:00', 'Spring Festival 02-15…02-23 skipped'],
    ['2026-02-13T10:00', workingDays(5), '2026-02-27T10:00', 'five days around Spring Festival'],
    ['2026-09-01T08:30', workingDays(30), '2026-10-16T17:30', 'thirty days through 中秋 and 国庆'],
    ['2027-09-30T10:00', workingDays(1), '2027-10-01T10:00', '2027 not published: no holiday invented'],
  ])('when starting %s with %o, then the deadline is %s (%s)', (start, duration, expected) => {
    expect(addWorkingTime(calendar, atLocal(start), duration)).toEqual(atLocal(expected));
  });
});

describe('addWorkingTime outside working hours and at boundaries', () => {
  const calendar = buildDefaultCalendar();

  it.each([
    ['2026-03-02T19:00', workingHours(2), '2026-03-03T10:30', 'evening → next morning'],
    ['2026-03-02T12:30', workingHours(1), '2026-03-02T15:30', 'lunch break → 14:30'],
    ['2026-03-07T10:00', workingDays(1), '2026-03-09T17:30', 'Saturday → whole Monday'],
    ['2026-03-02T07:00', workingDays(1), '2026-03-02T17:30', 'before opening → same day close'],
    ['2026-03-02T11:45', workingHours(0.5), '2026-03-02T14:45', 'half an hour across lunch'],
    ['2026-03-02T08:30', workingHours(3.5), '2026-03-02T12:00', 'exactly fills the morning'],
    ['2026-03-02T14:30', workingHours(3), '2026-03-02T17:30', 'exactly fills the afternoon'],
    ['2026-03-02T12:00', workingHours(1), '2026-03-02T15:30', 'start at a period end'],
    ['2026-03-02T17:30', workingHours(0.5), '2026-03-03T09:00', 'start at closing time'],
    ['2026-03-02T10:00', workingHours(0.25), '2026-03-02T10:15', 'fractional hours'],
  ])('when starting %s with %o, then the deadline is %s (%s)', (start, duration, expected) => {
    expect(addWorkingTime(calendar, atLocal(start), duration)).toEqual(atLocal(expected));
  });

  it('when the calendar uses another offset, then day boundaries follow that offset', () => {
    const utcCalendar: WorkingCalendar = { ...calendar, timeZoneOffsetMinutes: 0, years: {} };
    const deadline = addWorkingTime(utcCalendar, new Date('2026-03-02T11:30:00Z'), workingHours(1));
    expect(deadline).toEqual(new Date('2026-03-02T15:00:00Z'));
  });
});

describe('toWorkingMs', () => {
  it('when the default calendar converts a working day, then it is 6.5 hours', () => {
    expect(toWorkingMs(buildDefaultCalendar(), workingDays(1))).toBe(6.5 * HOUR_MS);
  });

  it('when working hours are 09:00–17:00, then a working day is 8 hours', () => {
    const calendar = { ...buildDefaultCalendar(), workingHours: [{ start: '09:00', end: '17:00' }] };
    expect(toWorkingMs(calendar, workingDays(2))).toBe(16 * HOUR_MS);
  });

  it('when the amount is not positive, then it throws', () => {
    expect(() => toWorkingMs(buildDefaultCalendar(), workingHours(0))).toThrow(RangeError);
  });
});

describe('workingMsBetween', () => {
  const calendar = buildDefaultCalendar();

  it('when to is not after from, then it is 0', () => {
    expect(workingMsBetween(calendar, atLocal('2026-03-03T10:00'), atLocal('2026-03-02T10:00'))).toBe(0);
  });

  it('when the span covers National Day, then only Sep 30 and Oct 8 count', () => {
    const elapsed = workingMsBetween(calendar, atLocal('2026-09-30T10:00'), atLocal('2026-10-08T10:00'));
    expect(elapsed).toBe(6.5 * HOUR_MS);
  });

  it.each([
    ['2025', 248],
    ['2026', 248],
  ])('when measuring all of %s, then it has %i official working days', (year, days) => {
    const elapsed = workingMsBetween(
      calendar,
      atLocal(`${year}-01-01T00:00`),
      atLocal(`${Number(year) + 1}-01-01T00:00`),
    );
    expect(elapsed).toBe(days * 6.5 * HOUR_MS);
  });
});

describe('addWorkingTime on absurd input', () => {
  it('when the deadline would be more than 20 years away, then it throws a clear error', () => {
    expect(() =>
      addWorkingTime(buildDefaultCalendar(), atLocal('2026-03-02T10:00'), workingDays(1e6)),
    ).toThrow(/20 years/);
  });

  it('when an unvalidated calendar has no working hours, then it throws instead of looping', () => {
    const calendar = { ...buildDefaultCalendar(), workingHours: [] };
    expect(() => addWorkingTime(calendar, atLocal('2026-03-02T10:00'), workingHours(1))).toThrow(RangeError);
  });

  it('when the start is an invalid Date, then it throws', () => {
    expect(() => addWorkingTime(buildDefaultCalendar(), new Date('nope'), workingHours(1))).toThrow(
      /invalid Date/,
    );
  });
});
