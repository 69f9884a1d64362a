import { describe, expect, it } from 'vitest';
import * as geometry from './geometry';

describe('geometry module', () => {
  it('when imported, then it exposes every helper the grid features rely on', () => {
    const names = [
      'isRingClosed',
      'signedRingArea',
      'isCounterClockwise',
      'ringSelfIntersects',
      'geodesicAreaSqm',
      'bboxOfPolygon',
      'bboxOfPolygons',
      'pointInPolygon',
      'validatePolygon',
      'polygonOverlapAreaSqm',
      'unionPolygons',
      'distancePointToPolygonMeters',
    ];
    for (const name of names) expect(typeof (geometry as Record<string, unknown>)[name]).toBe('function');
  });
});
