// The roll-up levels of StatsDaily (docs/decisions/007-stats-aggregation.md): the same daily
// counters kept at five granularities, so a query reads the coarsest level that has the
// dimensions it filters or groups by, and its cost follows grids × days, not the number of cases.
import {
  type CaseStatFacts,
  contributeCase,
  DAILY_COUNTERS,
  type DailyCounts,
  emptyDailyCounts,
} from '@gridgov/shared';

/** A rolled-up (or absent) dimension. */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export type StatsDim = 'grid' | 'category' | 'assignee';
export const STATS_LEVELS: readonly { level: number; dims: readonly StatsDim[] }[] = [
  { level: 0, dims: [] },
  { level: 1, dims: ['grid'] },
  { level: 2, dims: ['category'] },
  { level: 3, dims: ['assignee'] },
  { level: 4, dims: ['grid', 'category', 'assignee'] },
];

/** The coarsest level that carries every needed dimension. */
export function chooseLevel(needed: ReadonlySet<StatsDim>): number {
  return STATS_LEVELS.find((l) => [...needed].every((d) => l.dims.includes(d)))!.level;
}

export interface CaseKeys {
  townId: string;
  gridId: string;
  villageId: string;
  categoryId: string;
  assigneeId: string | null;
}

export interface StatsRow {
  townId: string;
  level: number;
  day: string;
  gridId: string;
  villageId: string;
  categoryId: string;
  assigneeId: string;
  counts: DailyCounts;
}

function rowKey(level: number, keys: CaseKeys, day: string): Omit<StatsRow, 'counts'> {
  const dims = STATS_LEVELS[level]!.dims;
  const hasGrid = dims.includes('grid');
  return {
    townId: keys.townId,
    level,
    day,
    gridId: hasGrid ? keys.gridId : NIL_UUID,
    villageId: hasGrid ? keys.villageId : NIL_UUID,
    categoryId: dims.includes('category') ? keys.categoryId : NIL_UUID,
    assigneeId: dims.includes('assignee') ? (keys.assigneeId ?? NIL_UUID) : NIL_UUID,
  };
}

export const DETAIL_LEVEL = 4;
const ALL_LEVELS = STATS_LEVELS.map((l) => l.level);

/**
 * Adds `sign` × the case's contribution into `rows` (keyed for merging), at every level by default;
 * rebuilds add the detail level only and roll the others up in SQL.
 */
export function accumulateCase(
  rows: Map<string, StatsRow>,
  keys: CaseKeys,
  facts: CaseStatFacts,
  sign: 1 | -1,
  levels: readonly number[] = ALL_LEVELS,
): void {
  for (const [day, counts] of contributeCase(facts)) {
    for (const level of levels) {
      const key = rowKey(level, keys, day);
      const id = `${key.townId}|${level}|${day}|${key.gridId}|${key.categoryId}|${key.assigneeId}`;
      const row = rows.get(id) ?? { ...key, counts: emptyDailyCounts() };
      rows.set(id, row);
      for (const counter of DAILY_COUNTERS) row.counts[counter] += sign * counts[counter];
      counts.handlingHistogram.forEach((n, i) => {
        row.counts.handlingHistogram[i]! += sign * n;
      });
    }
  }
}

export function isZeroRow(row: StatsRow): boolean {
  return (
    DAILY_COUNTERS.every((c) => row.counts[c] === 0) && row.counts.handlingHistogram.every((n) => n === 0)
  );
}

/** Rows with a change, in key order: concurrent transactions lock shared rows in the same order. */
export function listChangedRows(rows: Map<string, StatsRow>): StatsRow[] {
  return [...rows.entries()]
    .filter(([, row]) => !isZeroRow(row))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
}
