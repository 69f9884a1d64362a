import { describe, expect, it } from 'vitest';
import { polygonOverlapAreaSqm, unionPolygons } from './clipping';
import { geodesicAreaSqm } from './geodesic-area';
import { isCounterClockwise } from './ring';
import { buildRect, computeLatLonRectAreaSqm, ORIGIN, SQUARE, STEP } from './shapes.fixture';
import type { PolygonCoords } from './types';
import { validatePolygon } from './validate-polygon';

describe('polygonOverlapAreaSqm', () => {
  it('when two squares only share an edge, then the overlap is well under 1 m²', () => {
    expect(polygonOverlapAreaSqm(SQUARE, buildRect(1, 0, 2, 1))).toBeLessThan(1e-3);
    expect(polygonOverlapAreaSqm(SQUARE, buildRect(1, 1, 2, 2))).toBeLessThan(1e-3);
  });

  it('when squares overlap by a known rectangle, then the overlap area is within 1% of it', () => {
    const overlap = polygonOverlapAreaSqm(SQUARE, buildRect(0.5, 0.25, 1.5, 1.25));
    const [lon, lat] = ORIGIN;
    const expected = computeLatLonRectAreaSqm(lon + 0.5 * STEP, lat + 0.25 * STEP, lon + STEP, lat + STEP);
    expect(Math.abs(overlap - expected) / expected).toBeLessThan(0.01);
  });

  it('when one polygon lies inside the other, then the overlap is the smaller area', () => {
    const inner = buildRect(0.25, 0.25, 0.75, 0.75);
    expect(polygonOverlapAreaSqm(SQUARE, inner) / geodesicAreaSqm(inner)).toBeCloseTo(1, 6);
  });

  it('when the polygons are apart, then the overlap is 0', () => {
    expect(polygonOverlapAreaSqm(SQUARE, buildRect(3, 3, 4, 4))).toBe(0);
  });

  it('when called, then the inputs are left untouched', () => {
    const a = structuredClone(SQUARE);
    const b = buildRect(0.5, 0.5, 1.5, 1.5);
    const bBefore = structuredClone(b);
    polygonOverlapAreaSqm(a, b);
    unionPolygons([a, b]);
    expect(a).toEqual(SQUARE);
    expect(b).toEqual(bBefore);
  });
});

describe('unionPolygons', () => {
  it('when two halves of a square are merged, then one valid polygon with the square area results', () => {
    const merged = unionPolygons([buildRect(0, 0, 0.5, 1), buildRect(0.5, 0, 1, 1)]);
    expect(merged).toHaveLength(1);
    expect(validatePolygon(merged[0]!)).toEqual([]);
    expect(geodesicAreaSqm(merged[0]!) / geodesicAreaSqm(SQUARE)).toBeCloseTo(1, 9);
  });

  it('when eight cells ring a missing middle, then the union has a clockwise hole', () => {
    const cells: PolygonCoords[] = [];
    for (let x = 0; x < 3; x += 1) {
      for (let y = 0; y < 3; y += 1) if (x !== 1 || y !== 1) cells.push(buildRect(x, y, x + 1, y + 1));
    }
    const [merged, ...others] = unionPolygons(cells);
    expect(others).toEqual([]);
    expect(merged).toHaveLength(2);
    expect(isCounterClockwise(merged![0]!)).toBe(true);
    expect(isCounterClockwise(merged![1]!)).toBe(false);
    expect(validatePolygon(merged!)).toEqual([]);
  });

  it('when the polygons are disjoint, then each stays a separate polygon', () => {
    expect(unionPolygons([SQUARE, buildRect(3, 3, 4, 4)])).toHaveLength(2);
  });

  it('when the list is empty, then the union is empty', () => {
    expect(unionPolygons([])).toEqual([]);
  });
});
