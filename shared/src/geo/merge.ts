import { polygonOverlapAreaSqm, unionPolygons } from './clipping';
import { computeOrientation } from './segment';
import type { PolygonCoords, Position } from './types';

export type MergeResult =
  | { ok: true; polygon: PolygonCoords }
  | { ok: false; reason: 'not_adjacent' | 'overlapping'; message: string };

/** Shared edges shorter than this (degrees, ≈ 1 cm) are vertices touching, not neighbours. */
const MIN_SHARED_EDGE_DEG = 1e-7;
/** Overlaps under 1 m² are floating-point noise along a shared edge. */
export const OVERLAP_TOLERANCE_SQM = 1;

function collinearOverlapLength(a: Position, b: Position, c: Position, d: Position): number {
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (length === 0) return 0;
  const tolerance = 1e-12;
  if (
    Math.abs(computeOrientation(a, b, c)) > tolerance ||
    Math.abs(computeOrientation(a, b, d)) > tolerance
  ) {
    return 0;
  }
  const project = (p: Position) => ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / length;
  const [lo, hi] = [project(c), project(d)].sort((x, y) => x - y) as [number, number];
  return Math.max(0, Math.min(length, hi) - Math.max(0, lo));
}

/** Total length (degrees) of boundary the two polygons have in common. */
export function measureSharedBoundaryDeg(a: PolygonCoords, b: PolygonCoords): number {
  let shared = 0;
  for (const ringA of a) {
    for (let i = 0; i + 1 < ringA.length; i += 1) {
      for (const ringB of b) {
        for (let j = 0; j + 1 < ringB.length; j += 1) {
          shared += collinearOverlapLength(ringA[i]!, ringA[i + 1]!, ringB[j]!, ringB[j + 1]!);
        }
      }
    }
  }
  return shared;
}

/** Merges two neighbouring polygons (they must share an edge, not just a corner, and must not overlap). */
export function mergeAdjacentPolygons(a: PolygonCoords, b: PolygonCoords): MergeResult {
  if (polygonOverlapAreaSqm(a, b) > OVERLAP_TOLERANCE_SQM) {
    return { ok: false, reason: 'overlapping', message: 'The two grids overlap; fix their boundaries first' };
  }
  const union = unionPolygons([a, b]);
  if (union.length !== 1 || measureSharedBoundaryDeg(a, b) < MIN_SHARED_EDGE_DEG) {
    return { ok: false, reason: 'not_adjacent', message: 'The two grids do not share an edge' };
  }
  return { ok: true, polygon: union[0]! };
}
