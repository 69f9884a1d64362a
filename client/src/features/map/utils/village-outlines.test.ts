import { describe, expect, it } from 'vitest';
import { buildSquareGrid } from '@/testing/grid-feature.fixture';
import { buildVillageOutlines } from './village-outlines';

const buildSquare = (id: string, villageId: string, corner: [number, number]) =>
  buildSquareGrid(id, corner, { villageId, size: 1 });

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
