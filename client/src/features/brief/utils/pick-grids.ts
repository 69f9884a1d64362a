import type { StatsBreakdownItem } from '@gridgov/shared';

export const GRIDS_SHOWN = 3;

/**
 * The best and worst grids by 按期结案率 (on-time closed / (closed + open overdue)). Grids with no rate
 * (nothing closed, nothing overdue) are not ranked. Ties: among the best, more closed cases first; among
 * the worst, more overdue first. With fewer than six ranked grids a grid is listed only once, as best.
 */
export function pickBestAndWorstGrids(
  items: readonly StatsBreakdownItem[],
  count = GRIDS_SHOWN,
): { best: StatsBreakdownItem[]; worst: StatsBreakdownItem[] } {
  const ranked = items.filter((item) => item.figures.onTimeRate !== null);
  const rate = (item: StatsBreakdownItem) => item.figures.onTimeRate ?? 0;
  const best = [...ranked]
    .sort((a, b) => rate(b) - rate(a) || b.figures.closed - a.figures.closed || a.name.localeCompare(b.name))
    .slice(0, count);
  const bestIds = new Set(best.map((item) => item.id));
  const worst = ranked
    .filter((item) => !bestIds.has(item.id))
    .sort(
      (a, b) => rate(a) - rate(b) || b.figures.overdue - a.figures.overdue || a.name.localeCompare(b.name),
    )
    .slice(0, count);
  return { best, worst };
}
