import { computeFigures, emptyFigureCounts, type Figures, type StatsBreakdownItem } from '@gridgov/shared';
import { describe, expect, it } from 'vitest';
import { pickBestAndWorstGrids } from './pick-grids';

const grid = (name: string, onTimeRate: number | null, extra: Partial<Figures> = {}): StatsBreakdownItem => ({
  id: name,
  code: name,
  name,
  population: null,
  figures: { ...computeFigures(emptyFigureCounts()), onTimeRate, ...extra },
});

describe('pickBestAndWorstGrids', () => {
  it('when many grids have rates, then the three highest and the three lowest, unrated grids left out', () => {
    const items = [0.9, 0.2, 0.5, null, 1, 0.7, 0.1, 0.3].map((r, i) => grid(`g${i}`, r));
    const { best, worst } = pickBestAndWorstGrids(items);
    expect(best.map((g) => g.figures.onTimeRate)).toEqual([1, 0.9, 0.7]);
    expect(worst.map((g) => g.figures.onTimeRate)).toEqual([0.1, 0.2, 0.3]);
  });

  it('when rates tie, then more overdue is worse and more closed is better', () => {
    const items = [
      grid('a', 0.5, { overdue: 1, closed: 1 }),
      grid('b', 0.5, { overdue: 4, closed: 9 }),
      grid('c', 0.5, { overdue: 2, closed: 5 }),
      grid('d', 0.5, { overdue: 0, closed: 2 }),
    ];
    const { best, worst } = pickBestAndWorstGrids(items, 1);
    expect(best.map((g) => g.id)).toEqual(['b']);
    expect(worst.map((g) => g.id)).toEqual(['c']);
  });

  it('when fewer than six grids are rated, then no grid is both best and worst', () => {
    const { best, worst } = pickBestAndWorstGrids([
      grid('a', 0.1),
      grid('b', 0.5),
      grid('c', 0.9),
      grid('d', 0.3),
    ]);
    expect(best.map((g) => g.id)).toEqual(['c', 'b', 'd']);
    expect(worst.map((g) => g.id)).toEqual(['a']);
  });
});
