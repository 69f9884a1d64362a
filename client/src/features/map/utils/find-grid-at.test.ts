import { describe, expect, it } from 'vitest';
import type { GridFeature } from '../api/get-grids-geojson';
import { findGridAt } from './find-grid-at';

function buildSquare(id: string, [lon, lat]: [number, number]): GridFeature {
  const ring: [number, number][] = [
    [lon, lat],
    [lon + 0.01, lat],
    [lon + 0.01, lat + 0.01],
    [lon, lat + 0.01],
    [lon, lat],
  ];
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Polygon', coordinates: [ring] },
    properties: {
      id,
      code: id,
      name: id,
      village: { id: 'v1', code: 'v1', name: 'v1' },
      worker: null,
      leader: null,
      households: null,
      population: null,
    },
  };
}

describe('findGridAt', () => {
  const features = [buildSquare('g1', [113, 23]), buildSquare('g2', [113.01, 23])];

  it('when the point lies inside a grid, then that grid is found', () => {
    expect(findGridAt(features, { lon: 113.015, lat: 23.005 })?.id).toBe('g2');
  });

  it('when the point lies outside every grid, then there is none', () => {
    expect(findGridAt(features, { lon: 112.5, lat: 23.005 })).toBeNull();
  });
});
