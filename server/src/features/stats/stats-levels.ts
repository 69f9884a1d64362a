// The roll-up levels of StatsDaily (docs/decisions/007-stats-aggregation.md): the same daily
// counters kept at five granularities, so a query reads the coarsest level that has the
// dimensions it filters or groups by, and its cost follows grids × days, not the number of cases.
import {
  type CaseStatFacts,
  contributeCase,
  DAILY_COUNTERS,
  type DailyCounts,
  emptyDailyCounts,
  formatLocalDate,
  parseLocalDate,
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

/**
 * Span rows: for the levels that county-wide rankings read (grid, category), the same counters are
 * also kept summed over aligned blocks of 2^k days (k = 1…8: 2 to 256 days), stored as level
 * `base × 10 + k` with `day` = the block's first day. A window then reads at most two blocks of each
 * size per group instead of one row per day: a year is ≤ 16 rows per grid instead of 365, so the
 * cost no longer grows with how densely the days are filled (docs/decisions/013-stats-spans.md).
 */
export const SPANNED_LEVELS: readonly number[] = [1, 2];
export const SPAN_EXPONENTS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8];

export function spanLevel(base: number, exponent: number): number {
  return exponent === 0 ? base : base * 10 + exponent;
}

function baseLevelOf(level: number): number {
  return level >= 10 ? Math.floor(level / 10) : level;
}

/** First day of the aligned block of 2^exponent days holding the day (blocks count from 1970-01-01). */
export function spanStart(day: string, exponent: number): string {
  const size = 2 ** exponent;
  return formatLocalDate(Math.floor(parseLocalDate(day) / size) * size);
}

/**
 * The window from..to (both included) as aligned blocks: each piece is 2^exponent days starting at
 * `start`. Greedy from the left, so every size appears at most twice.
 */
export function decomposeWindow(from: string, to: string): { exponent: number; start: string }[] {
  const pieces: { exponent: number; start: string }[] = [];
  const last = parseLocalDate(to);
  let day = parseLocalDate(from);
  const maxExponent = SPAN_EXPONENTS[SPAN_EXPONENTS.length - 1]!;
  while (day <= last) {
    let exponent = maxExponent;
    while (exponent > 0 && (day % 2 ** exponent !== 0 || day + 2 ** exponent - 1 > last)) exponent--;
    pieces.push({ exponent, start: formatLocalDate(day) });
    day += 2 ** exponent;
  }
  return pieces;
}

function rowKey(level: number, keys: CaseKeys, day: string): Omit<StatsRow, 'counts'> {
  const dims = STATS_LEVELS[baseLevelOf(level)]!.dims;
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
 * Adds `sign` × the case's contribution into `rows` (keyed for merging), at every level (and the span
 * rows of the spanned ones) by default; rebuilds add the detail level only and roll the others up in SQL.
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
      add(rows, rowKey(level, keys, day), counts, sign);
      if (!SPANNED_LEVELS.includes(level)) continue;
      for (const exponent of SPAN_EXPONENTS) {
        add(rows, rowKey(spanLevel(level, exponent), keys, spanStart(day, exponent)), counts, sign);
      }
    }
  }
}

function add(rows: Map<string, StatsRow>, key: Omit<StatsRow, 'counts'>, counts: DailyCounts, sign: 1 | -1) {
  const id = `${key.townId}|${key.level}|${key.day}|${key.gridId}|${key.categoryId}|${key.assigneeId}`;
  const row = rows.get(id) ?? { ...key, counts: emptyDailyCounts() };
  rows.set(id, row);
  for (const counter of DAILY_COUNTERS) row.counts[counter] += sign * counts[counter];
  counts.handlingHistogram.forEach((n, i) => {
    row.counts.handlingHistogram[i]! += sign * n;
  });
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
