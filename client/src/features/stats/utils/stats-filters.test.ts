import { chinaDayOf } from '@gridgov/shared';
import { describe, expect, it } from 'vitest';
import { parseStatsFilters, toStatsQuery, writeStatsFilters } from './stats-filters';

const TODAY = '2026-11-29';
const parse = (search: string) => parseStatsFilters(new URLSearchParams(search), TODAY);

describe('statistics filters in the URL', () => {
  it('when the URL is empty, then the last 30 days up to today, by day, ranked by grid', () => {
    expect(parse('')).toEqual({
      preset: '30',
      from: '2026-10-31',
      to: TODAY,
      villageId: null,
      gridId: null,
      categoryCode: null,
      interval: 'day',
      by: 'grid',
    });
  });

  it('when a 7-day preset is chosen, then the window is today and the six days before', () => {
    expect(parse('preset=7')).toMatchObject({ from: '2026-11-23', to: TODAY });
  });

  it('when a custom window is written and read back, then the same filters come back', () => {
    const filters = {
      ...parse(''),
      preset: 'custom' as const,
      from: '2026-01-01',
      to: '2026-03-31',
      villageId: 'v1',
      by: 'worker' as const,
      interval: 'week' as const,
    };
    expect(parse(writeStatsFilters(filters).toString())).toEqual(filters);
  });

  it('when a custom window is reversed, impossible or longer than a year, then the default window is used', () => {
    for (const search of [
      'preset=custom&from=2026-03-01&to=2026-01-01',
      'preset=custom&from=2026-02-30&to=2026-03-01',
      'preset=custom&from=2024-01-01&to=2026-01-01',
      'preset=custom&from=x&to=y',
    ]) {
      expect(parse(search)).toMatchObject({ preset: '30', to: TODAY });
    }
  });

  it('when a preset is stored, then the URL holds the preset, not dates (a bookmark keeps moving)', () => {
    expect(writeStatsFilters(parse('preset=90')).toString()).toBe('preset=90');
  });

  it('when turned into the API query, then only set filters are sent', () => {
    expect(toStatsQuery(parse('gridId=g1'))).toEqual({ from: '2026-10-31', to: TODAY, gridId: 'g1' });
  });

  it('when it is 23:30 UTC, then today is already the next day in China', () => {
    expect(chinaDayOf(new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-30');
  });
});
