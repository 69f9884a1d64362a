import type { GridNode, RegionTree } from '@gridgov/shared';
import { type Actor, gridScopeWhere } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { findHolder } from '../grids/grids.mappers';
import { findGrids, type GridSummaryRow } from '../grids/grids.repository';
import { findVisibleStaffIds } from '../staff/staff.repository';
import { findActiveAssigneeTowns, findRegionsByIds } from './regions.repository';

function toGridNode(g: GridSummaryRow, visible: ReadonlySet<string>): GridNode {
  return {
    id: g.id,
    code: g.code,
    name: g.name,
    worker: findHolder(g.assignments, 'grid_worker', visible),
    leader: findHolder(g.assignments, 'grid_leader', visible),
    patrollerCount: g.assignments.filter((a) => a.role === 'patroller').length,
    households: g.households,
    population: g.population,
  };
}

/** Town → villages → grids, limited to the grids in the viewer's scope. */
export async function getRegionTree(ctx: AppContext, actor: Actor): Promise<RegionTree> {
  const scopeWhere = gridScopeWhere(actor.scope);
  const [grids, assignees] = await Promise.all([
    findGrids(ctx.prisma, scopeWhere),
    findActiveAssigneeTowns(ctx.prisma, scopeWhere),
  ]);
  const visible = await findVisibleStaffIds(ctx.sql, actor, [...new Set(assignees.map((a) => a.staffId))]);
  const regions = await findRegionsByIds(ctx.prisma, [
    ...new Set([...grids.map((g) => g.townId), ...grids.map((g) => g.village.id)]),
  ]);
  const towns = regions.filter((r) => grids.some((g) => g.townId === r.id));
  return {
    towns: towns.map((town) => {
      const villages = regions
        .filter((v) => v.parentId === town.id)
        .map((village) => {
          const villageGrids = grids
            .filter((g) => g.village.id === village.id)
            .map((g) => toGridNode(g, visible));
          return {
            id: village.id,
            code: village.code,
            name: village.name,
            kind: village.kind,
            gridCount: villageGrids.length,
            grids: villageGrids,
          };
        });
      return {
        id: town.id,
        code: town.code,
        name: town.name,
        villageCount: villages.length,
        gridCount: villages.reduce((sum, v) => sum + v.gridCount, 0),
        staffCount: new Set(assignees.filter((a) => a.grid.townId === town.id).map((a) => a.staffId)).size,
        isAdministered: actor.scope.adminTownIds.includes(town.id),
        villages,
      };
    }),
  };
}
