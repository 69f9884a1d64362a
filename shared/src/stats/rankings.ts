import type { Figures, StatsBreakdownItem } from './stats.schema';

export type RankingSort = { column: keyof Figures | 'name'; isDescending: boolean };

/**
 * Sorts breakdown rows by one column. Rows without a value (a rate with nothing to divide) always go
 * last, whichever the direction, so "best first" never starts with an empty grid; ties keep name order.
 */
export function sortRankings(items: readonly StatsBreakdownItem[], sort: RankingSort): StatsBreakdownItem[] {
  const byName = (a: StatsBreakdownItem, b: StatsBreakdownItem) => a.name.localeCompare(b.name, 'zh-CN');
  return [...items].sort((a, b) => {
    if (sort.column === 'name') return sort.isDescending ? byName(b, a) : byName(a, b);
    const x = a.figures[sort.column];
    const y = b.figures[sort.column];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const order = sort.isDescending ? y - x : x - y;
    return order !== 0 ? order : byName(a, b);
  });
}
