import type { BBox, Scope } from '@gridgov/shared';
import type { GridFeature } from '../api/get-grids-geojson';
import { computeBBox } from './geometry';

type ChooseFitBoxOptions = {
  features: readonly GridFeature[];
  villageId: string | null;
  scope: Pick<Scope, 'bbox' | 'homeGridId'>;
};

/**
 * What the map should frame: the chosen village; else a grid worker's home grid; else the user's whole
 * scope (falling back to the drawn grids when the server sent no bbox).
 */
export function chooseFitBox({ features, villageId, scope }: ChooseFitBoxOptions): BBox | null {
  if (villageId) {
    const inVillage = features.filter((feature) => feature.properties.village.id === villageId);
    return computeBBox(inVillage.map((feature) => feature.geometry));
  }
  const homeGrid = scope.homeGridId ? features.find((feature) => feature.id === scope.homeGridId) : undefined;
  if (homeGrid) return computeBBox([homeGrid.geometry]);
  return scope.bbox ?? computeBBox(features.map((feature) => feature.geometry));
}
