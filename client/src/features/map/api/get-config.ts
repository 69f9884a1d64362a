import type { ClientConfig } from '@gridgov/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function getClientConfig(): Promise<ClientConfig> {
  return api.get<ClientConfig>('/api/config');
}

export function getClientConfigQueryOptions() {
  // Deployment settings: fixed for the life of the page.
  return queryOptions({
    queryKey: ['config'],
    queryFn: getClientConfig,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useClientConfig() {
  return useQuery(getClientConfigQueryOptions());
}
