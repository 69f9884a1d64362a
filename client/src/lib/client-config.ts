import { type ClientConfig, clientConfigSchema } from '@gridgov/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

// Deployment settings several features read (the map, the photo upload limits): one query, one key.
export function getClientConfig(): Promise<ClientConfig> {
  return api.get('/api/config', { schema: clientConfigSchema });
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
