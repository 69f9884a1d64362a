import { describe, expect, it } from 'vitest';
import { listFilePolygons } from './list-file-polygons';

const square = [
  [
    [110, 21],
    [110.01, 21],
    [110.01, 21.01],
    [110, 21],
  ],
];

describe('listFilePolygons', () => {
  it('when a file mixes polygons, one-part multipolygons and junk, then only drawable polygons come back', () => {
    const file = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: 'a' }, geometry: { type: 'Polygon', coordinates: square } },
        { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [square] } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [110, 21] } },
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[['x', 1]]] } },
        null,
      ],
    };
    expect(listFilePolygons(file).map((f) => [f.key, f.label])).toEqual([
      ['0', 'a'],
      ['1', '#1'],
    ]);
  });

  it('when the input is not a collection, then nothing', () => {
    expect(listFilePolygons(null)).toEqual([]);
    expect(listFilePolygons({ features: 3 })).toEqual([]);
  });
});
