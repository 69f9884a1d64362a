import fc from 'fast-check';
import { EARTH_RADIUS_M } from './geodesic-area';
import type { PolygonCoords, Position, Ring } from './types';

// Shapes near 石角镇 (21.9°N 110.3°E) so the numbers resemble real grids. 0.01° ≈ 1.1 km.
export const ORIGIN: Position = [110.3, 21.9];
export const STEP = 0.01;

/** A closed ring through lattice points (x, y) measured in STEP units from ORIGIN. */
export function buildRing(points: Array<[number, number]>): Ring {
  const ring = points.map(([x, y]): Position => [ORIGIN[0] + x * STEP, ORIGIN[1] + y * STEP]);
  return [...ring, ring[0]!];
}

/** Counter-clockwise rectangle in STEP units. */
export function buildRect(x0: number, y0: number, x1: number, y1: number): PolygonCoords {
  return [
    buildRing([
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
    ]),
  ];
}

/** Exact area of a lon/lat rectangle on the sphere: R² · Δλ · (sin φ₂ − sin φ₁). */
export function computeLatLonRectAreaSqm(minLon: number, minLat: number, maxLon: number, maxLat: number) {
  const radians = Math.PI / 180;
  const dLambda = (maxLon - minLon) * radians;
  return EARTH_RADIUS_M ** 2 * dLambda * (Math.sin(maxLat * radians) - Math.sin(minLat * radians));
}

export const SQUARE = buildRect(0, 0, 1, 1);

export const L_SHAPE: PolygonCoords = [
  buildRing([
    [0, 0],
    [2, 0],
    [2, 1],
    [1, 1],
    [1, 2],
    [0, 2],
  ]),
];

/** 3×3 square with a clockwise 1×1 hole in the middle. */
export const SQUARE_WITH_HOLE: PolygonCoords = [
  buildRect(0, 0, 3, 3)[0]!,
  buildRing([
    [1, 1],
    [1, 2],
    [2, 2],
    [2, 1],
  ]),
];

export const BOW_TIE: PolygonCoords = [
  buildRing([
    [0, 0],
    [1, 1],
    [1, 0],
    [0, 1],
  ]),
];

/** Vertices on a circle at increasing angles: always convex and counter-clockwise. */
export function generateConvexRing(): fc.Arbitrary<Ring> {
  return fc
    .record({
      lon: fc.double({ min: -170, max: 170, noNaN: true }),
      lat: fc.double({ min: -60, max: 60, noNaN: true }),
      radius: fc.double({ min: 0.001, max: 1, noNaN: true }),
      gaps: fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 3, maxLength: 24 }),
    })
    .map(({ lon, lat, radius, gaps }) => {
      const total = gaps.reduce((sum, gap) => sum + gap, 0);
      let angle = 0;
      const ring: Ring = gaps.map((gap) => {
        angle += (gap / total) * 2 * Math.PI;
        return [lon + radius * Math.cos(angle), lat + radius * Math.sin(angle)];
      });
      return [...ring, ring[0]!];
    });
}
