// Editing one grid: its polygon (drawn on the map), name and figures. The server is the authority
// on geometry: invalid rings and overlaps with any other grid are refused with 422.
import type { Prisma } from '@gridgov/db';
import {
  bboxOfPolygon,
  type GridUpdateResult,
  geodesicAreaSqm,
  intersectPolygons,
  OVERLAP_TOLERANCE_SQM,
  orientPolygon,
  type PolygonCoords,
  type UpdateGridInput,
  validatePolygon,
} from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import type { Db } from '../../lib/db';
import { AppError, notFound } from '../../lib/errors';
import { diffFields, recordAudit } from '../audit/audit.repository';
import { publishCaseChanges } from '../live/live.service';
import { actorLabel, assertGridAdmin } from './grid-admin.access';
import {
  findAdminGrid,
  findGridsInBox,
  polygonOf,
  toGeometryColumns,
  updateGridRow,
} from './grid-admin.repository';
import { GEO_TRANSACTION } from './grid-import.service';
import { rehomeOpenCases } from './grid-rehome';

export interface AdminGridView {
  id: string;
  code: string;
  name: string;
  areaSqm: number;
  households: number | null;
  population: number | null;
}

export const toAdminGridView = (g: AdminGridView): AdminGridView => ({
  id: g.id,
  code: g.code,
  name: g.name,
  areaSqm: g.areaSqm,
  households: g.households,
  population: g.population,
});

/** Closes open rings and winds them as RFC 7946 asks, then refuses anything still invalid. */
export function normaliseDrawnPolygon(coordinates: PolygonCoords): PolygonCoords {
  const tooShort = coordinates.length === 0 || coordinates.some((ring) => ring.length < 3);
  const polygon = tooShort ? coordinates : orientPolygon(coordinates);
  const problems = validatePolygon(polygon);
  if (problems.length > 0) throw new AppError('unprocessable', 'The polygon is invalid', { problems });
  return polygon;
}

/** Refuses a polygon that covers part of another grid (touching along edges is fine). */
export async function assertNoOverlap(db: Db, polygon: PolygonCoords, ignoreIds: string[]): Promise<void> {
  const neighbours = await findGridsInBox(db, bboxOfPolygon(polygon), ignoreIds);
  const overlaps = neighbours.flatMap((g) => {
    const pieces = intersectPolygons(polygon, polygonOf(g.boundary));
    const areaSqm = pieces.reduce((sum, p) => sum + geodesicAreaSqm(p), 0);
    return areaSqm > OVERLAP_TOLERANCE_SQM ? [{ gridId: g.id, code: g.code, areaSqm, areas: pieces }] : [];
  });
  if (overlaps.length > 0) {
    throw new AppError('unprocessable', `The boundary overlaps ${overlaps.map((o) => o.code).join(', ')}`, {
      overlaps,
    });
  }
}

export async function updateGrid(
  ctx: AppContext,
  actor: Actor,
  gridId: string,
  input: UpdateGridInput,
): Promise<GridUpdateResult> {
  assertGridAdmin(actor);
  const result = await ctx.prisma.$transaction(async (tx) => {
    const grid = await findAdminGrid(tx, gridId);
    if (!grid) throw notFound('Grid');
    assertGridAdmin(actor, grid.townId);
    const polygon = input.boundary ? normaliseDrawnPolygon(input.boundary.coordinates) : null;
    if (polygon) await assertNoOverlap(tx, polygon, [grid.id]);
    const data: Prisma.GridUncheckedUpdateInput = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.households !== undefined ? { households: input.households } : {}),
      ...(input.population !== undefined ? { population: input.population } : {}),
      ...(polygon ? toGeometryColumns(polygon) : {}),
    };
    const row = await updateGridRow(tx, grid.id, data);
    const movedCaseIds = polygon
      ? await rehomeOpenCases(tx, actor.id, {
          townIds: [grid.townId],
          polygons: [polygonOf(grid.boundary), polygon],
        })
      : [];
    const change = diffFields(
      { name: grid.name, households: grid.households, population: grid.population, boundary: grid.boundary },
      {
        name: input.name,
        households: input.households,
        population: input.population,
        boundary: polygon ? { type: 'Polygon', coordinates: polygon } : undefined,
      },
    );
    await recordAudit(tx, {
      ...actorLabel(actor),
      action: 'grid.update',
      entity: 'grid',
      entityId: grid.id,
      townId: grid.townId,
      before: change.before as Prisma.InputJsonValue,
      after: (movedCaseIds.length > 0
        ? { ...change.after, movedCaseIds }
        : change.after) as Prisma.InputJsonValue,
      summary: `${grid.code} ${row.name}`,
    });
    return { ...toAdminGridView(row), movedCaseIds };
  }, GEO_TRANSACTION);
  // The command map moves the cases' markers only once the change has committed.
  await publishCaseChanges(ctx, 'changed', result.movedCaseIds);
  return result;
}
