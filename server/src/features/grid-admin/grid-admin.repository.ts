// Every Prisma query of grid administration. Multi-row writes take the transaction client.
import type { Prisma, PrismaClient } from '@gridgov/db';
import { bboxOfPolygon, geodesicAreaSqm, type PolygonCoords } from '@gridgov/shared';
import type { Db } from '../../lib/db';
import { trackCaseStats } from '../stats/stats-tracking';

type Tx = Prisma.TransactionClient;

export const adminGridSelect = {
  id: true,
  code: true,
  name: true,
  townId: true,
  villageId: true,
  boundary: true,
  households: true,
  population: true,
  areaSqm: true,
  village: { select: { code: true } },
} satisfies Prisma.GridSelect;
export type AdminGridRow = Prisma.GridGetPayload<{ select: typeof adminGridSelect }>;

export const polygonOf = (boundary: unknown): PolygonCoords =>
  (boundary as { coordinates: PolygonCoords }).coordinates;

/** The stored columns derived from a polygon: GeoJSON, bounding box, area. */
export function toGeometryColumns(polygon: PolygonCoords) {
  const [minLon, minLat, maxLon, maxLat] = bboxOfPolygon(polygon);
  return {
    boundary: { type: 'Polygon', coordinates: polygon } as Prisma.InputJsonValue,
    minLon,
    minLat,
    maxLon,
    maxLat,
    areaSqm: geodesicAreaSqm(polygon),
  };
}

export function findVillagesOfTowns(db: Db | PrismaClient, townIds: string[]) {
  return db.region.findMany({
    where: { level: 'village', parentId: { in: townIds } },
    select: { id: true, code: true, parentId: true, boundary: true },
  });
}

export function findAdminGrid(db: Db, id: string) {
  return db.grid.findUnique({ where: { id }, select: adminGridSelect });
}

export function findGridsByTowns(db: Db, townIds: string[]) {
  return db.grid.findMany({
    where: { townId: { in: townIds } },
    select: adminGridSelect,
    orderBy: { code: 'asc' },
  });
}

/** Grids of any town whose box meets the given one: the candidates for an overlap. */
export function findGridsInBox(db: Db, box: [number, number, number, number], excludeIds: string[] = []) {
  return db.grid.findMany({
    where: {
      id: { notIn: excludeIds },
      minLon: { lte: box[2] },
      maxLon: { gte: box[0] },
      minLat: { lte: box[3] },
      maxLat: { gte: box[1] },
    },
    select: adminGridSelect,
  });
}

export function findGridsByCodes(db: Db, codes: string[]) {
  return db.grid.findMany({ where: { code: { in: codes } }, select: adminGridSelect });
}

/** The highest 3-digit sequence used in a village, from the codes (15 = 12 village + 3). */
export async function findLastGridSequence(db: Db, villageCode: string): Promise<number> {
  const rows = await db.grid.findMany({
    where: { code: { startsWith: villageCode } },
    select: { code: true },
  });
  return rows.reduce((max, r) => Math.max(max, Number(r.code.slice(12)) || 0), 0);
}

export function insertGrid(tx: Tx, data: Prisma.GridUncheckedCreateInput) {
  return tx.grid.create({ data, select: adminGridSelect });
}

export function updateGridRow(tx: Tx, id: string, data: Prisma.GridUncheckedUpdateInput) {
  return tx.grid.update({ where: { id }, data, select: adminGridSelect });
}

export function deleteGridRow(tx: Tx, id: string) {
  return tx.grid.delete({ where: { id }, select: { id: true } });
}

const OPEN_STATUSES = ['reported', 'accepted', 'dispatched', 'in_progress', 'handled', 'suspended'] as const;

/** Open cases of the given towns' grids whose location lies in the box: what a boundary change can move. */
export function findOpenCasesInBox(
  tx: Tx,
  scope: { townIds: string[]; gridIds: string[] },
  box: [number, number, number, number],
) {
  return tx.case.findMany({
    where: {
      townId: { in: scope.townIds },
      gridId: { in: scope.gridIds },
      status: { in: [...OPEN_STATUSES] },
      lon: { gte: box[0], lte: box[2] },
      lat: { gte: box[1], lte: box[3] },
    },
    select: { id: true, townId: true, gridId: true, status: true, lon: true, lat: true },
    orderBy: { id: 'asc' },
  });
}

export function findCasesOfGrid(tx: Tx, gridId: string, onlyOpen: boolean) {
  return tx.case.findMany({
    where: { gridId, ...(onlyOpen ? { status: { in: [...OPEN_STATUSES] } } : {}) },
    select: { id: true, townId: true, status: true, lon: true, lat: true, version: true },
  });
}

/**
 * Moves a case to another grid and appends a `regrid` event at the end of its timeline. The version
 * goes up, so an action prepared against the old row answers 409 instead of acting on stale data.
 */
export async function moveCaseToGrid(
  tx: Tx,
  c: { id: string; townId: string; status: Prisma.CaseGetPayload<{ select: { status: true } }>['status'] },
  move: {
    actorId: string;
    from: { code: string };
    to: { id: string; code: string; villageId: string };
    /** The case's location lies inside the grid it moves to: it is no longer "outside every grid". */
    isInside?: boolean;
  },
): Promise<void> {
  const last = await tx.caseEvent.aggregate({ where: { caseId: c.id }, _max: { seq: true } });
  // The statistics per grid and village follow the case (docs/decisions/007).
  await trackCaseStats(tx, c.id, () =>
    tx.case.update({
      where: { id: c.id },
      data: {
        gridId: move.to.id,
        villageId: move.to.villageId,
        version: { increment: 1 },
        ...(move.isInside ? { isOutsideGrid: false } : {}),
      },
      select: { id: true },
    }),
  );
  await tx.caseEvent.create({
    data: {
      caseId: c.id,
      townId: c.townId,
      seq: (last._max.seq ?? 0) + 1,
      kind: 'regrid',
      actorId: move.actorId,
      fromStatus: c.status,
      toStatus: c.status,
      note: `${move.from.code} → ${move.to.code}`,
      data: { fromGridCode: move.from.code, toGridCode: move.to.code },
    },
    select: { id: true },
  });
}

export function findActiveAssignments(tx: Tx, gridId: string) {
  return tx.gridAssignment.findMany({
    where: { gridId, endedAt: null },
    select: { id: true, staffId: true, role: true },
  });
}

export function endAssignment(tx: Tx, id: string, at: Date) {
  return tx.gridAssignment.update({ where: { id }, data: { endedAt: at }, select: { id: true } });
}

export function startAssignment(
  tx: Tx,
  data: { gridId: string; staffId: string; role: AdminRole; at: Date },
) {
  return tx.gridAssignment.create({
    data: { gridId: data.gridId, staffId: data.staffId, role: data.role, startedAt: data.at },
    select: { id: true },
  });
}
type AdminRole = Prisma.GridAssignmentGetPayload<{ select: { role: true } }>['role'];

/** Ended assignments keep their dates but follow the surviving grid when a merged grid row goes. */
export function moveAssignmentHistory(tx: Tx, fromGridId: string, toGridId: string) {
  return tx.gridAssignment.updateMany({ where: { gridId: fromGridId }, data: { gridId: toGridId } });
}
