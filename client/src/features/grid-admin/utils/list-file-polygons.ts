import type { PolygonCoords } from '@gridgov/shared';

export type FilePolygon = { key: string; label: string; polygon: PolygonCoords };

const isNumberPair = (p: unknown) =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
const isPolygonCoords = (value: unknown): value is PolygonCoords =>
  Array.isArray(value) && value.every((ring) => Array.isArray(ring) && ring.every(isNumberPair));

/** The drawable polygons of an uploaded file, for the preview; the server validates everything else. */
export function listFilePolygons(file: unknown): FilePolygon[] {
  const features = (file as { features?: unknown })?.features;
  if (!Array.isArray(features)) return [];
  return features.flatMap((feature, index) => {
    const geometry = (feature as { geometry?: { type?: unknown; coordinates?: unknown } })?.geometry;
    const code = (feature as { properties?: { code?: unknown } })?.properties?.code;
    const coords =
      geometry?.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)
        ? geometry.coordinates[0]
        : geometry?.type === 'Polygon'
          ? geometry.coordinates
          : null;
    if (!isPolygonCoords(coords) || coords.length === 0) return [];
    return [{ key: String(index), label: typeof code === 'string' ? code : `#${index}`, polygon: coords }];
  });
}
