// Point → grid with an in-memory spatial index (shared/src/geo/grid-index.ts). Each app instance
// keeps its own index and rebuilds it when the grids table changes (count or latest update), so
// instances stay stateless and an admin's boundary edit is picked up by the next report.
import type { PrismaClient, SqlClient } from '@gridgov/db';
import { createPolygonIndex, type PolygonCoords, type PolygonIndex, type Position } from '@gridgov/shared';

export interface GridLocation {
  gridId: string;
  townId: string;
  villageId: string;
  /** The point is in no grid; this is the nearest one. */
  isOutsideGrid: boolean;
  meters: number;
}

interface Loaded {
  stamp: string;
  index: PolygonIndex;
  grids: Map<string, { townId: string; villageId: string }>;
}

const cache = new WeakMap<PrismaClient, Loaded>();

type Db = { prisma: PrismaClient; sql: SqlClient };

/** Asked before every lookup, so on the read fast path. */
async function readStamp(sql: SqlClient): Promise<string> {
  const [row] = await sql.query<{ n: number; at: Date | string | null }>({
    text: 'SELECT count(*)::int AS n, max("updatedAt") AS at FROM "Grid"',
    values: [],
  });
  return `${row?.n ?? 0}:${row?.at ? new Date(row.at).getTime() : 0}`;
}

async function loadIndex({ prisma, sql }: Db): Promise<Loaded> {
  const stamp = await readStamp(sql);
  const cached = cache.get(prisma);
  if (cached?.stamp === stamp) return cached;
  const rows = await prisma.grid.findMany({
    select: { id: true, townId: true, villageId: true, boundary: true },
  });
  const loaded: Loaded = {
    stamp,
    index: createPolygonIndex(
      rows.map((r) => ({ id: r.id, polygon: (r.boundary as { coordinates: PolygonCoords }).coordinates })),
    ),
    grids: new Map(rows.map((r) => [r.id, { townId: r.townId, villageId: r.villageId }])),
  };
  cache.set(prisma, loaded);
  return loaded;
}

/** The grid containing the point, else the nearest grid (flagged); null only when there are no grids. */
export async function locateGrid(db: Db, point: Position): Promise<GridLocation | null> {
  const { index, grids } = await loadIndex(db);
  const inside = index.findContaining(point);
  const hit = inside ? { id: inside, meters: 0 } : index.findNearest(point);
  if (!hit) return null;
  const grid = grids.get(hit.id)!;
  return {
    gridId: hit.id,
    townId: grid.townId,
    villageId: grid.villageId,
    isOutsideGrid: !inside,
    meters: hit.meters,
  };
}
