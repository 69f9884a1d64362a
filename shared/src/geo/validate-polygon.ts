import { isRingClosed, ringSelfIntersects, signedRingArea } from './ring';
import type { PolygonCoords } from './types';

export type PolygonProblemCode =
  | 'too_few_points'
  | 'ring_not_closed'
  | 'wrong_winding'
  | 'out_of_range'
  | 'self_intersection';

export interface PolygonProblem {
  code: PolygonProblemCode;
  /** Index into the polygon's rings: 0 is the outer ring. */
  ring: number;
  message: string;
}

/** Lists every problem rather than stopping at the first, so an import report can show them all at once. */
export function validatePolygon(polygon: PolygonCoords): PolygonProblem[] {
  if (polygon.length === 0) return [{ code: 'too_few_points', ring: 0, message: 'Polygon has no rings' }];
  const problems: PolygonProblem[] = [];
  polygon.forEach((ring, index) => {
    const label = index === 0 ? 'Outer ring' : `Hole ${index}`;
    const report = (code: PolygonProblemCode, detail: string) =>
      problems.push({ code, ring: index, message: `${label} ${detail}` });
    const badPosition = ring.findIndex(([lon, lat]) => !(Math.abs(lon) <= 180 && Math.abs(lat) <= 90));
    if (badPosition >= 0) {
      report('out_of_range', `has position ${badPosition} outside lon [-180, 180] / lat [-90, 90]`);
    }
    if (ring.length < 4) {
      report('too_few_points', `has ${ring.length} positions; at least 4 are needed (first repeated last)`);
      return;
    }
    if (!isRingClosed(ring)) {
      report('ring_not_closed', 'does not end at its first position');
      return;
    }
    const area = signedRingArea(ring);
    if (area === 0) report('wrong_winding', 'encloses no area');
    else if (index === 0 && area < 0) report('wrong_winding', 'must run counter-clockwise (RFC 7946)');
    else if (index > 0 && area > 0) report('wrong_winding', 'must run clockwise (RFC 7946)');
    if (ringSelfIntersects(ring)) report('self_intersection', 'crosses or touches itself');
  });
  return problems;
}
