import type { GridDetail, GridFeatureCollection, GridList } from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import { assertGridInScope, gridScopeWhere } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { findVisibleStaffIds } from '../staff/staff.repository';
import { findHolder, toGridSummary, toPolygon, toStaffRef } from './grids.mappers';
import { findGridDetail, findGrids, findGridsWithBoundary } from './grids.repository';

function collectStaffIds(rows: { assignments: { staff: { id: string } }[] }[]): string[] {
  return [...new Set(rows.flatMap((r) => r.assignments.map((a) => a.staff.id)))];
}

export async function listGrids(
  ctx: AppContext,
  actor: Actor,
  filter: { villageId?: string | undefined },
): Promise<GridList> {
  const rows = await findGrids(ctx.prisma, {
    AND: [gridScopeWhere(actor.scope), filter.villageId ? { villageId: filter.villageId } : {}],
  });
  const visible = await findVisibleStaffIds(ctx.sql, actor, collectStaffIds(rows));
  return { items: rows.map((row) => toGridSummary(row, visible)) };
}

export async function listGridFeatures(ctx: AppContext, actor: Actor): Promise<GridFeatureCollection> {
  const rows = await findGridsWithBoundary(ctx.prisma, gridScopeWhere(actor.scope));
  const visible = await findVisibleStaffIds(ctx.sql, actor, collectStaffIds(rows));
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => ({
      type: 'Feature',
      id: row.id,
      geometry: toPolygon(row.boundary),
      properties: {
        id: row.id,
        code: row.code,
        name: row.name,
        village: row.village,
        worker: findHolder(row.assignments, 'grid_worker', visible),
        leader: findHolder(row.assignments, 'grid_leader', visible),
        households: row.households,
        population: row.population,
      },
    })),
  };
}

export async function getGrid(ctx: AppContext, actor: Actor, gridId: string): Promise<GridDetail> {
  const row = await findGridDetail(ctx.prisma, gridId);
  if (!row) throw notFound('Grid');
  assertGridInScope(actor.scope, row);
  const visible = await findVisibleStaffIds(ctx.sql, actor, collectStaffIds([row]));
  const active = row.assignments.filter((a) => !a.endedAt);
  return {
    ...toGridSummary({ ...row, assignments: active }, visible),
    town: row.town,
    patrollers: active.filter((a) => a.role === 'patroller').map((a) => toStaffRef(a.staff, visible)),
    boundary: toPolygon(row.boundary),
    history: row.assignments.map((a) => ({
      staff: toStaffRef(a.staff, visible),
      role: a.role,
      startedAt: a.startedAt.toISOString(),
      endedAt: a.endedAt?.toISOString() ?? null,
    })),
  };
}
