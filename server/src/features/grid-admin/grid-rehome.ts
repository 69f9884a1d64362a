// After a boundary is redrawn or imported, open cases follow the new lines: a case whose location is
// no longer in its grid but in another grid of its town moves there (a `regrid` event on its
// timeline, as a split does). A case that now lies in no grid stays where it is: its grid is still
// the nearest one, which is where reporting would have put it.

import type { Prisma } from '@gridgov/db';
import { bboxOfPolygons, type PolygonCoords, pointInPolygon } from '@gridgov/shared';
import { findGridsInBox, findOpenCasesInBox, moveCaseToGrid, polygonOf } from './grid-admin.repository';

type Tx = Prisma.TransactionClient;
type Box = [number, number, number, number];

const inBox = ([lon, lat]: [number, number], box: Box) =>
  lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];

/**
 * Re-homes the open cases of the given towns (those of the changed grids) that a change of the given
 * polygons (old and new shapes) can affect. Runs inside the transaction that wrote the new
 * boundaries, so it sees them. Returns the moved ids.
 */
export async function rehomeOpenCases(
  tx: Tx,
  actorId: string,
  change: { townIds: string[]; polygons: PolygonCoords[] },
): Promise<string[]> {
  const changed = change.polygons;
  if (changed.length === 0 || change.townIds.length === 0) return [];
  const area = bboxOfPolygons(changed);
  const grids = (await findGridsInBox(tx, area)).map((g) => {
    const polygon = polygonOf(g.boundary);
    return { ...g, polygon, box: bboxOfPolygons([polygon]) as Box };
  });
  const byId = new Map(grids.map((g) => [g.id, g]));
  const moved: string[] = [];
  const scope = { townIds: change.townIds, gridIds: [...byId.keys()] };
  for (const c of await findOpenCasesInBox(tx, scope, area)) {
    if (c.lon === null || c.lat === null) continue;
    const point: [number, number] = [c.lon, c.lat];
    const current = byId.get(c.gridId)!;
    if (inBox(point, current.box) && pointInPolygon(point, current.polygon)) continue;
    // Cases stay in their town (the town id is the shard key); overlaps are refused, so one grid at most.
    const target = grids.find(
      (g) =>
        g.townId === c.townId && g.id !== c.gridId && inBox(point, g.box) && pointInPolygon(point, g.polygon),
    );
    if (!target) continue;
    await moveCaseToGrid(tx, c, { actorId, from: current, to: target, isInside: true });
    moved.push(c.id);
  }
  return moved;
}
