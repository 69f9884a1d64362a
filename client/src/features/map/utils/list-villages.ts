import type { RegionRef } from '@gridgov/shared';
import type { GridFeature } from '../api/get-grids-geojson';

/** The villages that own at least one grid in view, in code order (the order of the official registers). */
export function listVillages(features: readonly GridFeature[]): RegionRef[] {
  const byId = new Map<string, RegionRef>();
  for (const feature of features) byId.set(feature.properties.village.id, feature.properties.village);
  return [...byId.values()].sort((a, b) => a.code.localeCompare(b.code));
}
