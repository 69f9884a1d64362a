import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { assertAdminReader } from './grid-admin.access';
import { findGridsByTowns, polygonOf } from './grid-admin.repository';

/**
 * Every grid of the person's towns as an RFC 7946 FeatureCollection. The property names are the ones the
 * import reads, so an exported file can be edited in a GIS tool and imported back.
 */
export async function exportGrids(ctx: AppContext, actor: Actor) {
  assertAdminReader(actor);
  const grids = await findGridsByTowns(ctx.prisma, actor.scope.townIds);
  return {
    type: 'FeatureCollection' as const,
    features: grids.map((g) => ({
      type: 'Feature' as const,
      id: g.code,
      geometry: { type: 'Polygon' as const, coordinates: polygonOf(g.boundary) },
      properties: {
        code: g.code,
        name: g.name,
        village_code: g.village.code,
        area_sqm: Math.round(g.areaSqm),
        households: g.households,
        population: g.population,
      },
    })),
  };
}
