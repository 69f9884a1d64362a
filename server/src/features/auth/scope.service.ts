import type { Scope } from '@gridgov/shared';
import { type ActorScope, gridScopeWhere } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';

/** The public view of a scope, with the bounding box the map fits on load. */
export async function describeScope(ctx: AppContext, scope: ActorScope): Promise<Scope> {
  const box = await ctx.prisma.grid.aggregate({
    where: gridScopeWhere(scope),
    _min: { minLon: true, minLat: true },
    _max: { maxLon: true, maxLat: true },
  });
  const { minLon, minLat } = box._min;
  const { maxLon, maxLat } = box._max;
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
