// The geo module's public surface, used as the grid features use it: through `@gridgov/shared`'s
// barrel. Each helper is called on a 2 × 2 square (counter-clockwise, lon 0..2, lat 0..2) with a
// 1 × 1 hole, and the expected values are worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  bboxOfPolygon,
  bboxOfPolygons,
  isCounterClockwise,
  isRingClosed,
  type PolygonCoords,
  pointInPolygon,
  ringSelfIntersects,
  signedRingArea,
  validatePolygon,
} from './geometry';

const outer: PolygonCoords[number] = [
  [0, 0],
  [2, 0],
  [2, 2],
  [0, 2],
  [0, 0],
];
const hole: PolygonCoords[number] = [
  [0.5, 0.5],
  [0.5, 1.5],
  [1.5, 1.5],
  [1.5, 0.5],
  [0.5, 0.5],
];
const square: PolygonCoords = [outer];
const withHole: PolygonCoords = [outer, hole];

describe('geometry module', () => {
  it('when a ring is the counter-clockwise 2 × 2 square, then it is closed, counter-clockwise, of signed area 4', () => {
    expect(isRingClosed(outer)).toBe(true);
    expect(isRingClosed(outer.slice(0, -1))).toBe(false);
    expect(signedRingArea(outer)).toBe(4);
    expect(signedRingArea(hole)).toBe(-1);
    expect(isCounterClockwise(outer)).toBe(true);
    expect(isCounterClockwise(hole)).toBe(false);
  });

  it('when a ring crosses itself (a bow tie), then it self-intersects; the square does not', () => {
    expect(
      ringSelfIntersects([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
        [0, 0],
      ]),
    ).toBe(true);
    expect(ringSelfIntersects(outer)).toBe(false);
  });

  it('when a point lies in the square, in its hole, or outside, then pointInPolygon says so', () => {
    expect(pointInPolygon([0.25, 0.25], withHole)).toBe(true);
    expect(pointInPolygon([1, 1], withHole)).toBe(false);
    expect(pointInPolygon([1, 1], square)).toBe(true);
    expect(pointInPolygon([3, 1], square)).toBe(false);
  });

  it('when asked for boxes, then the square spans 0..2 both ways, and two squares their union', () => {
    expect(bboxOfPolygon(square)).toEqual([0, 0, 2, 2]);
    const shifted: PolygonCoords = [outer.map(([lon, lat]) => [lon + 5, lat - 1] as [number, number])];
    expect(bboxOfPolygons([square, shifted])).toEqual([0, -1, 7, 2]);
  });

  it('when the square with its hole is validated, then there is no problem; an open ring is one', () => {
    expect(validatePolygon(withHole)).toEqual([]);
    expect(validatePolygon([outer.slice(0, -1)])).not.toEqual([]);
  });
});
