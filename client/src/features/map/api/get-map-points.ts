import { type MapPoints, mapPointsSchema } from '@gridgov/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type MapFilters, toMapPointsQuery } from '../utils/map-filters';

/** Under `cases`, so anything that invalidates case data refreshes the map's points too. */
export const MAP_POINTS_QUERY_KEY = ['cases', 'map-points'] as const;

export function getMapPoints(
  query: Record<string, string | undefined>,
  { signal }: { signal?: AbortSignal } = {},
): Promise<MapPoints> {
  return api.get('/api/cases/map-points', { query, signal, schema: mapPointsSchema });
}

export function getMapPointsQueryOptions(filters: MapFilters) {
  const query = toMapPointsQuery(filters);
  return queryOptions({
    queryKey: [...MAP_POINTS_QUERY_KEY, query],
    queryFn: ({ signal }) => getMapPoints(query, { signal }),
    // Live events keep the points current; a refetch is only needed after a missed stretch.
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useMapPoints(filters: MapFilters, { isEnabled = true }: { isEnabled?: boolean } = {}) {
  return useQuery({ ...getMapPointsQueryOptions(filters), enabled: isEnabled });
}
