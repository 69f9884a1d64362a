// Grid boundary import: a dry run reports every problem; the commit re-validates inside its
// transaction and writes all grids or none.
import type { Prisma } from '@gridgov/db';
import {
  bboxOfPolygons,
  type ExistingGrid,
  type GridImportResult,
  type ImportedGrid,
  type PolygonCoords,
  validateGridImport,
} from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import type { Db } from '../../lib/db';
import { AppError } from '../../lib/errors';
import { diffFields, recordAudit } from '../audit/audit.repository';
import { publishCaseChanges } from '../live/live.service';
import { actorLabel, assertGridAdmin } from './grid-admin.access';
import {
  type AdminGridRow,
  findGridsByTowns,
  findGridsInBox,
  findVillagesOfTowns,
  insertGrid,
  polygonOf,
  toGeometryColumns,
  updateGridRow,
} from './grid-admin.repository';
import { rehomeOpenCases } from './grid-rehome';

/** Validating a town's worth of polygons takes a few seconds on a busy machine. */
export const GEO_TRANSACTION = { timeout: 60_000, maxWait: 10_000 } as const;

const toExisting = (g: AdminGridRow): ExistingGrid => ({
  code: g.code,
  villageCode: g.village.code,
  polygon: polygonOf(g.boundary),
});

/**
 * The file is checked against the towns the person ADMINISTERS, not those they read: an admin of one
 * town who leads another must not re-draw the second (issue 12 item 6).
 */
async function checkFile(db: Db, actor: Actor, file: unknown) {
  const towns = actor.scope.adminTownIds;
  const villages = await findVillagesOfTowns(db, towns);
  const context = {
    villages: villages.map((v) => ({
      code: v.code,
      boundary: v.boundary ? polygonOf(v.boundary) : null,
    })),
    existingGrids: [] as ExistingGrid[],
  };
  const stored = new Map((await findGridsByTowns(db, towns)).map((g) => [g.code, g]));
  // A first pass finds where the file lies; grids of neighbouring towns there count for overlaps too.
  const first = validateGridImport(file, { ...context, existingGrids: [...stored.values()].map(toExisting) });
  if (first.grids.length > 0) {
    const box = bboxOfPolygons(first.grids.map((g) => g.polygon));
    for (const g of await findGridsInBox(db, box)) if (!stored.has(g.code)) stored.set(g.code, g);
  }
  const report = validateGridImport(file, {
    ...context,
    existingGrids: [...stored.values()].map(toExisting),
  });
  const villageByCode = new Map(villages.map((v) => [v.code, v]));
  return { report, stored, villageByCode };
}

function summarise(grids: ImportedGrid[], stored: Map<string, AdminGridRow>) {
  return {
    created: grids.filter((g) => !stored.has(g.code)).map((g) => g.code),
    updated: grids.filter((g) => stored.has(g.code)).map((g) => g.code),
  };
}

export async function previewGridImport(
  ctx: AppContext,
  actor: Actor,
  file: unknown,
): Promise<GridImportResult> {
  assertGridAdmin(actor);
  const { report, stored } = await checkFile(ctx.prisma, actor, file);
  return {
    committed: false,
    ...summarise(report.grids, stored),
    problems: report.problems,
    movedCaseIds: [],
  };
}

export async function commitGridImport(
  ctx: AppContext,
  actor: Actor,
  file: unknown,
): Promise<GridImportResult> {
  assertGridAdmin(actor);
  const result = await ctx.prisma.$transaction(async (tx) => {
    const { report, stored, villageByCode } = await checkFile(tx, actor, file);
    const errors = report.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0 || report.grids.length === 0) {
      throw new AppError('unprocessable', 'The file has problems; nothing was imported', {
        problems: report.problems,
      });
    }
    const changed: PolygonCoords[] = [];
    const townIds = new Set<string>();
    for (const grid of report.grids) {
      const village = villageByCode.get(grid.villageCode)!;
      const columns = {
        name: grid.name,
        ...toGeometryColumns(grid.polygon),
        ...(grid.households !== null ? { households: grid.households } : {}),
        ...(grid.population !== null ? { population: grid.population } : {}),
      };
      const existing = stored.get(grid.code);
      // `stored` also holds neighbouring towns' grids (for overlaps): never write one of those.
      assertGridAdmin(actor, existing?.townId ?? village.parentId!);
      changed.push(grid.polygon, ...(existing ? [polygonOf(existing.boundary)] : []));
      townIds.add(village.parentId!);
      const row = existing
        ? await updateGridRow(tx, existing.id, columns)
        : await insertGrid(tx, {
            ...columns,
            code: grid.code,
            villageId: village.id,
            townId: village.parentId!,
          });
      const change = existing
        ? diffFields<Record<string, unknown>>(
            {
              name: existing.name,
              boundary: existing.boundary,
              households: existing.households,
              population: existing.population,
            },
            {
              name: grid.name,
              boundary: columns.boundary,
              households: grid.households ?? undefined,
              population: grid.population ?? undefined,
            },
          )
        : { before: null, after: { code: grid.code, name: grid.name, boundary: columns.boundary } };
      await recordAudit(tx, {
        ...actorLabel(actor),
        action: existing ? 'grid.import_update' : 'grid.import_create',
        entity: 'grid',
        entityId: row.id,
        townId: row.townId,
        before: change.before as Prisma.InputJsonValue | null,
        after: change.after as Prisma.InputJsonValue,
        summary: `${grid.code} ${grid.name}`,
      });
    }
    // Open cases follow the new lines; the grids' audit entries above say what changed.
    const movedCaseIds = await rehomeOpenCases(tx, actor.id, { townIds: [...townIds], polygons: changed });
    return { committed: true, ...summarise(report.grids, stored), problems: report.problems, movedCaseIds };
  }, GEO_TRANSACTION);
  // The command map moves the cases' markers only once the change has committed.
  await publishCaseChanges(ctx, 'changed', result.movedCaseIds);
  return result;
}
