import { type Health, healthSchema } from '@gridgov/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

// GET /api/health: the layouts read whether the demo history is still being written (issue 22).
export function getHealth(): Promise<Health> {
  return api.get('/api/health', { schema: healthSchema });
}

/** While the demo history is being written, asks again every few seconds; then never again. */
export function getHealthQueryOptions() {
  return queryOptions({
    queryKey: ['health'],
    queryFn: getHealth,
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: (query) => (query.state.data?.demoHistory === 'generating' ? 3000 : false),
  });
}

export function useHealth() {
  return useQuery(getHealthQueryOptions());
}
