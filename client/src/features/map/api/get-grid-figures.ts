import { type StatsBreakdown, statsBreakdownSchema } from '@gridgov/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const STATS_QUERY_KEY = ['stats'] as const;

/** Per-grid figures for the choropleth: `GET /api/stats/breakdown?by=grid` over the window. */
export function getGridFigures(
  window: { from: string; to: string },
  { signal }: { signal?: AbortSignal } = {},
): Promise<StatsBreakdown> {
  return api.get('/api/stats/breakdown', {
    query: { by: 'grid', from: window.from, to: window.to },
    signal,
    schema: statsBreakdownSchema,
  });
}

export function getGridFiguresQueryOptions(window: { from: string; to: string }) {
  return queryOptions({
    queryKey: [...STATS_QUERY_KEY, 'breakdown', 'grid', window.from, window.to],
    queryFn: ({ signal }) => getGridFigures(window, { signal }),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useGridFigures(window: { from: string; to: string }, { isEnabled = true } = {}) {
  return useQuery({ ...getGridFiguresQueryOptions(window), enabled: isEnabled });
}
