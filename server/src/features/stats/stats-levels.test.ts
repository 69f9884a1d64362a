import { describe, expect, it } from 'vitest';
import { decomposeWindow, SPAN_EXPONENTS, spanStart } from './stats-levels';

const DAY = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY;
const addDays = (day: string, n: number) => new Date((dayNumber(day) + n) * DAY).toISOString().slice(0, 10);

describe('span rows', () => {
  it('when a day is placed in blocks, then each block starts on a multiple of its size since 1970-01-01', () => {
    expect(spanStart('1970-01-04', 2)).toBe('1970-01-01');
    expect(spanStart('1970-01-05', 2)).toBe('1970-01-05');
    for (const exponent of SPAN_EXPONENTS) {
      const start = spanStart('2026-11-29', exponent);
      expect(dayNumber(start) % 2 ** exponent).toBe(0);
      expect(dayNumber('2026-11-29') - dayNumber(start)).toBeLessThan(2 ** exponent);
    }
  });

  it('when any window up to a year is decomposed, then its aligned pieces cover each day exactly once, at most two of a size', () => {
    const first = '2025-01-01';
    for (let offset = 0; offset < 300; offset += 7) {
      for (const length of [1, 2, 7, 30, 31, 90, 255, 256, 365, 366]) {
        const from = addDays(first, offset);
        const to = addDays(from, length - 1);
        const pieces = decomposeWindow(from, to);
        const covered: number[] = [];
        const bySize = new Map<number, number>();
        for (const { exponent, start } of pieces) {
          expect(dayNumber(start) % 2 ** exponent).toBe(0);
          bySize.set(exponent, (bySize.get(exponent) ?? 0) + 1);
          for (let i = 0; i < 2 ** exponent; i++) covered.push(dayNumber(start) + i);
        }
        expect(covered).toEqual(Array.from({ length }, (_, i) => dayNumber(from) + i));
        for (const count of bySize.values()) expect(count).toBeLessThanOrEqual(2);
        expect(pieces.length).toBeLessThanOrEqual(2 * (SPAN_EXPONENTS.length + 1));
      }
    }
  });

  it('when a year is decomposed, then it reads about a tenth of the rows a day-by-day read would', () => {
    expect(decomposeWindow('2025-11-29', '2026-11-28').length).toBeLessThanOrEqual(16);
    expect(decomposeWindow('2026-10-30', '2026-11-28').length).toBeLessThanOrEqual(8);
  });
});
