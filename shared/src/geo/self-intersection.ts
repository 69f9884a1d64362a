import { doSegmentsIntersect, isSamePosition } from './segment';
import type { Position, Ring } from './types';

/**
 * Where a ring first crosses or touches itself (approximately: the midpoint of the two edges' meeting),
 * for drawing the problem on a map. Null when ringSelfIntersects would say false for the simple cases.
 */
export function locateSelfIntersection(ring: Ring): Position | null {
  const points = ring.filter((p, i) => i === 0 || !isSamePosition(p, ring[i - 1]!));
  const edgeCount = points.length - 1;
  for (let i = 0; i < edgeCount; i += 1) {
    for (let j = i + 2; j < edgeCount; j += 1) {
      if (i === 0 && j === edgeCount - 1) continue;
      const [a, b, c, d] = [points[i]!, points[i + 1]!, points[j]!, points[j + 1]!];
      if (!doSegmentsIntersect(a, b, c, d)) continue;
      const denominator = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
      if (denominator === 0) return c;
      const t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / denominator;
      return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    }
  }
  return null;
}
