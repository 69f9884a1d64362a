import { EARTH_RADIUS_M } from './geodesic-area';
import { isPointOnSegment, measurePointToSegment } from './segment';
import type { PolygonCoords, Position, Ring } from './types';

/** About 0.01 mm: absorbs floating-point noise for points computed to lie on an edge. */
const ON_EDGE_TOLERANCE_DEG = 1e-10;

const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;

function isOnRingBoundary(point: Position, ring: Ring): boolean {
  for (let i = 0; i < ring.length; i += 1) {
    if (isPointOnSegment(point, ring[i]!, ring[(i + 1) % ring.length]!, ON_EDGE_TOLERANCE_DEG)) return true;
  }
  return false;
}

/** Crossing-number test; works for closed and open rings alike because the wrap-around edge is included. */
function isInsideRing(point: Position, ring: Ring): boolean {
  const [x, y] = point;
  let isInside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) isInside = !isInside;
  }
  return isInside;
}

/** Keeps polygons across the antimeridian from looking 360° away. */
function wrapLongitudeDelta(delta: number): number {
  return ((((delta + 180) % 360) + 360) % 360) - 180;
}

/** True inside the outer ring and outside every hole; a point on any edge (hole edges too) counts as inside. */
export function pointInPolygon(point: Position, polygon: PolygonCoords): boolean {
  const [outer, ...holes] = polygon;
  if (outer === undefined) return false;
  if (isOnRingBoundary(point, outer)) return true;
  if (!isInsideRing(point, outer)) return false;
  return holes.every((hole) => isOnRingBoundary(point, hole) || !isInsideRing(point, hole));
}

/**
 * Approximate metres from the point to the polygon's nearest edge, 0 when inside. Projects equirectangularly
 * around the point, which is accurate to well under 1% for the few kilometres a grid spans.
 */
export function distancePointToPolygonMeters(point: Position, polygon: PolygonCoords): number {
  if (pointInPolygon(point, polygon)) return 0;
  const [lon0, lat0] = point;
  const lonScale = Math.cos(lat0 * (Math.PI / 180)) * METRES_PER_DEGREE;
  const project = ([lon, lat]: Position): Position => [
    wrapLongitudeDelta(lon - lon0) * lonScale,
    (lat - lat0) * METRES_PER_DEGREE,
  ];
  const origin: Position = [0, 0];
  let nearest = Infinity;
  for (const ring of polygon) {
    const projected = ring.map(project);
    for (let i = 0; i < projected.length; i += 1) {
      const distance = measurePointToSegment(origin, projected[i]!, projected[(i + 1) % projected.length]!);
      nearest = Math.min(nearest, distance);
    }
  }
  return nearest;
}
