import { describe, expect, it } from 'vitest';
import { buildSquareGrid } from '@/testing/grid-feature.fixture';
import { chooseFitBox } from './choose-fit-box';

const buildSquare = (id: string, villageId: string, corner: [number, number]) =>
  buildSquareGrid(id, corner, { villageId });

const FEATURES = [buildSquare('g1', 'v1', [113, 23]), buildSquare('g2', 'v2', [113.1, 23.1])];
const SCOPE_BBOX: [number, number, number, number] = [112.9, 22.9, 113.2, 23.2];

describe('chooseFitBox', () => {
  it('when a village is chosen, then the box frames that village’s grids', () => {
    const box = chooseFitBox({
      features: FEATURES,
      villageId: 'v2',
      scope: { bbox: SCOPE_BBOX, homeGridId: null },
    });
    expect(box?.map((value) => Number(value.toFixed(2)))).toEqual([113.1, 23.1, 113.11, 23.11]);
  });

  it('when the user has a home grid, then the box frames the home grid', () => {
    const box = chooseFitBox({
      features: FEATURES,
      villageId: null,
      scope: { bbox: SCOPE_BBOX, homeGridId: 'g1' },
    });
    expect(box?.map((value) => Number(value.toFixed(2)))).toEqual([113, 23, 113.01, 23.01]);
  });

  it('when no village or home grid applies, then the scope box is used, else the drawn grids', () => {
    expect(
      chooseFitBox({ features: FEATURES, villageId: null, scope: { bbox: SCOPE_BBOX, homeGridId: null } }),
    ).toBe(SCOPE_BBOX);
    const box = chooseFitBox({
      features: FEATURES,
      villageId: null,
      scope: { bbox: null, homeGridId: null },
    });
    expect(box?.map((value) => Number(value.toFixed(2)))).toEqual([113, 23, 113.11, 23.11]);
  });

  it('when there are no grids and no scope box, then there is nothing to fit', () => {
    expect(
      chooseFitBox({ features: [], villageId: null, scope: { bbox: null, homeGridId: null } }),
    ).toBeNull();
  });
});
