// Case points for the command map: every located case in scope matching the filters, as compact tuples
// (20,000 cases ≈ 1.2 MB of JSON instead of ≈ 25 MB of case summaries).
import { isOverdueNow, MAP_POINTS_LIMIT, type MapPoints, type MapPointsQuery } from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { caseListConditions } from './case-list.query';
import { findCaseMapPoints } from './case-map.repository';

const roundCoordinate = (value: number) => Math.round(value * 1e6) / 1e6;

export async function listCaseMapPoints(
  ctx: AppContext,
  actor: Actor,
  query: MapPointsQuery,
): Promise<MapPoints> {
  const now = new Date();
  const rows = await findCaseMapPoints(ctx.prisma, {
    conditions: caseListConditions(actor, query, now),
    take: MAP_POINTS_LIMIT + 1,
  });
  const page = rows.slice(0, MAP_POINTS_LIMIT);
  return {
    points: page.map((row) => [
      row.id,
      roundCoordinate(row.lon!),
      roundCoordinate(row.lat!),
      row.status,
      row.isEscalated ? 1 : 0,
      isOverdueNow(row, now) ? 1 : 0,
    ]),
    truncated: rows.length > MAP_POINTS_LIMIT,
  };
}
