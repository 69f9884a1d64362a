import { describe, expect, it } from 'vitest';
import { countWindowDays, findWindowProblem, listWindowDays, weekStartOf } from './stats-window';

describe('the statistics window', () => {
  it('when from and to are the same day, then 1 day; all of March, then 31; to before from, then 0', () => {
    expect(countWindowDays('2026-03-05', '2026-03-05')).toBe(1);
    expect(countWindowDays('2026-03-01', '2026-03-31')).toBe(31);
    expect(countWindowDays('2026-03-02', '2026-03-01')).toBe(0);
  });

  it('when the window is 366 days, then it is served; 367 days or backwards, then the problem is named', () => {
    expect(findWindowProblem('2025-01-01', '2026-01-01')).toBeNull();
    expect(findWindowProblem('2026-03-05', '2026-03-05')).toBeNull();
    expect(findWindowProblem('2025-01-01', '2026-01-02')).toBe('the window is 367 days; at most 366');
    expect(findWindowProblem('2026-03-02', '2026-03-01')).toBe('`to` is before `from`');
  });

  it('when listed across the end of February, then every day in order; backwards, then none', () => {
    expect(listWindowDays('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(listWindowDays('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('when asked for the week of a day, then its Monday (weeks run Monday to Sunday), also before 1970', () => {
    expect(weekStartOf('2026-03-02')).toBe('2026-03-02'); // Monday
    expect(weekStartOf('2026-03-04')).toBe('2026-03-02'); // Wednesday
    expect(weekStartOf('2026-03-07')).toBe('2026-03-02'); // Saturday
    expect(weekStartOf('2026-03-08')).toBe('2026-03-02'); // Sunday
    expect(weekStartOf('1969-12-31')).toBe('1969-12-29'); // Wednesday, a negative day number
  });
});
