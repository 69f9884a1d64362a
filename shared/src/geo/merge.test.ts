import { describe, expect, it } from 'vitest';
import { geodesicAreaSqm } from './geodesic-area';
import { measureSharedBoundaryDeg, mergeAdjacentPolygons } from './merge';
import { buildRect, SQUARE } from './shapes.fixture';
import { validatePolygon } from './validate-polygon';

describe('mergeAdjacentPolygons', () => {
  it('when two squares share an edge, then the union is one valid rectangle with both areas', () => {
    const right = buildRect(1, 0, 2, 1);
    const result = mergeAdjacentPolygons(SQUARE, right);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(validatePolygon(result.polygon)).toEqual([]);
    expect(geodesicAreaSqm(result.polygon)).toBeCloseTo(geodesicAreaSqm(SQUARE) + geodesicAreaSqm(right), 0);
  });

  it('when they share only part of an edge, then they still merge', () => {
    expect(mergeAdjacentPolygons(SQUARE, buildRect(1, 0.5, 2, 1.5)).ok).toBe(true);
    expect(measureSharedBoundaryDeg(SQUARE, buildRect(1, 0.5, 2, 1.5))).toBeCloseTo(0.005, 9);
  });

  it('when they only touch at a corner or are apart, then not_adjacent', () => {
    expect(mergeAdjacentPolygons(SQUARE, buildRect(1, 1, 2, 2))).toMatchObject({
      ok: false,
      reason: 'not_adjacent',
    });
    expect(mergeAdjacentPolygons(SQUARE, buildRect(3, 0, 4, 1))).toMatchObject({
      ok: false,
      reason: 'not_adjacent',
    });
  });

  it('when they overlap, then overlapping', () => {
    expect(mergeAdjacentPolygons(SQUARE, buildRect(0.5, 0, 1.5, 1))).toMatchObject({
      ok: false,
      reason: 'overlapping',
    });
  });
});
