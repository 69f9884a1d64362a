// Helpers for grid administration tests: polygons in a test town's coordinates and file builders.
import type { TestTown } from '@gridgov/db/testing';

type Position = [number, number];

/** A counter-clockwise rectangle in metres-free "grid units" of the test town (1 unit = 0.01°). */
export function rectIn(town: TestTown, x0: number, y0: number, x1: number, y1: number): Position[][] {
  const [lon, lat] = town.origin;
  const at = (x: number, y: number): Position => [lon + x * 0.01, lat + y * 0.01];
  return [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]];
}

export function pointIn(town: TestTown, x: number, y: number) {
  return { lon: town.origin[0] + x * 0.01, lat: town.origin[1] + y * 0.01 };
}

export function villageCodeOf(town: TestTown, v: number): string {
  return town.grids[v]![0]!.code.slice(0, 12);
}

export function gridFeature(code: string, villageCode: string, coordinates: unknown, extra = {}) {
  return {
    type: 'Feature',
    properties: { code, name: `导入网格${code.slice(-3)}`, village_code: villageCode, ...extra },
    geometry: { type: 'Polygon', coordinates },
  };
}

export const featureCollection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
