import { type StatsBreakdown, type StatsBreakdownQuery, statsBreakdownSchema } from '@gridgov/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { STATS_QUERY_KEY } from './get-stats-summary';

export function getStatsBreakdown(
  query: StatsBreakdownQuery,
  { signal }: { signal?: AbortSignal } = {},
): Promise<StatsBreakdown> {
  return api.get('/api/stats/breakdown', { signal, query, schema: statsBreakdownSchema });
}

export function getStatsBreakdownQueryOptions(query: StatsBreakdownQuery) {
  return queryOptions({
    queryKey: [...STATS_QUERY_KEY, 'breakdown', query],
    queryFn: ({ signal }) => getStatsBreakdown(query, { signal }),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useStatsBreakdown(query: StatsBreakdownQuery) {
  return useQuery(getStatsBreakdownQueryOptions(query));
}
