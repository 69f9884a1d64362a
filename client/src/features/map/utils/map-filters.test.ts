import type { LiveCaseEvent } from '@gridgov/shared';
import { describe, expect, it } from 'vitest';
import {
  matchesMapFilters,
  parseMapFilters,
  toMapPoint,
  toMapPointsQuery,
  writeMapFilters,
} from './map-filters';

const NOW = new Date('2026-03-10T20:00:00Z'); // 2026-03-11 04:00 in China

function buildEvent(overrides: Partial<LiveCaseEvent> = {}): LiveCaseEvent {
  return {
    kind: 'created',
    caseId: 'c1',
    townId: 't1',
    gridId: 'g1',
    status: 'reported',
    location: { lon: 110.3, lat: 21.9 },
    deadline: null,
    deadlineStatus: null,
    isEscalated: false,
    version: 0,
    at: NOW.toISOString(),
    ...overrides,
  };
}

describe('map filters in the URL', () => {
  it('when the URL is empty, then the last 30 China days, the open-cases metric and every layer apply', () => {
    const filters = parseMapFilters(new URLSearchParams(), NOW);
    expect(filters).toMatchObject({ metric: 'open', from: '2026-02-10', to: '2026-03-11', status: null });
    expect(filters.layers).toEqual(['grids', 'villages', 'cases']);
  });

  it('when values are malformed, then defaults replace them', () => {
    const filters = parseMapFilters(
      new URLSearchParams('metric=x&status=y&from=yesterday&layers=cases,z'),
      NOW,
    );
    expect(filters).toMatchObject({ metric: 'open', status: null, from: '2026-02-10', layers: ['cases'] });
  });

  it('when filters are written and read back, then they round-trip and defaults stay out of the URL', () => {
    const filters = {
      ...parseMapFilters(new URLSearchParams(), NOW),
      metric: 'onTimeRate' as const,
      status: 'open' as const,
      isOverdue: true,
      layers: ['grids' as const],
    };
    const params = writeMapFilters(new URLSearchParams('grid=abc'), filters, NOW);
    expect(params.toString()).toBe('grid=abc&metric=onTimeRate&status=open&overdue=true&layers=grids');
    expect(parseMapFilters(params, NOW)).toEqual(filters);
    expect(toMapPointsQuery(filters).status).toBe(
      'reported,accepted,dispatched,in_progress,handled,suspended',
    );
  });
});

describe('matching a live change against the filters', () => {
  const base = parseMapFilters(new URLSearchParams(), NOW);

  it('when a filter excludes the change, then it does not match', () => {
    expect(matchesMapFilters(buildEvent(), base, NOW)).toBe(true);
    expect(matchesMapFilters(buildEvent({ status: 'closed' }), { ...base, status: 'open' }, NOW)).toBe(false);
    expect(matchesMapFilters(buildEvent(), { ...base, isEscalated: true }, NOW)).toBe(false);
    expect(matchesMapFilters(buildEvent({ location: null }), base, NOW)).toBe(false);
  });

  it('when a category filter is on, then the change cannot be judged from the event', () => {
    expect(matchesMapFilters(buildEvent(), { ...base, categoryCode: 'fire' }, NOW)).toBeNull();
  });

  it('when an accepted case is past its deadline, then it matches the overdue filter and its point says so', () => {
    const event = buildEvent({ status: 'dispatched', deadline: '2026-03-09T00:00:00Z' });
    expect(matchesMapFilters(event, { ...base, isOverdue: true }, NOW)).toBe(true);
    expect(toMapPoint(event, NOW)).toEqual(['c1', 110.3, 21.9, 'dispatched', 0, 1]);
  });
});
