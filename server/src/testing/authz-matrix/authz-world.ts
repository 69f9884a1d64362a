// The world the authorization matrix probes: two towns of one county, one person per role, and
// builders of fresh objects (people, grids, cases, photos, import jobs) so no probe depends on another.
import { createGrid, createStaff, createTestTown, TEST_PASSWORD, type TestTown } from '@gridgov/db/testing';
import { createJpeg } from '../../features/uploads/test-images';
import type { HttpClient, TestApp } from '../test-app';

export const ACTORS = [
  'countyAdmin',
  'townAdmin',
  'townLeader',
  'gridLeader',
  'gridWorker',
  'patroller',
  'anonymous',
  'mixed',
] as const;
export type ActorName = (typeof ACTORS)[number];

/**
 * Where the object of a probe lies, seen from town A where every named actor works: `own` is grid
 * A[0][0] (the worker's and patroller's grid, led by the grid leader), `sibling` is A[1][0] (same town,
 * another village and leader), `foreign` is B[0][0] (the other town of the county, which the mixed
 * person leads but does not administer).
 */
export const TARGETS = ['own', 'sibling', 'foreign'] as const;
export type Target = (typeof TARGETS)[number];

export interface GridRef {
  id: string;
  code: string;
  townId: string;
  villageId: string;
  villageCode: string;
  town: TestTown;
}

type StaffRow = Awaited<ReturnType<typeof createStaff>>;

export interface World {
  app: TestApp;
  a: TestTown;
  b: TestTown;
  clients: Record<ActorName, HttpClient>;
  staff: Record<Exclude<ActorName, 'anonymous'>, StaffRow>;
  /** Leaders who accept cases in each target grid (to build accepted cases). */
  leaderOf: Record<Target, HttpClient>;
  /** A reporter in each target grid who is none of the actors. */
  reporterOf: Record<Target, HttpClient>;
  grid: (target: Target) => GridRef;
  /** Cases and photos that probes only read, one per target. */
  readCase: Record<Target, { id: string; photoId: string }>;
  /** A second administrator of town A (whose import jobs the town admin must not see). */
  otherAdminId: string;
  today: string;
}

const villageCode = (town: TestTown, v: number) => town.grids[v]![0]!.code.slice(0, 12);

async function signIn(app: TestApp, username: string): Promise<HttpClient> {
  const client = app.client();
  await client.signIn(username, TEST_PASSWORD);
  return client;
}

export async function uploadPhoto(client: HttpClient): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await createJpeg())], { type: 'image/jpeg' }), 'photo.jpg');
  const res = await client.postMultipart('/api/uploads', form);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Today in China (the day the stats windows and calendars count in). */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export async function buildWorld(app: TestApp): Promise<World> {
  const { prisma } = app.db;
  const a = await createTestTown(prisma);
  const b = await createTestTown(prisma, { countyId: a.countyId });
  const countyAdmin = await createStaff(prisma, { regionId: a.countyId, roles: [{ role: 'admin' }] });
  const mixed = await createStaff(prisma, {
    regionId: a.townId,
    roles: [{ role: 'admin' }, { role: 'town_leader', regionId: b.townId }],
  });
  const staff = {
    countyAdmin,
    townAdmin: a.admin,
    townLeader: a.townLeader,
    gridLeader: a.leaders[0]!,
    gridWorker: a.workers[0]![0]!,
    patroller: a.patrollers[0]!,
    mixed,
  };
  const signed = await Promise.all(
    (Object.keys(staff) as (keyof typeof staff)[]).map(
      async (name) => [name, await signIn(app, staff[name].username)] as const,
    ),
  );
  const clients = { ...Object.fromEntries(signed), anonymous: app.client() } as Record<ActorName, HttpClient>;
  const grid = (target: Target): GridRef => {
    const [town, v] = target === 'own' ? [a, 0] : target === 'sibling' ? [a, 1] : [b, 0];
    const g = town.grids[v]![0]!;
    return {
      id: g.id,
      code: g.code,
      townId: town.townId,
      villageId: town.villageIds[v as 0 | 1],
      villageCode: villageCode(town, v),
      town,
    };
  };
  // Patrollers are created two per grid in grid order: [1] is A[0][0]'s second, [4] A[1][0]'s first.
  const reporterOf: Record<Target, HttpClient> = {
    own: await signIn(app, a.patrollers[1]!.username),
    sibling: await signIn(app, a.patrollers[4]!.username),
    foreign: await signIn(app, b.patrollers[0]!.username),
  };
  const leaderOf: Record<Target, HttpClient> = {
    own: clients.gridLeader,
    sibling: await signIn(app, a.leaders[1]!.username),
    foreign: await signIn(app, b.leaders[0]!.username),
  };
  const world: World = {
    app,
    a,
    b,
    clients,
    staff,
    leaderOf,
    reporterOf,
    grid,
    readCase: {} as World['readCase'],
    otherAdminId: (await createStaff(prisma, { regionId: a.townId, roles: [{ role: 'admin' }] })).id,
    today: chinaToday(),
  };
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    const photoId = await uploadPhoto(reporterOf[target]);
    const created = await reportCaseIn(world, target, { photoIds: [photoId] });
    world.readCase[target] = { id: created.id, photoId };
  }
  return world;
}

/** A point well inside the target grid. */
export function pointIn(world: World, target: Target) {
  const { town } = world.grid(target);
  return target === 'sibling' ? town.pointIn(1, 0) : town.pointIn(0, 0);
}

export async function reportCaseIn(
  world: World,
  target: Target,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const res = await world.reporterOf[target].post('/api/cases', {
    categoryCode: 'sanitation.garbage',
    description: '权限矩阵测试案件',
    location: pointIn(world, target),
    ...extra,
  });
  if (res.status !== 201) throw new Error(`report failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, version: res.body.version };
}

/** A case its grid's leader has accepted (accepting may also dispatch it to the grid's worker). */
export async function acceptedCaseIn(world: World, target: Target) {
  const c = await reportCaseIn(world, target);
  const res = await world.leaderOf[target].post(`/api/cases/${c.id}/actions`, {
    action: 'accept',
    version: c.version,
  });
  if (res.status !== 200) throw new Error(`accept failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: c.id, version: res.body.version as number };
}

/** A fresh person of the target's town, patroller of the target grid (or of no grid). */
export async function personIn(world: World, target: Target, options: { withGrid?: boolean } = {}) {
  const g = world.grid(target);
  const withGrid = options.withGrid ?? true;
  return createStaff(world.app.db.prisma, {
    regionId: g.townId,
    ...(withGrid ? { grids: [{ gridId: g.id, role: 'patroller' as const }] } : {}),
  });
}

/** A phone number no other person has (test files share the PostgreSQL database). */
export function freshPhone(): string {
  return `19${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
}

const freshSlot = new Map<string, number>();

/**
 * A fresh square grid (0.002°) in the target's village, in the free part of its town's slot (the test
 * town's own grids lie in the first 0.02° × 0.02°), so no overlap with anything; `pair` gives two
 * adjacent halves for a merge.
 */
export async function freshGridsIn(world: World, target: Target, count: 1 | 2 = 1) {
  const g = world.grid(target);
  const k = freshSlot.get(g.townId) ?? 0;
  freshSlot.set(g.townId, k + 1);
  const lon = g.town.origin[0] + 0.025 + (k % 10) * 0.0025;
  const lat = g.town.origin[1] + Math.floor(k / 10) * 0.0025;
  const grids = [];
  for (let i = 0; i < count; i++) {
    const width = 0.002 / count;
    // The next free sequence, as splitting numbers the grids it creates.
    const last = await world.app.db.prisma.grid.findFirst({
      where: { code: { startsWith: g.villageCode } },
      orderBy: { code: 'desc' },
      select: { code: true },
    });
    const seq = Number(last?.code.slice(12) ?? 0) + 1;
    grids.push(
      await createGrid(world.app.db.prisma, {
        code: `${g.villageCode}${String(seq).padStart(3, '0')}`,
        name: `矩阵网格${k}-${i}`,
        villageId: g.villageId,
        townId: g.townId,
        boundary: squarePolygonAt(lon + i * width, lat, width, 0.002),
        households: 10,
        population: 30,
      }),
    );
  }
  return { grids, lon, lat };
}

function squarePolygonAt(lon: number, lat: number, width: number, height: number) {
  const at = (x: number, y: number): [number, number] => [x, y];
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        at(lon, lat),
        at(lon + width, lat),
        at(lon + width, lat + height),
        at(lon, lat + height),
        at(lon, lat),
      ],
    ],
  };
}

/** An import job of the given person, ready to commit (valid, no rows). */
export async function importJobOf(world: World, actorId: string) {
  return world.app.db.prisma.staffImportJob.create({
    data: { actorId, status: 'valid', fileName: 'matrix.csv', totalRows: 0, rows: [], problems: [] },
    select: { id: true },
  });
}

/** A second session of the same person, for probes that end a session. */
export function secondSession(world: World, actor: ActorName): Promise<HttpClient> {
  if (actor === 'anonymous') return Promise.resolve(world.app.client());
  return signIn(world.app, world.staff[actor].username);
}
