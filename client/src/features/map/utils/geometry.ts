import { type BBox, bboxOfPolygons, type PolygonGeometry } from '@gridgov/shared';
import type { LatLngBoundsExpression, LatLngTuple } from 'leaflet';

/** GeoJSON rings are [lon, lat]; Leaflet wants [lat, lon]. */
export function toLatLngRings(polygon: PolygonGeometry): LatLngTuple[][] {
  return polygon.coordinates.map((ring) => ring.map(([lon, lat]) => [lat, lon] as LatLngTuple));
}

/** Box around the polygons, or null when there are none (a village filter can leave nothing to frame). */
export function computeBBox(polygons: readonly PolygonGeometry[]): BBox | null {
  return polygons.length > 0 ? bboxOfPolygons(polygons.map((polygon) => polygon.coordinates)) : null;
}

export function toLatLngBounds([minLon, minLat, maxLon, maxLat]: BBox): LatLngBoundsExpression {
  return [
    [minLat, minLon],
    [maxLat, maxLon],
  ];
}
