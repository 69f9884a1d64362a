import { describe, expect, it } from 'vitest';
import { bboxOfPolygon, bboxOfPolygons } from './bbox';
import { buildRect, L_SHAPE, ORIGIN, STEP } from './shapes.fixture';

describe('bboxOfPolygon', () => {
  it('when the polygon is an L, then the box spans both arms', () => {
    const [minLon, minLat, maxLon, maxLat] = bboxOfPolygon(L_SHAPE);
    expect(minLon).toBe(ORIGIN[0]);
    expect(minLat).toBe(ORIGIN[1]);
    expect(maxLon).toBeCloseTo(ORIGIN[0] + 2 * STEP, 12);
    expect(maxLat).toBeCloseTo(ORIGIN[1] + 2 * STEP, 12);
  });

  it('when the polygon has no positions, then it throws', () => {
    expect(() => bboxOfPolygon([])).toThrow(RangeError);
  });
});

describe('bboxOfPolygons', () => {
  it('when several polygons are given, then the box covers them all', () => {
    const box = bboxOfPolygons([buildRect(-1, 2, 0, 3), buildRect(4, -2, 5, -1)]);
    expect(box).toEqual(bboxOfPolygon(buildRect(-1, -2, 5, 3)));
  });
});
