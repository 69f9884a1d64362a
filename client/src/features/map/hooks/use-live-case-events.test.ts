import type { LiveCaseEvent, MapPoints } from '@gridgov/shared';
import { describe, expect, it } from 'vitest';
import { parseMapFilters } from '../utils/map-filters';
import { patchMapPoints } from './use-live-case-events';

const NOW = new Date('2026-03-10T04:00:00Z');
const FILTERS = parseMapFilters(new URLSearchParams(), NOW);
const DATA: MapPoints = { points: [['c1', 110.3, 21.9, 'reported', 0, 0]], truncated: false };

function buildEvent(overrides: Partial<LiveCaseEvent> = {}): LiveCaseEvent {
  return {
    kind: 'created',
    caseId: 'c2',
    townId: 't1',
    gridId: 'g1',
    status: 'reported',
    location: { lon: 110.31, lat: 21.91 },
    deadline: null,
    deadlineStatus: null,
    isEscalated: false,
    version: 0,
    at: NOW.toISOString(),
    ...overrides,
  };
}

describe('patchMapPoints', () => {
  it('when a case is created today, then its point is added in front', () => {
    const patched = patchMapPoints(DATA, buildEvent(), FILTERS, NOW);
    expect(patched?.points.map((p) => p[0])).toEqual(['c2', 'c1']);
  });

  it('when a shown case changes, then its point is updated in place', () => {
    const event = buildEvent({ kind: 'changed', caseId: 'c1', status: 'dispatched', isEscalated: true });
    expect(patchMapPoints(DATA, event, FILTERS, NOW)?.points).toEqual([
      ['c1', 110.31, 21.91, 'dispatched', 1, 0],
    ]);
  });

  it('when a shown case stops matching the filters, then its point is removed', () => {
    const event = buildEvent({ kind: 'changed', caseId: 'c1', status: 'closed' });
    expect(patchMapPoints(DATA, event, { ...FILTERS, status: 'open' }, NOW)?.points).toEqual([]);
  });

  it('when the event cannot be judged or placed, then null asks for a refetch', () => {
    expect(patchMapPoints(DATA, buildEvent(), { ...FILTERS, categoryCode: 'fire' }, NOW)).toBeNull();
    // A case outside the window that now matches (e.g. an old case changed): only the server knows.
    expect(patchMapPoints(DATA, buildEvent({ kind: 'changed' }), FILTERS, NOW)).toBeNull();
    const pastWindow = { ...FILTERS, to: '2026-01-01', from: '2025-12-01' };
    expect(patchMapPoints(DATA, buildEvent(), pastWindow, NOW)).toBeNull();
  });
});
