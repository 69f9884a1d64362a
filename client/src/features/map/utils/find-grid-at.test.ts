import { describe, expect, it } from 'vitest';
import { buildSquareGrid } from '@/testing/grid-feature.fixture';
import { findGridAt } from './find-grid-at';

const buildSquare = (id: string, corner: [number, number]) => buildSquareGrid(id, corner);

describe('findGridAt', () => {
  const features = [buildSquare('g1', [113, 23]), buildSquare('g2', [113.01, 23])];

  it('when the point lies inside a grid, then that grid is found', () => {
    expect(findGridAt(features, { lon: 113.015, lat: 23.005 })?.id).toBe('g2');
  });

  it('when the point lies outside every grid, then there is none', () => {
    expect(findGridAt(features, { lon: 112.5, lat: 23.005 })).toBeNull();
  });
});
