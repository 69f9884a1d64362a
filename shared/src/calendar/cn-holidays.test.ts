import { describe, expect, it } from 'vitest';
import { atLocal } from './calendar.fixture';
import { buildDefaultCalendar, CN_HOLIDAYS_2025_2026, listYearsMissing } from './cn-holidays';
import { getWeekday, parseLocalDate } from './local-day';

describe('CN_HOLIDAYS_2025_2026', () => {
  const allHolidays = Object.values(CN_HOLIDAYS_2025_2026).flatMap((year) => year.holidays);

  it('when listing the years, then only the published 2025 and 2026 are present', () => {
    expect(Object.keys(CN_HOLIDAYS_2025_2026)).toEqual(['2025', '2026']);
  });

  it('when checking every 调休 workday, then each falls on a Saturday or Sunday', () => {
    const weekdays = allHolidays
      .flatMap((holiday) => holiday.workdays)
      .map((date) => getWeekday(parseLocalDate(date)));
    expect(weekdays.length).toBe(11);
    expect(weekdays.every((weekday) => weekday === 0 || weekday === 6)).toBe(true);
  });

  it('when counting days off, then the totals match the notices (2025: 28, 2026: 33)', () => {
    const countOff = (year: '2025' | '2026') =>
      CN_HOLIDAYS_2025_2026[year].holidays.reduce((sum, holiday) => sum + holiday.off.length, 0);
    expect([countOff('2025'), countOff('2026')]).toEqual([28, 33]);
  });
});

describe('buildDefaultCalendar', () => {
  it('when an admin edits the built calendar, then the shared constant is untouched', () => {
    const calendar = buildDefaultCalendar();
    calendar.years['2026']?.holidays[0]?.off.push('2026-01-05');
    calendar.workingHours[0]!.start = '09:00';
    expect(CN_HOLIDAYS_2025_2026['2026'].holidays[0]?.off).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
    ]);
    expect(buildDefaultCalendar().workingHours[0]?.start).toBe('08:30');
  });
});

describe('listYearsMissing', () => {
  const calendar = buildDefaultCalendar();

  it('when the range stays inside 2026, then nothing is missing', () => {
    expect(listYearsMissing(calendar, atLocal('2026-01-01T00:00'), atLocal('2026-12-31T23:59'))).toEqual([]);
  });

  it('when the range reaches into 2028, then 2027 and 2028 are reported', () => {
    expect(listYearsMissing(calendar, atLocal('2026-12-01T10:00'), atLocal('2028-01-15T10:00'))).toEqual([
      2027, 2028,
    ]);
  });

  it('when the instant is 2027 only in China time, then 2027 is reported', () => {
    const from = new Date('2026-12-31T10:00:00Z');
    expect(listYearsMissing(calendar, from, new Date('2026-12-31T16:30:00Z'))).toEqual([2027]);
  });

  it('when to is before from, then nothing is reported', () => {
    expect(listYearsMissing(calendar, atLocal('2027-06-01T10:00'), atLocal('2026-06-01T10:00'))).toEqual([]);
  });
});
