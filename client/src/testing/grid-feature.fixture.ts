import type { GridFeature } from '@/features/map/api/get-grids-geojson';

/** A square grid feature with its south-west corner at [lon, lat], `size` degrees wide. */
export function buildSquareGrid(
  id: string,
  [lon, lat]: [number, number],
  { villageId = 'v1', size = 0.01 }: { villageId?: string; size?: number } = {},
): GridFeature {
  const ring: [number, number][] = [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
    [lon, lat],
  ];
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Polygon', coordinates: [ring] },
    properties: {
      id,
      code: id,
      name: id,
      village: { id: villageId, code: villageId, name: villageId },
      worker: null,
      leader: null,
      households: null,
      population: null,
    },
  };
}
