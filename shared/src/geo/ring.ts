import { computeOrientation, doSegmentsIntersect, isSamePosition } from './segment';
import type { PolygonCoords, Position, Ring } from './types';

export function isRingClosed(ring: Ring): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first !== undefined && last !== undefined && isSamePosition(first, last);
}

/** Planar shoelace area in square degrees; positive when the ring runs counter-clockwise. */
export function signedRingArea(ring: Ring): number {
  let twiceArea = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    twiceArea += a[0] * b[1] - b[0] * a[1];
  }
  return twiceArea / 2;
}

export function isCounterClockwise(ring: Ring): boolean {
  return signedRingArea(ring) > 0;
}

/** The ring closed, with consecutive duplicate positions dropped (they are not edges). */
function listDistinctVertices(ring: Ring): Ring {
  const points: Ring = [];
  for (const position of ring) {
    const previous = points[points.length - 1];
    if (previous === undefined || !isSamePosition(previous, position)) points.push(position);
  }
  const first = points[0];
  if (first !== undefined && points.length > 1 && !isSamePosition(first, points[points.length - 1]!)) {
    points.push(first);
  }
  return points;
}

/** Adjacent edges a→b, b→c overlap only when c doubles back along a→b (a zero-width spike). */
function isSpike(a: Position, b: Position, c: Position): boolean {
  const dot = (a[0] - b[0]) * (c[0] - b[0]) + (a[1] - b[1]) * (c[1] - b[1]);
  return computeOrientation(a, b, c) === 0 && dot > 0;
}

/**
 * True when two non-adjacent edges meet (touching included) or two adjacent edges overlap.
 * O(n²): grid boundaries hold at most a few hundred points, so a sweep line is not worth its complexity.
 */
export function ringSelfIntersects(ring: Ring): boolean {
  const points = listDistinctVertices(ring);
  const edgeCount = points.length - 1;
  if (edgeCount < 2) return false;
  for (let i = 0; i < edgeCount; i += 1) {
    // The edge after the last one is edge 0, whose far end is points[1].
    const afterNext = i + 2 <= edgeCount ? points[i + 2]! : points[1]!;
    if (isSpike(points[i]!, points[i + 1]!, afterNext)) return true;
    for (let j = i + 2; j < edgeCount; j += 1) {
      if (i === 0 && j === edgeCount - 1) continue;
      if (doSegmentsIntersect(points[i]!, points[i + 1]!, points[j]!, points[j + 1]!)) return true;
    }
  }
  return false;
}

/** Returns the polygon closed and wound as RFC 7946 asks: outer ring counter-clockwise, holes clockwise. */
export function orientPolygon(polygon: PolygonCoords): PolygonCoords {
  return polygon.map((ring, index) => {
    const closed = isRingClosed(ring) || ring.length === 0 ? [...ring] : [...ring, ring[0]!];
    const wantCounterClockwise = index === 0;
    return isCounterClockwise(closed) === wantCounterClockwise ? closed : closed.reverse();
  });
}
