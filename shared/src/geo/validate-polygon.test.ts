import { describe, expect, it } from 'vitest';
import { BOW_TIE, L_SHAPE, SQUARE, SQUARE_WITH_HOLE } from './shapes.fixture';
import type { PolygonCoords } from './types';
import { validatePolygon } from './validate-polygon';

function listCodes(polygon: PolygonCoords) {
  return validatePolygon(polygon).map(({ code, ring }) => `${ring}:${code}`);
}

describe('validatePolygon', () => {
  it('when the polygon is a square, an L or a square with a clockwise hole, then it has no problems', () => {
    expect(validatePolygon(SQUARE)).toEqual([]);
    expect(validatePolygon(L_SHAPE)).toEqual([]);
    expect(validatePolygon(SQUARE_WITH_HOLE)).toEqual([]);
  });

  it('when the polygon has no rings or a ring of three positions, then it has too few points', () => {
    expect(listCodes([])).toEqual(['0:too_few_points']);
    expect(listCodes([SQUARE[0]!.slice(0, 3)])).toEqual(['0:too_few_points']);
  });

  it('when the last position is not the first, then the ring is not closed', () => {
    expect(listCodes([SQUARE[0]!.slice(0, -1).concat([[110.3, 21.905]])])).toEqual(['0:ring_not_closed']);
  });

  it('when the outer ring is clockwise or the hole counter-clockwise, then the winding is wrong', () => {
    const reversedOuter = [[...SQUARE_WITH_HOLE[0]!].reverse(), SQUARE_WITH_HOLE[1]!];
    const reversedHole = [SQUARE_WITH_HOLE[0]!, [...SQUARE_WITH_HOLE[1]!].reverse()];
    expect(listCodes(reversedOuter)).toEqual(['0:wrong_winding']);
    expect(listCodes(reversedHole)).toEqual(['1:wrong_winding']);
  });

  it('when a coordinate is outside WGS84 ranges, then it is out of range', () => {
    const swapped = [SQUARE[0]!.map(([lon, lat]): [number, number] => [lat, lon])];
    expect(listCodes(swapped)).toContain('0:out_of_range');
    expect(listCodes([SQUARE[0]!.map(([lon, lat]): [number, number] => [lon + 200, lat])])).toEqual([
      '0:out_of_range',
    ]);
  });

  it('when the ring is a bow-tie, then it self-intersects', () => {
    const codes = listCodes(BOW_TIE);
    expect(codes).toContain('0:self_intersection');
  });

  it('when a problem is found, then the message names the ring', () => {
    const [problem] = validatePolygon([SQUARE_WITH_HOLE[0]!, [...SQUARE_WITH_HOLE[1]!].reverse()]);
    expect(problem?.message).toMatch(/^Hole 1 /);
  });
});
