// Split and merge: one transaction that rewrites the geometry, re-homes cases by their location
// (each move is a `regrid` event on the case's timeline) and moves staff in the assignment history.
// See docs/decisions/011-grid-boundary-administration.md.
import type { Prisma } from '@gridgov/db';
import {
  geodesicAreaSqm,
  type MergeGridsInput,
  mergeAdjacentPolygons,
  type PolygonCoords,
  pointInPolygon,
  type RegridResult,
  type SplitGridInput,
  splitGridSchema,
  splitPolygonByLine,
} from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { recordAudit } from '../audit/audit.repository';
import { publishCaseChanges } from '../live/live.service';
import { actorLabel, assertGridAdmin } from './grid-admin.access';
import {
  type AdminGridRow,
  deleteGridRow,
  endAssignment,
  findActiveAssignments,
  findAdminGrid,
  findCasesOfGrid,
  findLastGridSequence,
  insertGrid,
  moveAssignmentHistory,
  moveCaseToGrid,
  polygonOf,
  startAssignment,
  toGeometryColumns,
  updateGridRow,
} from './grid-admin.repository';
import { assertNoOverlap, toAdminGridView } from './grid-edit.service';
import { GEO_TRANSACTION } from './grid-import.service';

type Tx = Prisma.TransactionClient;

/** A new grid code: the village's 12 digits and the next free 3-digit sequence, as the seed numbers them. */
async function takeGridCode(tx: Tx, villageCode: string): Promise<string> {
  const next = (await findLastGridSequence(tx, villageCode)) + 1;
  if (next > 999) throw new AppError('unprocessable', `Village ${villageCode} has no free grid code left`);
  return `${villageCode}${String(next).padStart(3, '0')}`;
}

/** Figures split in proportion to area: an estimate the admin corrects afterwards. */
const shareOf = (value: number | null, fraction: number) =>
  value === null ? null : Math.round(value * fraction);

async function loadForAdmin(tx: Tx, actor: Actor, id: string): Promise<AdminGridRow> {
  const grid = await findAdminGrid(tx, id);
  if (!grid) throw notFound('Grid');
  assertGridAdmin(actor, grid.townId);
  return grid;
}

export async function splitGrid(
  ctx: AppContext,
  actor: Actor,
  gridId: string,
  rawInput: SplitGridInput,
): Promise<RegridResult> {
  assertGridAdmin(actor);
  const input = splitGridSchema.parse(rawInput);
  const result = await ctx.prisma.$transaction(async (tx) => {
    const grid = await loadForAdmin(tx, actor, gridId);
    const split = splitPolygonByLine(polygonOf(grid.boundary), input.line);
    if (!split.ok) throw new AppError('unprocessable', split.message, { reason: split.reason });
    // The larger piece keeps the grid (its code, staff and history); the smaller becomes a new grid.
    const [keep, part] = [...split.pieces].sort((a, b) => geodesicAreaSqm(b) - geodesicAreaSqm(a)) as [
      PolygonCoords,
      PolygonCoords,
    ];
    const fraction = geodesicAreaSqm(part) / (geodesicAreaSqm(keep) + geodesicAreaSqm(part));
    const kept = await updateGridRow(tx, grid.id, {
      ...toGeometryColumns(keep),
      households: shareOf(grid.households, 1 - fraction),
      population: shareOf(grid.population, 1 - fraction),
    });
    const created = await insertGrid(tx, {
      code: await takeGridCode(tx, grid.village.code),
      name: input.newName ?? `${grid.name}-2`,
      villageId: grid.villageId,
      townId: grid.townId,
      ...toGeometryColumns(part),
      households: shareOf(grid.households, fraction),
      population: shareOf(grid.population, fraction),
    });
    const movedCaseIds: string[] = [];
    for (const c of await findCasesOfGrid(tx, grid.id, true)) {
      if (c.lon === null || c.lat === null) continue;
      const point: [number, number] = [c.lon, c.lat];
      if (pointInPolygon(point, keep) || !pointInPolygon(point, part)) continue;
      await moveCaseToGrid(tx, c, { actorId: actor.id, from: grid, to: created, isInside: true });
      movedCaseIds.push(c.id);
    }
    const now = new Date();
    const active = await findActiveAssignments(tx, grid.id);
    const movedStaffIds: string[] = [];
    for (const staffId of input.moveStaffIds) {
      const assignment = active.find((a) => a.staffId === staffId && a.role !== 'grid_leader');
      if (!assignment) {
        throw new AppError(
          'unprocessable',
          'Only the grid’s own workers and patrollers can move to the new grid',
          {
            staffId,
          },
        );
      }
      await endAssignment(tx, assignment.id, now);
      await startAssignment(tx, { gridId: created.id, staffId, role: assignment.role, at: now });
      movedStaffIds.push(staffId);
    }
    // The village's grid leader leads both pieces.
    for (const leader of active.filter((a) => a.role === 'grid_leader')) {
      await startAssignment(tx, {
        gridId: created.id,
        staffId: leader.staffId,
        role: 'grid_leader',
        at: now,
      });
    }
    await recordAudit(tx, {
      ...actorLabel(actor),
      action: 'grid.split',
      entity: 'grid',
      entityId: grid.id,
      townId: grid.townId,
      before: {
        code: grid.code,
        boundary: grid.boundary,
        households: grid.households,
        population: grid.population,
      },
      after: {
        grids: [kept.code, created.code],
        newGridId: created.id,
        line: input.line,
        movedCaseIds,
        movedStaffIds,
      } as Prisma.InputJsonValue,
      summary: `${grid.code} → ${kept.code} + ${created.code}`,
    });
    return { grids: [toAdminGridView(kept), toAdminGridView(created)], removedGridId: null, movedCaseIds };
  }, GEO_TRANSACTION);
  // The command map moves the cases' markers only once the change has committed.
  await publishCaseChanges(ctx, 'changed', result.movedCaseIds);
  return result;
}

const sumOrNull = (a: number | null, b: number | null) =>
  a === null && b === null ? null : (a ?? 0) + (b ?? 0);

export async function mergeGrids(
  ctx: AppContext,
  actor: Actor,
  input: MergeGridsInput,
): Promise<RegridResult> {
  assertGridAdmin(actor);
  if (input.keepId === input.absorbId) throw new AppError('unprocessable', 'Choose two different grids');
  const result = await ctx.prisma.$transaction(async (tx) => {
    const keep = await loadForAdmin(tx, actor, input.keepId);
    const absorb = await loadForAdmin(tx, actor, input.absorbId);
    if (keep.villageId !== absorb.villageId) {
      throw new AppError('unprocessable', 'Only grids of the same village can be merged', {
        reason: 'different_villages',
      });
    }
    const merged = mergeAdjacentPolygons(polygonOf(keep.boundary), polygonOf(absorb.boundary));
    if (!merged.ok) throw new AppError('unprocessable', merged.message, { reason: merged.reason });
    await assertNoOverlap(tx, merged.polygon, [keep.id, absorb.id]);
    const kept = await updateGridRow(tx, keep.id, {
      ...toGeometryColumns(merged.polygon),
      households: sumOrNull(keep.households, absorb.households),
      population: sumOrNull(keep.population, absorb.population),
    });
    // Every case of the absorbed grid moves, closed ones too: the grid row is going away.
    const movedCaseIds: string[] = [];
    for (const c of await findCasesOfGrid(tx, absorb.id, false)) {
      await moveCaseToGrid(tx, c, { actorId: actor.id, from: absorb, to: keep });
      movedCaseIds.push(c.id);
    }
    const now = new Date();
    const keepActive = await findActiveAssignments(tx, keep.id);
    const hasWorker = keepActive.some((a) => a.role === 'grid_worker');
    const restarted: string[] = [];
    for (const a of await findActiveAssignments(tx, absorb.id)) {
      await endAssignment(tx, a.id, now);
      const already = keepActive.some((k) => k.staffId === a.staffId && k.role === a.role);
      // One worker per grid: the absorbed grid's worker stays unassigned when the kept grid has one.
      if (already || (a.role === 'grid_worker' && hasWorker)) continue;
      await startAssignment(tx, { gridId: keep.id, staffId: a.staffId, role: a.role, at: now });
      restarted.push(a.staffId);
    }
    await moveAssignmentHistory(tx, absorb.id, keep.id);
    await deleteGridRow(tx, absorb.id);
    await recordAudit(tx, {
      ...actorLabel(actor),
      action: 'grid.merge',
      entity: 'grid',
      entityId: keep.id,
      townId: keep.townId,
      before: {
        keep: {
          code: keep.code,
          boundary: keep.boundary,
          households: keep.households,
          population: keep.population,
        },
        absorbed: {
          id: absorb.id,
          code: absorb.code,
          name: absorb.name,
          boundary: absorb.boundary,
          households: absorb.households,
          population: absorb.population,
        },
      } as Prisma.InputJsonValue,
      after: {
        code: kept.code,
        boundary: kept.boundary,
        movedCaseIds,
        restartedStaffIds: restarted,
      } as Prisma.InputJsonValue,
      summary: `${absorb.code} → ${keep.code}`,
    });
    return { grids: [toAdminGridView(kept)], removedGridId: absorb.id, movedCaseIds };
  }, GEO_TRANSACTION);
  // The command map moves the cases' markers only once the change has committed.
  await publishCaseChanges(ctx, 'changed', result.movedCaseIds);
  return result;
}
