import { type LonLat, pointInPolygon } from '@gridgov/shared';
import type { GridFeature } from '../api/get-grids-geojson';

/** The grid whose boundary contains the point, or null (grids do not overlap, so the first match is it). */
export function findGridAt(features: readonly GridFeature[], { lon, lat }: LonLat): GridFeature | null {
  return features.find((feature) => pointInPolygon([lon, lat], feature.geometry.coordinates)) ?? null;
}
