import { type GridFeatureCollection, gridFeatureCollectionSchema } from '@gridgov/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export type GridFeature = GridFeatureCollection['features'][number];

export function getGridsGeoJson({ signal }: { signal?: AbortSignal } = {}): Promise<GridFeatureCollection> {
  return api.get('/api/grids.geojson', { signal, schema: gridFeatureCollectionSchema });
}

export function getGridsGeoJsonQueryOptions() {
  return queryOptions({
    queryKey: ['grids', 'geojson'],
    queryFn: ({ signal }) => getGridsGeoJson({ signal }),
    // Boundaries change only when an administrator redraws them.
    staleTime: 10 * 60_000,
  });
}

export function useGridsGeoJson() {
  return useQuery(getGridsGeoJsonQueryOptions());
}
