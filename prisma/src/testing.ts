// Test worlds built with the same factories as the demo seed.
import { randomInt } from 'node:crypto';
import type { PrismaClient } from './generated/client';
import { createGrid, createRegion, createStaff, type Db, squarePolygon } from './seed/factories';

export {
  createGrid,
  createRegion,
  createStaff,
  nextUnique,
  squarePolygon,
  TEST_PASSWORD,
} from './seed/factories';

type StaffRow = Awaited<ReturnType<typeof createStaff>>;

export interface TestTown {
  countyId: string;
  townId: string;
  townCode: string;
  villageIds: [string, string];
  /** grids[v][g]: grid g of village v. */
  grids: { id: string; code: string; townId: string }[][];
  admin: StaffRow;
  townLeader: StaffRow;
  /** One grid leader per village. */
  leaders: StaffRow[];
  /** workers[v][g] covers grids[v][g]. */
  workers: StaffRow[][];
  patrollers: StaffRow[];
  /** South-west corner of the town; grid [v][g] is the 0.01° square at origin + (g, v) × 0.01°. */
  origin: [number, number];
  /** A point well inside grid [v][g]. */
  pointIn: (v: number, g: number) => { lon: number; lat: number };
}

async function createUniqueCounty(db: Db) {
  for (let attempt = 0; ; attempt++) {
    try {
      const code = `9${String(randomInt(0, 100_000)).padStart(5, '0')}`;
      return await createRegion(db, { code, name: `测试县${code}`, level: 'county' });
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/**
 * A small town of its own county: 2 villages × 2 grids, a worker per grid, a leader per village,
 * two patrollers per grid, a town leader and a town admin. Every call makes a new, disjoint world.
 */
export async function createTestTown(
  prisma: PrismaClient,
  options: { countyId?: string } = {},
): Promise<TestTown> {
  const county = options.countyId ? { id: options.countyId, code: '' } : await createUniqueCounty(prisma);
  const countyCode = county.code || `9${String(randomInt(0, 100_000)).padStart(5, '0')}`;
  const townCode = `${countyCode}${String(randomInt(100, 1000))}`;
  const town = await createRegion(prisma, {
    code: townCode,
    name: `测试镇${townCode}`,
    level: 'town',
    parentId: county.id,
  });
  // Each test town sits on its own 0.05° slot, so point → grid lookups never see another test's grids.
  const slot = randomInt(0, 40_000);
  const origin: [number, number] = [80 + (slot % 200) * 0.05, 10 + Math.floor(slot / 200) * 0.05];
  const villageIds: string[] = [];
  const grids: TestTown['grids'] = [];
  const workers: StaffRow[][] = [];
  const leaders: StaffRow[] = [];
  const patrollers: StaffRow[] = [];
  for (let v = 0; v < 2; v++) {
    const villageCode = `${townCode}${String(v + 1).padStart(3, '0')}`;
    const village = await createRegion(prisma, {
      code: villageCode,
      name: `测试村${v + 1}`,
      level: 'village',
      kind: '村委会',
      parentId: town.id,
    });
    villageIds.push(village.id);
    const villageGrids = [];
    const villageWorkers = [];
    for (let g = 0; g < 2; g++) {
      const grid = await createGrid(prisma, {
        code: `${villageCode}${String(g + 1).padStart(3, '0')}`,
        name: `测试村${v + 1}第${g + 1}网格`,
        villageId: village.id,
        townId: town.id,
        boundary: squarePolygon(origin[0] + g * 0.01, origin[1] + v * 0.01),
        households: 100,
        population: 350,
      });
      villageGrids.push(grid);
      villageWorkers.push(
        await createStaff(prisma, { regionId: town.id, grids: [{ gridId: grid.id, role: 'grid_worker' }] }),
      );
      for (let p = 0; p < 2; p++) {
        patrollers.push(
          await createStaff(prisma, { regionId: town.id, grids: [{ gridId: grid.id, role: 'patroller' }] }),
        );
      }
    }
    grids.push(villageGrids);
    workers.push(villageWorkers);
    leaders.push(
      await createStaff(prisma, {
        regionId: town.id,
        grids: villageGrids.map((g) => ({ gridId: g.id, role: 'grid_leader' as const })),
      }),
    );
  }
  const townLeader = await createStaff(prisma, { regionId: town.id, roles: [{ role: 'town_leader' }] });
  const admin = await createStaff(prisma, { regionId: town.id, roles: [{ role: 'admin' }] });
  return {
    countyId: county.id,
    townId: town.id,
    townCode,
    villageIds: villageIds as [string, string],
    grids,
    admin,
    townLeader,
    leaders,
    workers,
    patrollers,
    origin,
    pointIn: (v, g) => ({ lon: origin[0] + g * 0.01 + 0.005, lat: origin[1] + v * 0.01 + 0.005 }),
  };
}

export {
  type BareDatabase,
  findMigrationName,
  listMigrationNames,
  migrateUpTo,
  openBareDatabase,
  readMigrationSql,
} from './migration-testing';
