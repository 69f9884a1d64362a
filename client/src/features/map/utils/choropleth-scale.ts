import type { ChoroplethMetric, StatsBreakdownItem } from '@gridgov/shared';

/** Light → dark: more of a bad thing (open, overdue, per 1,000) is darker red. */
export const BURDEN_COLORS = ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'] as const;
/** For the on-time rate the good end is green and the bad end red. */
export const RATE_COLORS = ['#d7191c', '#fdae61', '#ffffbf', '#a6d96a', '#1a9641'] as const;
export const NO_DATA_COLOR = '#d9dde3';

export interface ChoroplethClass {
  color: string;
  /** Inclusive lower bound, exclusive upper bound (the last class includes its upper bound). */
  min: number;
  max: number;
}

export interface ChoroplethScale {
  metric: ChoroplethMetric;
  classes: ChoroplethClass[];
  /** Whether values are shares (0–1), shown as percentages. */
  isRate: boolean;
  colorOf: (value: number | null) => string;
}

/** The figure a grid's breakdown row gives for the metric; null when it cannot be computed. */
export function readMetric(item: StatsBreakdownItem | undefined, metric: ChoroplethMetric): number | null {
  if (!item) return null;
  switch (metric) {
    case 'open':
      return item.figures.open;
    case 'overdue':
      return item.figures.overdue;
    case 'per1000':
      return item.population ? (item.figures.received / item.population) * 1000 : null;
    case 'onTimeRate':
      return item.figures.onTimeRate;
  }
}

/** 1, 2 or 5 × a power of ten, at least `value`: class edges people can read at a glance. */
function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

const RATE_EDGES = [0, 0.6, 0.75, 0.85, 0.95, 1];

/**
 * Five classes: fixed for the on-time rate (targets are read against them), otherwise equal steps from 0 to
 * a rounded maximum of the values shown, so the same count reads the same colour across the map.
 */
export function buildChoroplethScale(
  metric: ChoroplethMetric,
  values: readonly (number | null)[],
): ChoroplethScale {
  const isRate = metric === 'onTimeRate';
  const palette = isRate ? RATE_COLORS : BURDEN_COLORS;
  let edges: number[];
  if (isRate) {
    edges = RATE_EDGES;
  } else {
    const max = Math.max(0, ...values.filter((v): v is number => v !== null));
    const isInteger = metric !== 'per1000';
    const top = niceCeil(isInteger ? Math.max(max, palette.length) : max);
    edges = palette.map((_, i) => (top * i) / palette.length);
    if (isInteger) edges = edges.map((edge) => Math.ceil(edge));
    edges.push(top);
  }
  const classes = palette.map((color, i) => ({ color, min: edges[i]!, max: edges[i + 1]! }));
  return {
    metric,
    classes,
    isRate,
    colorOf: (value) => {
      if (value === null || Number.isNaN(value)) return NO_DATA_COLOR;
      const found = classes.find((c) => value >= c.min && value < c.max);
      return (found ?? (value < classes[0]!.min ? classes[0]! : classes[classes.length - 1]!)).color;
    },
  };
}
