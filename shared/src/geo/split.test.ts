import { describe, expect, it } from 'vitest';
import { polygonOverlapAreaSqm } from './clipping';
import { geodesicAreaSqm } from './geodesic-area';
import { isCounterClockwise } from './ring';
import { buildRect, L_SHAPE, ORIGIN, SQUARE, STEP } from './shapes.fixture';
import { splitPolygonByLine } from './split';
import type { Position } from './types';
import { validatePolygon } from './validate-polygon';

const at = (x: number, y: number): Position => [ORIGIN[0] + x * STEP, ORIGIN[1] + y * STEP];

describe('splitPolygonByLine', () => {
  it('when a straight line crosses a square, then two valid halves cover it exactly without overlap', () => {
    const result = splitPolygonByLine(SQUARE, [at(0.5, -0.5), at(0.5, 1.5)]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [a, b] = result.pieces;
    for (const piece of [a, b]) {
      expect(validatePolygon(piece)).toEqual([]);
      expect(isCounterClockwise(piece[0]!)).toBe(true);
    }
    expect(geodesicAreaSqm(a) / geodesicAreaSqm(b)).toBeCloseTo(1, 6);
    expect(polygonOverlapAreaSqm(a, b)).toBeLessThan(1e-3);
    expect(geodesicAreaSqm(a) + geodesicAreaSqm(b)).toBeCloseTo(geodesicAreaSqm(SQUARE), 0);
  });

  it('when the line bends inside the grid, then its inner vertices become shared boundary', () => {
    const result = splitPolygonByLine(SQUARE, [at(-0.5, 0.25), at(0.5, 0.75), at(1.5, 0.25)]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const piece of result.pieces) {
      expect(piece[0]!.some((p) => p[0] === at(0.5, 0.75)[0] && p[1] === at(0.5, 0.75)[1])).toBe(true);
    }
  });

  it('when both crossings are on the same edge, then the bulge is cut off', () => {
    const result = splitPolygonByLine(SQUARE, [at(0.25, -0.5), at(0.5, 0.5), at(0.75, -0.5)]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const areas = result.pieces.map(geodesicAreaSqm).sort((x, y) => x - y);
    expect(areas[0]! / geodesicAreaSqm(SQUARE)).toBeCloseTo(0.0625, 3);
  });

  it('when the line ends inside, misses, or zigzags through the polygon, then it is refused', () => {
    expect(splitPolygonByLine(SQUARE, [at(-0.5, 0.5), at(0.5, 0.5)])).toMatchObject({
      ok: false,
      reason: 'line_must_cross_twice',
    });
    expect(splitPolygonByLine(SQUARE, [at(2, 2), at(3, 3)])).toMatchObject({ ok: false });
    // Out along y = 0.5 and back along y = 0.2: four crossings, three pieces.
    const zigzag = splitPolygonByLine(L_SHAPE, [at(-0.5, 0.5), at(2.5, 0.5), at(2.5, 0.2), at(-0.5, 0.2)]);
    expect(zigzag).toMatchObject({ ok: false, reason: 'line_must_cross_twice' });
    expect(splitPolygonByLine(SQUARE, [at(0, 0)])).toMatchObject({ ok: false, reason: 'line_too_short' });
  });

  it('when a hole lies on one side, then it stays with that piece; a line through the hole is refused', () => {
    const withHole = [buildRect(0, 0, 1, 1)[0]!, [...buildRect(0.1, 0.1, 0.3, 0.3)[0]!].reverse()];
    const result = splitPolygonByLine(withHole, [at(0.5, -1), at(0.5, 2)]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.pieces.map((p) => p.length).sort()).toEqual([1, 2]);
    expect(splitPolygonByLine(withHole, [at(0.2, -1), at(0.2, 2)])).toMatchObject({
      ok: false,
      reason: 'hole_crosses_line',
    });
  });
});
