import { describe, expect, it } from 'vitest';
import type { GridFeature } from '../api/get-grids-geojson';
import { buildVillageOutlines } from './village-outlines';

function buildSquare(id: string, villageId: string, [lon, lat]: [number, number]): GridFeature {
  const ring: [number, number][] = [
    [lon, lat],
    [lon + 1, lat],
    [lon + 1, lat + 1],
    [lon, lat + 1],
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
      village: { id: villageId, code: villageId, name: villageId },
      worker: null,
      leader: null,
      households: null,
      population: null,
    },
  };
}

const sorted = (lines: readonly (readonly unknown[])[]) =>
  lines.map((line) => JSON.stringify([...line].sort())).sort();

describe('buildVillageOutlines', () => {
  it('when two grids of one village share an edge, then that edge is not a village boundary', () => {
    const lines = buildVillageOutlines([buildSquare('a', 'v1', [0, 0]), buildSquare('b', 'v1', [1, 0])]);
    // A 2 × 1 rectangle: 6 outer unit edges, the shared middle edge left out.
    expect(lines).toHaveLength(6);
    expect(sorted(lines)).not.toContain(
      JSON.stringify(
        [
          [0, 1],
          [1, 1],
        ].sort(),
      ),
    );
  });

  it('when the neighbours belong to different villages, then their shared edge is drawn once', () => {
    const lines = buildVillageOutlines([buildSquare('a', 'v1', [0, 0]), buildSquare('b', 'v2', [1, 0])]);
    expect(lines).toHaveLength(7);
    expect(sorted(lines)).toContain(
      JSON.stringify(
        [
          [0, 1],
          [1, 1],
        ].sort(),
      ),
    );
  });
});
