import { type RegionTree, regionTreeSchema } from '@gridgov/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The towns, villages and grids in scope (shares its cache key with the hierarchy page). */
export function getRegionOptionsQueryOptions() {
  return queryOptions({
    queryKey: ['regions', 'tree'],
    queryFn: ({ signal }): Promise<RegionTree> =>
      api.get('/api/regions/tree', { signal, schema: regionTreeSchema }),
    staleTime: 60_000,
  });
}

export const useRegionOptions = () => useQuery(getRegionOptionsQueryOptions());
