import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCounterClockwise, isRingClosed, orientPolygon, ringSelfIntersects, signedRingArea } from './ring';
import {
  BOW_TIE,
  buildRing,
  generateConvexRing,
  L_SHAPE,
  SQUARE,
  SQUARE_WITH_HOLE,
  STEP,
} from './shapes.fixture';
import type { Position, Ring } from './types';

const arbitraryPosition = fc.tuple(
  fc.double({ min: -180, max: 180, noNaN: true }),
  fc.double({ min: -90, max: 90, noNaN: true }),
) as fc.Arbitrary<Position>;

describe('isRingClosed', () => {
  it('when the last position repeats the first, then the ring is closed', () => {
    expect(isRingClosed(SQUARE[0]!)).toBe(true);
  });

  it('when the last position differs or the ring is empty, then the ring is not closed', () => {
    expect(isRingClosed(SQUARE[0]!.slice(0, -1))).toBe(false);
    expect(isRingClosed([])).toBe(false);
  });
});

describe('signedRingArea', () => {
  it('when the ring is a counter-clockwise unit cell, then the area is +STEP²', () => {
    expect(signedRingArea(SQUARE[0]!)).toBeCloseTo(STEP * STEP, 12);
    expect(isCounterClockwise(SQUARE[0]!)).toBe(true);
  });

  it('when the ring is an L of three cells, then the area is three cells', () => {
    expect(signedRingArea(L_SHAPE[0]!)).toBeCloseTo(3 * STEP * STEP, 12);
  });

  it('when the ring is a hole wound clockwise, then the area is negative', () => {
    expect(signedRingArea(SQUARE_WITH_HOLE[1]!)).toBeCloseTo(-STEP * STEP, 12);
    expect(isCounterClockwise(SQUARE_WITH_HOLE[1]!)).toBe(false);
  });

  it('when any ring is reversed, then the signed area flips sign', () => {
    fc.assert(
      fc.property(fc.array(arbitraryPosition, { minLength: 3, maxLength: 30 }), (ring) => {
        const forward = signedRingArea(ring);
        const backward = signedRingArea([...ring].reverse());
        expect(backward).toBeCloseTo(-forward, 6);
      }),
    );
  });
});

describe('ringSelfIntersects', () => {
  it('when the ring is a square, an L or a hole, then it does not self-intersect', () => {
    expect(ringSelfIntersects(SQUARE[0]!)).toBe(false);
    expect(ringSelfIntersects(L_SHAPE[0]!)).toBe(false);
    expect(ringSelfIntersects(SQUARE_WITH_HOLE[1]!)).toBe(false);
  });

  it('when the ring is a bow-tie, then it self-intersects', () => {
    expect(ringSelfIntersects(BOW_TIE[0]!)).toBe(true);
  });

  it('when a vertex touches a non-adjacent edge, then it self-intersects', () => {
    const touching = buildRing([
      [0, 0],
      [4, 0],
      [4, 2],
      [2, 0],
      [0, 2],
    ]);
    expect(ringSelfIntersects(touching)).toBe(true);
  });

  it('when adjacent edges double back on each other, then it self-intersects', () => {
    const spike = buildRing([
      [0, 0],
      [2, 0],
      [2, 2],
      [2, 3],
      [2, 1],
      [0, 2],
    ]);
    expect(ringSelfIntersects(spike)).toBe(true);
  });

  it('when a position is repeated consecutively, then that alone is not a self-intersection', () => {
    const ring = SQUARE[0]!;
    const withDuplicate: Ring = [ring[0]!, ring[1]!, ring[1]!, ring[2]!, ring[3]!, ring[0]!];
    expect(ringSelfIntersects(withDuplicate)).toBe(false);
  });

  it('when the ring is a random convex polygon, then it does not self-intersect', () => {
    fc.assert(
      fc.property(generateConvexRing(), (ring) => {
        expect(ringSelfIntersects(ring)).toBe(false);
      }),
    );
  });
});

describe('orientPolygon', () => {
  it('when the outer ring is clockwise and open, then it is closed and reversed and holes turn clockwise', () => {
    const outer = [...SQUARE_WITH_HOLE[0]!].reverse().slice(0, -1);
    const hole = [...SQUARE_WITH_HOLE[1]!].reverse();
    const [fixedOuter, fixedHole] = orientPolygon([outer, hole]);
    expect(isRingClosed(fixedOuter!)).toBe(true);
    expect(isCounterClockwise(fixedOuter!)).toBe(true);
    expect(isCounterClockwise(fixedHole!)).toBe(false);
  });
});
