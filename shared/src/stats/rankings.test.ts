import { describe, expect, it } from 'vitest';
import { computeFigures, emptyFigureCounts } from './figures';
import { sortRankings } from './rankings';
import type { Figures, StatsBreakdownItem } from './stats.schema';

/** A place where nothing happened, with the figures a test sets. */
const figures = (overrides: Partial<Figures>): Figures => ({
  ...computeFigures(emptyFigureCounts()),
  ...overrides,
});
const item = (name: string, f: Partial<Figures>): StatsBreakdownItem => ({
  id: name,
  code: name,
  name,
  population: null,
  figures: figures(f),
});

const ITEMS = [
  item('乙', { onTimeRate: 0.5, received: 3 }),
  item('甲', { onTimeRate: null, received: 9 }),
  item('丙', { onTimeRate: 0.9, received: 3 }),
];

describe('sortRankings', () => {
  it('when sorted by a rate either way, then rows without a rate stay last', () => {
    expect(sortRankings(ITEMS, { column: 'onTimeRate', isDescending: true }).map((i) => i.name)).toEqual([
      '丙',
      '乙',
      '甲',
    ]);
    expect(sortRankings(ITEMS, { column: 'onTimeRate', isDescending: false }).map((i) => i.name)).toEqual([
      '乙',
      '丙',
      '甲',
    ]);
  });

  it('when values tie, then the name decides', () => {
    const sorted = sortRankings(ITEMS, { column: 'received', isDescending: false }).map((i) => i.name);
    expect(sorted[2]).toBe('甲');
    // Pinyin order, written out: 丙 bǐng before 乙 yǐ.
    expect(sorted.slice(0, 2)).toEqual(['丙', '乙']);
  });

  it('when sorted by name, then pinyin order (丙 bǐng, 甲 jiǎ, 乙 yǐ), not code-point order, either way', () => {
    const byName = (isDescending: boolean) =>
      sortRankings(ITEMS, { column: 'name', isDescending }).map((i) => i.name);
    expect(byName(false)).toEqual(['丙', '甲', '乙']);
    expect(byName(true)).toEqual(['乙', '甲', '丙']);
  });
});
