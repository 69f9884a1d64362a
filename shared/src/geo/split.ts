import { pointInPolygon } from './point-in-polygon';
import { orientPolygon, signedRingArea } from './ring';
import { isSamePosition } from './segment';
import type { PolygonCoords, Position, Ring } from './types';
import { validatePolygon } from './validate-polygon';

export type SplitFailure =
  | 'line_too_short'
  | 'line_must_cross_twice'
  | 'hole_crosses_line'
  | 'invalid_piece'
  | 'area_mismatch';

export type SplitResult =
  | { ok: true; pieces: [PolygonCoords, PolygonCoords] }
  | { ok: false; reason: SplitFailure; message: string };

interface Crossing {
  /** Position along the line: segment index plus the fraction along that segment. */
  lineParam: number;
  edge: number;
  /** Fraction along the ring edge. */
  edgeParam: number;
  point: Position;
}

/** Proper or end-point intersection of segments p→p2 and q→q2 as fractions along each; null when parallel or apart. */
function intersectSegments(p: Position, p2: Position, q: Position, q2: Position) {
  const rx = p2[0] - p[0];
  const ry = p2[1] - p[1];
  const sx = q2[0] - q[0];
  const sy = q2[1] - q[1];
  const denominator = rx * sy - ry * sx;
  if (denominator === 0) return null;
  const t = ((q[0] - p[0]) * sy - (q[1] - p[1]) * sx) / denominator;
  const u = ((q[0] - p[0]) * ry - (q[1] - p[1]) * rx) / denominator;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return { t, u };
}

function pointAt(a: Position, b: Position, fraction: number): Position {
  if (fraction === 0) return a;
  if (fraction === 1) return b;
  return [a[0] + (b[0] - a[0]) * fraction, a[1] + (b[1] - a[1]) * fraction];
}

function listCrossings(ring: Ring, line: Position[]): Crossing[] {
  const crossings: Crossing[] = [];
  for (let j = 0; j + 1 < line.length; j += 1) {
    for (let i = 0; i + 1 < ring.length; i += 1) {
      const hit = intersectSegments(line[j]!, line[j + 1]!, ring[i]!, ring[i + 1]!);
      if (!hit) continue;
      const point = pointAt(ring[i]!, ring[i + 1]!, hit.u);
      // A line through a vertex meets both edges there: count it once.
      if (crossings.some((c) => isSamePosition(c.point, point))) continue;
      crossings.push({ lineParam: j + hit.t, edge: i, edgeParam: hit.u, point });
    }
  }
  return crossings.sort((a, b) => a.lineParam - b.lineParam);
}

/** Ring vertices met walking forward along the boundary from crossing `from` to crossing `to`. */
function walkBoundary(ring: Ring, from: Crossing, to: Crossing): Position[] {
  const edgeCount = ring.length - 1;
  const positions: Position[] = [];
  if (from.edge === to.edge && from.edgeParam < to.edgeParam) return positions;
  let vertex = (from.edge + 1) % edgeCount;
  for (let steps = 0; steps < edgeCount; steps += 1) {
    positions.push(ring[vertex]!);
    if (vertex === to.edge) break;
    vertex = (vertex + 1) % edgeCount;
  }
  return positions;
}

function closeRing(positions: Position[]): Ring {
  const ring: Ring = [];
  for (const position of positions) {
    const previous = ring[ring.length - 1];
    if (previous === undefined || !isSamePosition(previous, position)) ring.push(position);
  }
  if (ring.length > 0 && !isSamePosition(ring[0]!, ring[ring.length - 1]!)) ring.push(ring[0]!);
  return ring;
}

/**
 * Cuts a polygon in two along a drawn polyline that enters and leaves it exactly once. The two pieces share
 * the cut's positions exactly, so they neither overlap nor leave a gap. Holes go to the piece holding them;
 * a hole the line crosses is refused.
 */
export function splitPolygonByLine(polygon: PolygonCoords, line: Position[]): SplitResult {
  const [outer, ...holes] = polygon;
  if (line.length < 2 || outer === undefined) {
    return { ok: false, reason: 'line_too_short', message: 'The cut line needs at least two points' };
  }
  const crossings = listCrossings(outer, line);
  if (crossings.length !== 2) {
    return {
      ok: false,
      reason: 'line_must_cross_twice',
      message: `The line must cross the boundary exactly twice (it crosses ${crossings.length} times)`,
    };
  }
  const [entry, exit] = crossings as [Crossing, Crossing];
  if (holes.some((hole) => listCrossings(hole, line).length > 0)) {
    return { ok: false, reason: 'hole_crosses_line', message: 'The line crosses a hole of the grid' };
  }
  const cut = line.filter((_, k) => k > entry.lineParam && k < exit.lineParam);
  const first = closeRing([exit.point, ...walkBoundary(outer, exit, entry), entry.point, ...cut, exit.point]);
  const second = closeRing([
    entry.point,
    ...walkBoundary(outer, entry, exit),
    exit.point,
    ...[...cut].reverse(),
    entry.point,
  ]);
  const pieces = [first, second].map((ring) => {
    const withHoles: PolygonCoords = [ring, ...holes.filter((hole) => pointInPolygon(hole[0]!, [ring]))];
    return orientPolygon(withHoles);
  }) as [PolygonCoords, PolygonCoords];
  if (pieces.some((piece) => piece[0]!.length < 4 || validatePolygon(piece).length > 0)) {
    return {
      ok: false,
      reason: 'invalid_piece',
      message: 'The line leaves an invalid piece (it crosses itself or runs along the boundary)',
    };
  }
  // Planar areas: the cut points lie on the straight lon/lat edges, so these add up exactly.
  const planar = (p: PolygonCoords) =>
    p.reduce((sum, ring, r) => sum + (r === 0 ? 1 : -1) * Math.abs(signedRingArea(ring)), 0);
  const whole = planar(polygon);
  if (Math.abs(whole - planar(pieces[0]) - planar(pieces[1])) > whole * 1e-9) {
    return { ok: false, reason: 'area_mismatch', message: 'The pieces do not add up to the grid' };
  }
  return { ok: true, pieces };
}
