import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geodesicAreaSqm } from './geodesic-area';
import { computeLatLonRectAreaSqm, L_SHAPE, ORIGIN, SQUARE, SQUARE_WITH_HOLE, STEP } from './shapes.fixture';
import type { PolygonCoords } from './types';

function buildCell(lon: number, lat: number, width: number, height: number): PolygonCoords {
  return [
    [
      [lon, lat],
      [lon + width, lat],
      [lon + width, lat + height],
      [lon, lat + height],
      [lon, lat],
    ],
  ];
}

/** Spherical-rectangle area of fixture cells (x0, y0)–(x1, y1) in STEP units. */
function measureCells(x0: number, y0: number, x1: number, y1: number): number {
  const [lon, lat] = ORIGIN;
  return computeLatLonRectAreaSqm(lon + x0 * STEP, lat + y0 * STEP, lon + x1 * STEP, lat + y1 * STEP);
}

describe('geodesicAreaSqm', () => {
  it('when the polygon is a 0.01° cell at 21.9°N, then its area matches the spherical rectangle formula', () => {
    const expected = measureCells(0, 0, 1, 1);
    // Sanity anchor: ~1113.2 m north-south × ~1032.9 m east-west.
    expect(expected).toBeGreaterThan(1.148e6);
    expect(expected).toBeLessThan(1.151e6);
    expect(geodesicAreaSqm(SQUARE)).toBeCloseTo(expected, -1);
  });

  it('when the polygon is an L of three cells, then its area is the 2×2 block minus the missing cell', () => {
    const expected = measureCells(0, 0, 2, 2) - measureCells(1, 1, 2, 2);
    // The 2-cell bottom edge is a great circle bulging ~3 cm north of its parallel: ~1e-5 of the area.
    expect(geodesicAreaSqm(L_SHAPE) / expected).toBeCloseTo(1, 4);
  });

  it('when the polygon has a hole, then the hole area is subtracted', () => {
    const expected = measureCells(0, 0, 3, 3) - measureCells(1, 1, 2, 2);
    expect(geodesicAreaSqm(SQUARE_WITH_HOLE) / expected).toBeCloseTo(1, 6);
  });

  it('when the rings are wound the wrong way or left open, then the area is unchanged', () => {
    const reversed = SQUARE_WITH_HOLE.map((ring) => [...ring].reverse());
    const open = SQUARE_WITH_HOLE.map((ring) => ring.slice(0, -1));
    expect(geodesicAreaSqm(reversed)).toBeCloseTo(geodesicAreaSqm(SQUARE_WITH_HOLE), 3);
    expect(geodesicAreaSqm(open)).toBeCloseTo(geodesicAreaSqm(SQUARE_WITH_HOLE), 3);
  });

  it('when the polygon has no rings, then the area is 0', () => {
    expect(geodesicAreaSqm([])).toBe(0);
  });

  it('when any small lon/lat cell is measured, then it is within 0.01% of the spherical rectangle formula', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.double({ min: -70, max: 70, noNaN: true }),
        fc.double({ min: 0.0005, max: 0.05, noNaN: true }),
        fc.double({ min: 0.0005, max: 0.05, noNaN: true }),
        (lon, lat, width, height) => {
          // Great-circle top and bottom edges bulge poleward of the parallels, hence a tolerance, not equality.
          const expected = computeLatLonRectAreaSqm(lon, lat, lon + width, lat + height);
          const actual = geodesicAreaSqm(buildCell(lon, lat, width, height));
          expect(Math.abs(actual - expected) / expected).toBeLessThan(1e-4);
        },
      ),
    );
  });

  it('when a polygon is shifted east, then its area does not change', () => {
    fc.assert(
      fc.property(fc.double({ min: -60, max: 60, noNaN: true }), (shift) => {
        const shifted = L_SHAPE.map((ring) => ring.map(([lon, lat]): [number, number] => [lon + shift, lat]));
        expect(geodesicAreaSqm(shifted) / geodesicAreaSqm(L_SHAPE)).toBeCloseTo(1, 8);
      }),
    );
  });
});
