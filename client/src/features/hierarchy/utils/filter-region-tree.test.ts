import { describe, expect, it } from 'vitest';
import { buildRegionTree } from '@/testing/region-tree.fixture';
import { countGrids, filterRegionTree } from './filter-region-tree';

const listGridNames = (tree: ReturnType<typeof buildRegionTree>) =>
  tree.towns.flatMap((town) => town.villages.flatMap((village) => village.grids.map((grid) => grid.name)));

describe('filterRegionTree', () => {
  const tree = buildRegionTree();

  it('when the query is blank, then the tree is returned unchanged', () => {
    expect(filterRegionTree(tree, '  ')).toBe(tree);
  });

  it('when the query matches a grid code in another case, then only that grid and its branch remain', () => {
    const result = filterRegionTree(tree, 'sj-02-01');
    expect(listGridNames(result)).toEqual(['沙浦第一网格']);
    expect(result.towns[0]?.villages.map((village) => village.name)).toEqual(['沙浦村']);
  });

  it('when the query matches a worker or leader name, then the grids they staff remain', () => {
    expect(listGridNames(filterRegionTree(tree, '李'))).toEqual(['石角第二网格']);
    expect(listGridNames(filterRegionTree(tree, '王网格长'))).toEqual(['石角第一网格', '石角第二网格']);
  });

  it('when the query matches a village name, then all of that village’s grids remain', () => {
    expect(listGridNames(filterRegionTree(tree, '石角村'))).toEqual(['石角第一网格', '石角第二网格']);
  });

  it('when nothing matches, then no towns remain', () => {
    const result = filterRegionTree(tree, '不存在');
    expect(result.towns).toEqual([]);
    expect(countGrids(result)).toBe(0);
  });
});
