import type { Scope } from '@gridgov/shared';
import type { ActorScope } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { findScopeBBox } from '../grids/grids.repository';

/** The public view of a scope, with the bounding box the map fits on load. */
export async function describeScope(ctx: AppContext, scope: ActorScope): Promise<Scope> {
  const { minLon, minLat, maxLon, maxLat } = await findScopeBBox(ctx.sql, scope);
  return {
    level: scope.level,
    regionIds: scope.regionIds,
    gridIds: scope.gridIds,
    homeGridId: scope.homeGridId,
    bbox:
      minLon != null && minLat != null && maxLon != null && maxLat != null
        ? [minLon, minLat, maxLon, maxLat]
        : null,
  };
}
