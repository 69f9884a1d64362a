import type { GridNode, RegionTree, TownNode, VillageNode } from '@gridgov/shared';

/** Case-insensitive and whitespace-tolerant, so "sj-01 " finds "SJ-01". */
export function normalizeQuery(query: string): string {
  return query.trim().toLocaleLowerCase();
}

export function matchesQuery(text: string | null | undefined, normalizedQuery: string): boolean {
  return !!text && normalizedQuery !== '' && text.toLocaleLowerCase().includes(normalizedQuery);
}

function matchesGrid(grid: GridNode, query: string): boolean {
  return [grid.name, grid.code, grid.worker?.name, grid.leader?.name].some((text) =>
    matchesQuery(text, query),
  );
}

function filterVillage(village: VillageNode, query: string): VillageNode | null {
  // A matching village keeps all its grids: searching "石角村" should show what the village contains.
  if (matchesQuery(village.name, query)) return village;
  const grids = village.grids.filter((grid) => matchesGrid(grid, query));
  return grids.length > 0 ? { ...village, grids } : null;
}

function filterTown(town: TownNode, query: string): TownNode | null {
  if (matchesQuery(town.name, query)) return town;
  const villages = town.villages.flatMap((village) => filterVillage(village, query) ?? []);
  return villages.length > 0 ? { ...town, villages } : null;
}

/**
 * Keeps the branches that lead to a match on a grid name or code, a village or town name, or the name
 * of a grid's worker or leader. An empty query returns the tree unchanged.
 */
export function filterRegionTree(tree: RegionTree, query: string): RegionTree {
  const normalized = normalizeQuery(query);
  if (!normalized) return tree;
  return { towns: tree.towns.flatMap((town) => filterTown(town, normalized) ?? []) };
}

export function countGrids(tree: RegionTree): number {
  return tree.towns.reduce(
    (sum, town) => sum + town.villages.reduce((villageSum, village) => villageSum + village.grids.length, 0),
    0,
  );
}
