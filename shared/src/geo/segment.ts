import type { Position } from './types';

/** Twice the signed area of triangle abc: > 0 when c lies left of a→b, 0 when collinear. */
export function computeOrientation(a: Position, b: Position, c: Position): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

export function isSamePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function isWithinBox(p: Position, a: Position, b: Position, tolerance: number): boolean {
  return (
    p[0] >= Math.min(a[0], b[0]) - tolerance &&
    p[0] <= Math.max(a[0], b[0]) + tolerance &&
    p[1] >= Math.min(a[1], b[1]) - tolerance &&
    p[1] <= Math.max(a[1], b[1]) + tolerance
  );
}

/**
 * True when p lies on segment ab, within `tolerance` (same unit as the coordinates) of the line.
 * A tolerance is needed because on-edge points computed in floating point rarely give a cross of exactly 0.
 */
export function isPointOnSegment(p: Position, a: Position, b: Position, tolerance = 0): boolean {
  if (!isWithinBox(p, a, b, tolerance)) return false;
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]) <= tolerance;
  return Math.abs(computeOrientation(a, b, p)) / length <= tolerance;
}

/** True when closed segments p1p2 and q1q2 share at least one point (touching counts). */
export function doSegmentsIntersect(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const d1 = computeOrientation(q1, q2, p1);
  const d2 = computeOrientation(q1, q2, p2);
  const d3 = computeOrientation(p1, p2, q1);
  const d4 = computeOrientation(p1, p2, q2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (d1 === 0 && isPointOnSegment(p1, q1, q2)) ||
    (d2 === 0 && isPointOnSegment(p2, q1, q2)) ||
    (d3 === 0 && isPointOnSegment(q1, p1, p2)) ||
    (d4 === 0 && isPointOnSegment(q2, p1, p2))
  );
}

/** Euclidean distance from p to segment ab in the coordinates' own unit. */
export function measurePointToSegment(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSq = dx * dx + dy * dy;
  const t =
    lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSq));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}
