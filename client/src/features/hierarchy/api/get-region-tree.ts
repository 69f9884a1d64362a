import { type RegionTree, regionTreeSchema } from '@gridgov/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function getRegionTree({ signal }: { signal?: AbortSignal } = {}): Promise<RegionTree> {
  return api.get('/api/regions/tree', { signal, schema: regionTreeSchema });
}

export function getRegionTreeQueryOptions() {
  return queryOptions({
    queryKey: ['regions', 'tree'],
    queryFn: ({ signal }) => getRegionTree({ signal }),
  });
}

export function useRegionTree() {
  return useQuery(getRegionTreeQueryOptions());
}
