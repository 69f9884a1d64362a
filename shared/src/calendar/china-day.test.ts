import { describe, expect, it } from 'vitest';
import { addDays, chinaDayEnd, chinaDayOf, chinaDayStart, formatChinaDateTime } from './china-day';

describe('China days', () => {
  it('when an instant falls before or after local midnight, then it belongs to that local day', () => {
    expect(chinaDayOf(new Date('2026-03-02T15:59:59.999Z'))).toBe('2026-03-02');
    expect(chinaDayOf(new Date('2026-03-02T16:00:00Z'))).toBe('2026-03-03');
  });

  it('when a day is given, then it starts at 16:00 UTC the day before and ends at the next start', () => {
    expect(chinaDayStart('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(chinaDayEnd('2026-01-01').toISOString()).toBe('2026-01-01T16:00:00.000Z');
    expect(chinaDayOf(chinaDayStart('2026-02-28'))).toBe('2026-02-28');
    expect(chinaDayOf(new Date(chinaDayEnd('2026-02-28').getTime() - 1))).toBe('2026-02-28');
  });

  it('when days are added across a month, a leap day or backwards, then the calendar date is right', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('when an instant is formatted, then it reads in China time to the minute', () => {
    expect(formatChinaDateTime(new Date('2026-11-29T00:30:45Z'))).toBe('2026-11-29 08:30');
  });

  it('when a day is malformed, then it is refused rather than read as some other instant', () => {
    expect(() => chinaDayStart('2026-1-5')).toThrow(RangeError);
    expect(() => addDays('tomorrow', 1)).toThrow(RangeError);
  });
});
