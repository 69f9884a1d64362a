import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distancePointToPolygonMeters, pointInPolygon } from './point-in-polygon';
import {
  buildRing,
  generateConvexRing,
  L_SHAPE,
  ORIGIN,
  SQUARE,
  SQUARE_WITH_HOLE,
  STEP,
} from './shapes.fixture';
import type { Position } from './types';

/** A position in STEP units from ORIGIN, like the fixture shapes use. */
function placeAt(x: number, y: number): Position {
  return [ORIGIN[0] + x * STEP, ORIGIN[1] + y * STEP];
}

describe('pointInPolygon', () => {
  it('when the point is inside or outside a square, then the answer says so', () => {
    expect(pointInPolygon(placeAt(0.5, 0.5), SQUARE)).toBe(true);
    expect(pointInPolygon(placeAt(1.5, 0.5), SQUARE)).toBe(false);
    expect(pointInPolygon(placeAt(0.5, -0.1), SQUARE)).toBe(false);
  });

  it('when the point sits in the notch of an L, then it is outside', () => {
    expect(pointInPolygon(placeAt(1.5, 1.5), L_SHAPE)).toBe(false);
    expect(pointInPolygon(placeAt(1.5, 0.5), L_SHAPE)).toBe(true);
    expect(pointInPolygon(placeAt(0.5, 1.5), L_SHAPE)).toBe(true);
  });

  it('when the point is in the hole, then it is outside; on the hole edge, then inside', () => {
    expect(pointInPolygon(placeAt(1.5, 1.5), SQUARE_WITH_HOLE)).toBe(false);
    expect(pointInPolygon(placeAt(0.5, 1.5), SQUARE_WITH_HOLE)).toBe(true);
    expect(pointInPolygon(placeAt(1, 1.5), SQUARE_WITH_HOLE)).toBe(true);
  });

  it('when the point lies exactly on an edge or a vertex, then it counts as inside', () => {
    expect(pointInPolygon(placeAt(0.5, 0), SQUARE)).toBe(true);
    expect(pointInPolygon(placeAt(1, 0.25), SQUARE)).toBe(true);
    expect(pointInPolygon(placeAt(1, 1), SQUARE)).toBe(true);
    expect(pointInPolygon(placeAt(1, 1.5), L_SHAPE)).toBe(true);
  });

  it('when the polygon has no rings, then nothing is inside', () => {
    expect(pointInPolygon(ORIGIN, [])).toBe(false);
  });

  it('when the polygon is any convex ring, then it contains its vertex centroid and its vertices', () => {
    fc.assert(
      fc.property(generateConvexRing(), (ring) => {
        const vertices = ring.slice(0, -1);
        const centroid: Position = [
          vertices.reduce((sum, [lon]) => sum + lon, 0) / vertices.length,
          vertices.reduce((sum, [, lat]) => sum + lat, 0) / vertices.length,
        ];
        expect(pointInPolygon(centroid, [ring])).toBe(true);
        for (const vertex of vertices) expect(pointInPolygon(vertex, [ring])).toBe(true);
      }),
    );
  });

  it('when the ring is left open, then the closing edge still counts', () => {
    const open = buildRing([
      [0, 0],
      [2, 0],
      [0, 2],
    ]).slice(0, -1);
    expect(pointInPolygon(placeAt(0.5, 0.5), [open])).toBe(true);
    expect(pointInPolygon(placeAt(1.5, 1.5), [open])).toBe(false);
  });
});

describe('distancePointToPolygonMeters', () => {
  const metresPerDegree = (Math.PI * 6378137) / 180;

  it('when the point is inside or on the edge, then the distance is 0', () => {
    expect(distancePointToPolygonMeters(placeAt(0.5, 0.5), SQUARE)).toBe(0);
    expect(distancePointToPolygonMeters(placeAt(1, 0.5), SQUARE)).toBe(0);
  });

  it('when the point is due north of the square, then the distance is the latitude gap in metres', () => {
    const distance = distancePointToPolygonMeters(placeAt(0.5, 1.5), SQUARE);
    expect(distance).toBeCloseTo(0.5 * STEP * metresPerDegree, 3);
  });

  it('when the point is due east, then the distance shrinks with the cosine of the latitude', () => {
    const distance = distancePointToPolygonMeters(placeAt(2, 0.5), SQUARE);
    const expected = STEP * metresPerDegree * Math.cos(((ORIGIN[1] + 0.5 * STEP) * Math.PI) / 180);
    expect(distance / expected).toBeCloseTo(1, 6);
  });

  it('when the point is in a hole, then the distance is to the hole edge', () => {
    const distance = distancePointToPolygonMeters(placeAt(1.5, 1.75), SQUARE_WITH_HOLE);
    expect(distance).toBeCloseTo(0.25 * STEP * metresPerDegree, 3);
  });
});
