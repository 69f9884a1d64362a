// The demo town: 石角镇 with 21 villages, 85 grids and its staff, plus the paired urban street
// 罗州街道. Deterministic: the same data (apart from generated ids and hash salts) every time.
import { buildDemoLayout, type DemoTown } from '../demo/town-layout';
import type { PrismaClient } from '../generated/client';
import { createRandom, fakePhone, pickName } from './demo-people';
import {
  buildStaffRows,
  createGrid,
  createRegion,
  createStaffMany,
  type Db,
  type StaffInput,
} from './factories';

export const DEFAULT_DEMO_PASSWORD = 'GridGov@2026';

export interface SeedResult {
  seeded: boolean;
  summary: string;
}

/** People are gathered and written together at the end: three statements instead of ~1,000. */
type People = Awaited<ReturnType<typeof buildStaffRows>>[];
async function addStaff(people: People, input: StaffInput): Promise<void> {
  people.push(await buildStaffRows(input));
}

interface Counters {
  phone: number;
  worker: number;
  leader: number;
  patroller: number;
}

async function seedTown(
  db: Db,
  town: DemoTown,
  countyId: string,
  password: string,
  prefix: string,
  counters: Counters,
  people: People,
) {
  const random = createRandom(Number.parseInt(town.code.slice(-6), 10));
  const townRow = await createRegion(db, {
    code: town.code,
    name: town.name,
    level: 'town',
    parentId: countyId,
    boundary: town.boundary,
  });
  const person = () => ({
    name: pickName(random),
    phone: fakePhone(++counters.phone),
    password,
    regionId: townRow.id,
    isPartyMember: random() < 0.4,
  });
  let gridCount = 0;
  let staffCount = 0;
  for (const village of town.villages) {
    const villageRow = await createRegion(db, {
      code: village.code,
      name: village.name,
      level: 'village',
      kind: village.kind,
      parentId: townRow.id,
      boundary: village.boundary,
    });
    const gridIds: string[] = [];
    for (const grid of village.grids) {
      const row = await createGrid(db, { ...grid, villageId: villageRow.id, townId: townRow.id });
      gridIds.push(row.id);
      gridCount++;
      counters.worker++;
      await addStaff(people, {
        ...person(),
        username: `${prefix}gw${String(counters.worker).padStart(3, '0')}`,
        grids: [{ gridId: row.id, role: 'grid_worker' }],
      });
      // 2–3 patrollers per grid: every third grid gets a third one (85 grids → 200 patrollers).
      const patrollers = gridCount % 3 === 1 && town.code.endsWith('110') ? 3 : 2;
      for (let i = 0; i < patrollers; i++) {
        counters.patroller++;
        await addStaff(people, {
          ...person(),
          username: `${prefix}pt${String(counters.patroller).padStart(3, '0')}`,
          grids: [{ gridId: row.id, role: 'patroller' }],
        });
      }
      staffCount += 1 + patrollers;
    }
    // One 网格长 per village, responsible for its 3–6 grids.
    counters.leader++;
    await addStaff(people, {
      ...person(),
      username: `${prefix}gl${String(counters.leader).padStart(2, '0')}`,
      grids: gridIds.map((gridId) => ({ gridId, role: 'grid_leader' as const })),
    });
    staffCount++;
  }
  return { townId: townRow.id, gridCount, staffCount };
}

/** Seeds the demo county into an empty database; does nothing when the demo town already exists. */
export async function seedDemo(
  prisma: PrismaClient,
  options: { password?: string | undefined } = {},
): Promise<SeedResult> {
  const layout = buildDemoLayout();
  const firstTown = layout.towns[0]!;
  if (await prisma.region.findUnique({ where: { code: firstTown.code }, select: { id: true } })) {
    return { seeded: false, summary: 'demo town already present, nothing seeded' };
  }
  const password = options.password ?? DEFAULT_DEMO_PASSWORD;
  // One transaction: a seed interrupted half-way leaves nothing behind.
  return prisma.$transaction(
    async (tx) => {
      const county = await createRegion(tx, {
        code: layout.county.code,
        name: layout.county.name,
        level: 'county',
      });
      const counters: Counters = { phone: 0, worker: 0, leader: 0, patroller: 0 };
      const people: People = [];
      const random = createRandom(440881);
      const person = (regionId: string) => ({
        name: pickName(random),
        phone: fakePhone(9000 + ++counters.phone),
        password,
        regionId,
      });
      await addStaff(people, { ...person(county.id), username: 'admin', roles: [{ role: 'admin' }] });
      const towns = [];
      for (const [index, town] of layout.towns.entries()) {
        const prefix = index === 0 ? '' : 'lz';
        if (index > 0) Object.assign(counters, { worker: 0, leader: 0, patroller: 0 });
        const seeded = await seedTown(tx, town, county.id, password, prefix, counters, people);
        await addStaff(people, {
          ...person(seeded.townId),
          username: `town0${index + 1}`,
          roles: [{ role: 'town_leader' }],
        });
        towns.push(
          `${town.name}: ${town.villages.length} villages, ${seeded.gridCount} grids, ${seeded.staffCount + 1} staff`,
        );
      }
      await createStaffMany(tx, people);
      return { seeded: true, summary: `seeded ${towns.join('; ')}; plus admin` };
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}
