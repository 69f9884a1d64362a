import { type StatsTrend, type StatsTrendQuery, statsTrendSchema } from '@gridgov/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { STATS_QUERY_KEY } from './get-stats-summary';

export function getStatsTrend(
  query: StatsTrendQuery,
  { signal }: { signal?: AbortSignal } = {},
): Promise<StatsTrend> {
  return api.get('/api/stats/trend', { signal, query, schema: statsTrendSchema });
}

export function getStatsTrendQueryOptions(query: StatsTrendQuery) {
  return queryOptions({
    queryKey: [...STATS_QUERY_KEY, 'trend', query],
    queryFn: ({ signal }) => getStatsTrend(query, { signal }),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useStatsTrend(query: StatsTrendQuery) {
  return useQuery(getStatsTrendQueryOptions(query));
}
