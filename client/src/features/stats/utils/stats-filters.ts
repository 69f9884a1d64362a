import {
  addDays,
  chinaDayOf,
  STATS_DIMENSIONS,
  type StatsDimension,
  type StatsQuery,
  TREND_INTERVALS,
  type TrendInterval,
} from '@gridgov/shared';

export const WINDOW_PRESETS = ['7', '30', '90', 'custom'] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number];

export type StatsFilters = {
  preset: WindowPreset;
  /** Both ends included, China days; for a preset, computed from today. */
  from: string;
  to: string;
  villageId: string | null;
  gridId: string | null;
  categoryCode: string | null;
  interval: TrendInterval;
  /** The rankings tab (and what its export holds). */
  by: StatsDimension;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[\w-]{1,64}$/;
const DEFAULT_PRESET: WindowPreset = '30';
/** The server refuses nothing shorter, but a year is the longest window the page offers. */
const MAX_WINDOW_DAYS = 366;

const pick = <T extends string>(options: readonly T[], value: string | null, fallback: T): T =>
  options.find((option) => option === value) ?? fallback;

const valid = (value: string | null, pattern: RegExp) => (value && pattern.test(value) ? value : null);

function isRealDay(day: string | null): day is string {
  return (
    day !== null &&
    ISO_DATE.test(day) &&
    !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) &&
    addDays(day, 0) === day
  );
}

/** Reads the page's filters from the URL; anything malformed falls back to the default window. */
export function parseStatsFilters(
  params: URLSearchParams,
  today: string = chinaDayOf(new Date()),
): StatsFilters {
  let preset = pick(WINDOW_PRESETS, params.get('preset'), DEFAULT_PRESET);
  let from = params.get('from');
  let to = params.get('to');
  const isCustomValid =
    preset === 'custom' &&
    isRealDay(from) &&
    isRealDay(to) &&
    from <= to &&
    Date.parse(to) - Date.parse(from) < MAX_WINDOW_DAYS * 86_400_000;
  if (!isCustomValid) {
    if (preset === 'custom') preset = DEFAULT_PRESET;
    to = today;
    from = addDays(today, -(Number(preset) - 1));
  }
  return {
    preset,
    from: from as string,
    to: to as string,
    villageId: valid(params.get('villageId'), ID),
    gridId: valid(params.get('gridId'), ID),
    categoryCode: valid(params.get('categoryCode'), /^[\w.-]{1,40}$/),
    interval: pick(TREND_INTERVALS, params.get('interval'), 'day'),
    by: pick(STATS_DIMENSIONS, params.get('by'), 'grid'),
  };
}

/** Writes the filters back; a preset window is stored as the preset alone, so a bookmark stays "last 30 days". */
export function writeStatsFilters(filters: StatsFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.preset !== DEFAULT_PRESET) params.set('preset', filters.preset);
  if (filters.preset === 'custom') {
    params.set('from', filters.from);
    params.set('to', filters.to);
  }
  if (filters.villageId) params.set('villageId', filters.villageId);
  if (filters.gridId) params.set('gridId', filters.gridId);
  if (filters.categoryCode) params.set('categoryCode', filters.categoryCode);
  if (filters.interval !== 'day') params.set('interval', filters.interval);
  if (filters.by !== 'grid') params.set('by', filters.by);
  return params;
}

/** The API's query for these filters. */
export function toStatsQuery(filters: StatsFilters): StatsQuery {
  return {
    from: filters.from,
    to: filters.to,
    ...(filters.villageId ? { villageId: filters.villageId } : {}),
    ...(filters.gridId ? { gridId: filters.gridId } : {}),
    ...(filters.categoryCode ? { categoryCode: filters.categoryCode } : {}),
  };
}
