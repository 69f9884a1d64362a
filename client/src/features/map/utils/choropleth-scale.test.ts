import type { StatsBreakdownItem } from '@gridgov/shared';
import { describe, expect, it } from 'vitest';
import {
  BURDEN_COLORS,
  buildChoroplethScale,
  NO_DATA_COLOR,
  RATE_COLORS,
  readMetric,
} from './choropleth-scale';

function buildItem(overrides: Partial<StatsBreakdownItem['figures']>, population: number | null = 500) {
  return {
    id: 'g1',
    code: 'g1',
    name: 'g1',
    population,
    figures: {
      received: 10,
      accepted: 9,
      closed: 6,
      closedOnTime: 5,
      open: 3,
      overdue: 1,
      dueToClose: 7,
      dueClosed: 6,
      closeRate: 6 / 7,
      onTimeRate: 5 / 7,
      avgHandlingHours: 4,
      medianHandlingHours: 3,
      reworked: 1,
      reworkRate: 1 / 6,
      escalated: 0,
      satisfactionRate: null,
      ...overrides,
    },
  } satisfies StatsBreakdownItem;
}

describe('readMetric', () => {
  it('when the metric is per 1,000 residents, then received cases are divided by the population', () => {
    expect(readMetric(buildItem({ received: 10 }, 500), 'per1000')).toBe(20);
    expect(readMetric(buildItem({ received: 10 }, null), 'per1000')).toBeNull();
    expect(readMetric(buildItem({ received: 10 }, 0), 'per1000')).toBeNull();
  });

  it('when a grid has no row, then it has no figure', () => {
    expect(readMetric(undefined, 'open')).toBeNull();
    expect(readMetric(buildItem({ open: 4, overdue: 2 }), 'overdue')).toBe(2);
    expect(readMetric(buildItem({ onTimeRate: null }), 'onTimeRate')).toBeNull();
  });
});

describe('buildChoroplethScale', () => {
  it('when counts are coloured, then five readable steps run from 0 to a rounded maximum', () => {
    const scale = buildChoroplethScale('open', [0, 3, 17, null]);
    expect(scale.classes.map((c) => [c.min, c.max])).toEqual([
      [0, 4],
      [4, 8],
      [8, 12],
      [12, 16],
      [16, 20],
    ]);
    expect(scale.colorOf(0)).toBe(BURDEN_COLORS[0]);
    expect(scale.colorOf(17)).toBe(BURDEN_COLORS[4]);
    expect(scale.colorOf(20)).toBe(BURDEN_COLORS[4]);
    expect(scale.colorOf(null)).toBe(NO_DATA_COLOR);
  });

  it('when every count is small, then the classes still span whole numbers', () => {
    const scale = buildChoroplethScale('overdue', [0, 1]);
    expect(scale.classes.map((c) => c.min)).toEqual([0, 1, 2, 3, 4]);
    expect(scale.colorOf(1)).toBe(BURDEN_COLORS[1]);
  });

  it('when the on-time rate is coloured, then fixed bands put low rates in red and high in green', () => {
    const scale = buildChoroplethScale('onTimeRate', [0.5, 0.99]);
    expect(scale.isRate).toBe(true);
    expect(scale.colorOf(0.5)).toBe(RATE_COLORS[0]);
    expect(scale.colorOf(1)).toBe(RATE_COLORS[4]);
    expect(scale.colorOf(0.8)).toBe(RATE_COLORS[2]);
  });
});
