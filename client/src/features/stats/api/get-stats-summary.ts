import { type StatsQuery, type StatsSummary, statsSummarySchema } from '@gridgov/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const STATS_QUERY_KEY = ['stats'] as const;

export function getStatsSummary(
  query: StatsQuery,
  { signal }: { signal?: AbortSignal } = {},
): Promise<StatsSummary> {
  return api.get('/api/stats/summary', { signal, query, schema: statsSummarySchema });
}

export function getStatsSummaryQueryOptions(query: StatsQuery) {
  return queryOptions({
    queryKey: [...STATS_QUERY_KEY, 'summary', query],
    queryFn: ({ signal }) => getStatsSummary(query, { signal }),
    staleTime: 60_000,
  });
}

export function useStatsSummary(query: StatsQuery) {
  return useQuery(getStatsSummaryQueryOptions(query));
}
