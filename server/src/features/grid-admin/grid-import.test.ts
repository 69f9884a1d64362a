import { createStaff, createTestTown, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { report, signedIn } from '../cases/cases-testing';
import { expectStatsMatchRebuild } from '../stats/stats-testing';
import { featureCollection, gridFeature, pointIn, rectIn, villageCodeOf } from './grid-admin-testing';

let app: TestApp;
let town: TestTown;
let admin: HttpClient;
let countyAdmin: HttpClient;
let village0: string;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  admin = await signedIn(app, town.admin.username);
  const county = await createStaff(app.db.prisma, { regionId: town.countyId, roles: [{ role: 'admin' }] });
  countyAdmin = await signedIn(app, county.username);
  village0 = villageCodeOf(town, 0);
  // Village 0 covers the two 0.01° squares of its grids: [0, 2] × [0, 1] in grid units.
  await app.db.prisma.region.update({
    where: { id: town.villageIds[0] },
    data: { boundary: { type: 'Polygon', coordinates: rectIn(town, 0, 0, 2, 1) } },
  });
});
afterAll(() => app?.close());

const code = (n: number) => `${village0}${String(n).padStart(3, '0')}`;

async function snapshot() {
  const grids = await app.db.prisma.grid.findMany({
    where: { townId: town.townId },
    select: { code: true, name: true, boundary: true, areaSqm: true },
    orderBy: { code: 'asc' },
  });
  const audits = await app.db.prisma.auditLog.count({ where: { townId: town.townId } });
  return { grids, audits };
}

/** Imports the file expecting a refusal; checks the problem codes and that nothing changed. */
async function expectRefused(file: unknown, expectedCodes: string[]) {
  const before = await snapshot();
  const preview = await admin.post('/api/admin/grids/import/preview', file);
  expect(preview.status).toBe(200);
  const codes = preview.body.problems
    .filter((p: { severity: string }) => p.severity === 'error')
    .map((p: { code: string }) => p.code);
  expect(codes).toEqual(expect.arrayContaining(expectedCodes));
  const commit = await admin.post('/api/admin/grids/import', file);
  expect(commit.status).toBe(422);
  expect(commit.body.error.code).toBe('unprocessable');
  expect(commit.body.error.details.problems.length).toBeGreaterThan(0);
  expect(await snapshot()).toEqual(before);
  return preview.body.problems;
}

describe('grid boundary import', () => {
  it('when not signed in, then 401; a town leader or grid worker, then 403', async () => {
    const file = featureCollection(gridFeature(code(1), village0, rectIn(town, 0, 0, 1, 1)));
    expect((await app.client().post('/api/admin/grids/import/preview', file)).status).toBe(401);
    expect((await app.client().post('/api/admin/grids/import', file)).status).toBe(401);
    for (const username of [town.townLeader.username, town.workers[0]![0]!.username]) {
      const client = await signedIn(app, username);
      expect((await client.post('/api/admin/grids/import/preview', file)).status).toBe(403);
      expect((await client.post('/api/admin/grids/import', file)).status).toBe(403);
    }
  });

  it('when two grids of the file overlap, then the overlap is located and nothing is written', async () => {
    const problems = await expectRefused(
      featureCollection(
        gridFeature(code(1), village0, rectIn(town, 0, 0, 1.2, 1)),
        gridFeature(code(2), village0, rectIn(town, 1, 0, 2, 1)),
      ),
      ['overlap'],
    );
    const overlap = problems.find((p: { code: string }) => p.code === 'overlap');
    expect(overlap.areas).toHaveLength(1);
    expect(overlap.location[0]).toBeCloseTo(town.origin[0] + 0.011, 6);
  });

  it('when a grid overlaps a stored grid that the file does not replace, then overlap', async () => {
    await expectRefused(featureCollection(gridFeature(code(1), village0, rectIn(town, 0, 0, 1.5, 1))), [
      'overlap',
    ]);
  });

  it('when a ring is open, crosses itself, or leaves the coordinate range, then each is reported', async () => {
    const open = rectIn(town, 0, 0, 1, 1)[0]!.slice(0, -1);
    const [lon, lat] = town.origin;
    const bowTie = [
      [
        [lon, lat],
        [lon + 0.01, lat + 0.01],
        [lon + 0.01, lat],
        [lon, lat + 0.01],
        [lon, lat],
      ],
    ];
    const far = [
      [
        [190, lat],
        [191, lat],
        [191, lat + 1],
        [190, lat],
      ],
    ];
    await expectRefused(
      featureCollection(
        gridFeature(code(1), village0, [open]),
        gridFeature(code(2), village0, bowTie),
        gridFeature(code(3), village0, far),
      ),
      ['ring_not_closed', 'self_intersection', 'out_of_range'],
    );
  });

  it('when the grids leave part of the village uncovered, then gap with the uncovered area', async () => {
    const problems = await expectRefused(
      featureCollection(
        gridFeature(code(1), village0, rectIn(town, 0, 0, 1, 1)),
        gridFeature(code(2), village0, rectIn(town, 1, 0, 1.7, 1)),
      ),
      ['gap'],
    );
    expect(problems.find((p: { code: string }) => p.code === 'gap').areas).toHaveLength(1);
  });

  it('when geometries or properties have the wrong type, or the village is unknown, then nothing is written', async () => {
    await expectRefused(
      featureCollection(
        {
          type: 'Feature',
          properties: { code: code(1), name: 'x', village_code: village0 },
          geometry: { type: 'Point', coordinates: [110, 21] },
        },
        gridFeature(code(2), village0, 'not coordinates'),
        gridFeature('999999999999001', '999999999999', rectIn(town, 5, 5, 6, 6)),
        gridFeature(code(4), village0, rectIn(town, 0, 0, 1, 1), { households: 'many' }),
      ),
      ['wrong_geometry_type', 'bad_coordinates', 'unknown_village', 'missing_property'],
    );
    await expectRefused({ type: 'Topology', objects: {} }, ['not_feature_collection']);
  });

  it('when the file is sent as application/geo+json, then it is read like JSON', async () => {
    const file = featureCollection(gridFeature(code(1), village0, rectIn(town, 0, 0, 1.5, 1)));
    // The test client always sends application/json, so this one request is made by hand.
    const client = await signedIn(app, town.admin.username);
    await client.get('/api/auth/csrf');
    const csrf = client.cookie('gridgov_csrf')!;
    const res = await fetch(`${app.url}/api/admin/grids/import/preview`, {
      method: 'POST',
      headers: {
        'content-type': 'application/geo+json',
        'x-csrf-token': csrf,
        cookie: `gridgov_session=${client.cookie('gridgov_session')}; gridgov_csrf=${csrf}`,
      },
      body: JSON.stringify(file),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { problems: { code: string }[] };
    expect(body.problems.map((p) => p.code)).toContain('overlap');
  });

  it('when a grid of another town’s village is in the file, then that village counts as unknown', async () => {
    const other = await createTestTown(app.db.prisma, { countyId: town.countyId });
    const otherVillage = villageCodeOf(other, 0);
    await expectRefused(
      featureCollection(gridFeature(`${otherVillage}009`, otherVillage, rectIn(other, 3, 3, 4, 4))),
      ['unknown_village'],
    );
  });

  // Issue 12 item 6: the file was checked against the towns the person can read, not those they administer.
  it('when an admin of one town who only leads another imports that town’s grid, then it is refused and unchanged', async () => {
    const own = await createTestTown(app.db.prisma, { countyId: town.countyId });
    const led = await createTestTown(app.db.prisma, { countyId: town.countyId });
    const mixed = await createStaff(app.db.prisma, {
      regionId: own.townId,
      roles: [{ role: 'admin' }, { role: 'town_leader', regionId: led.townId }],
    });
    const client = await signedIn(app, mixed.username);
    const target = led.grids[0]![0]!;
    const before = await app.db.prisma.grid.findUniqueOrThrow({
      where: { id: target.id },
      select: { name: true, boundary: true },
    });
    const file = featureCollection(
      gridFeature(target.code, villageCodeOf(led, 0), rectIn(led, 0, 0, 0.5, 1), { name: '改写' }),
    );
    const preview = await client.post('/api/admin/grids/import/preview', file);
    expect(preview.status).toBe(200);
    expect(preview.body.updated).toEqual([]);
    expect(preview.body.problems.map((p: { code: string }) => p.code)).toContain('unknown_village');
    const commit = await client.post('/api/admin/grids/import', file);
    expect(commit.status).toBe(422);
    const after = await app.db.prisma.grid.findUniqueOrThrow({
      where: { id: target.id },
      select: { name: true, boundary: true },
    });
    expect(after).toEqual(before);
    // The town they administer they still re-draw.
    const ownGrid = own.grids[1]![0]!;
    const ownFile = featureCollection(
      gridFeature(ownGrid.code, villageCodeOf(own, 1), rectIn(own, 0, 1, 1, 2), { name: '本镇改名' }),
    );
    const ownCommit = await client.post('/api/admin/grids/import', ownFile);
    expect(ownCommit.status).toBe(200);
    expect(ownCommit.body.updated).toEqual([ownGrid.code]);
  });

  it('when the file re-draws a village into three grids, then two are updated, one created, all audited', async () => {
    const worker = await signedIn(app, town.workers[0]![0]!.username);
    const reportAt = async (x: number, y: number) => {
      const res = await report(worker, town, { location: pointIn(town, x, y) });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const stays = await reportAt(0.3, 0.5);
    const toSecond = await reportAt(0.9, 0.5);
    const toNew = await reportAt(1.7, 0.5);
    const file = featureCollection(
      gridFeature(code(1), village0, rectIn(town, 0, 0, 0.8, 1), { households: 80, population: 280 }),
      // Clockwise: accepted and re-wound, reported as a warning.
      gridFeature(code(2), village0, [[...rectIn(town, 0.8, 0, 1.5, 1)[0]!].reverse()]),
      gridFeature(code(3), village0, rectIn(town, 1.5, 0, 2, 1)),
    );
    const preview = await admin.post('/api/admin/grids/import/preview', file);
    expect(preview.body).toMatchObject({ committed: false, created: [code(3)], updated: [code(1), code(2)] });
    expect(preview.body.problems.map((p: { code: string }) => p.code)).toEqual(['rewound']);
    const res = await admin.post('/api/admin/grids/import', file);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ committed: true, created: [code(3)], updated: [code(1), code(2)] });
    // Open cases follow the new lines, each with a `regrid` event on its timeline.
    expect(preview.body.movedCaseIds).toEqual([]);
    expect([...res.body.movedCaseIds].sort()).toEqual([toSecond, toNew].sort());
    const placed = await app.db.prisma.case.findMany({
      where: { id: { in: [stays, toSecond, toNew] } },
      select: { id: true, grid: { select: { code: true } }, events: { select: { kind: true, note: true } } },
    });
    const gridOf = (id: string) => placed.find((c) => c.id === id)!.grid.code;
    expect([gridOf(stays), gridOf(toSecond), gridOf(toNew)]).toEqual([code(1), code(2), code(3)]);
    expect(placed.find((c) => c.id === toNew)!.events).toContainEqual({
      kind: 'regrid',
      note: `${code(2)} → ${code(3)}`,
    });
    expect(placed.find((c) => c.id === stays)!.events.some((e) => e.kind === 'regrid')).toBe(false);
    await expectStatsMatchRebuild(app, town.townId);
    const grids = await app.db.prisma.grid.findMany({
      where: { code: { in: [code(1), code(2), code(3)] } },
      select: { code: true, areaSqm: true, households: true, townId: true, boundary: true },
      orderBy: { code: 'asc' },
    });
    expect(grids.map((g) => g.townId)).toEqual([town.townId, town.townId, town.townId]);
    expect(grids[0]!.households).toBe(80);
    expect(grids[0]!.areaSqm / grids[2]!.areaSqm).toBeCloseTo(0.8 / 0.5, 2);
    // Stored counter-clockwise (RFC 7946) although the file had it clockwise.
    const ring = (grids[1]!.boundary as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring[1]![0]).toBeGreaterThan(ring[0]![0]!);
    const audits = await app.db.prisma.auditLog.findMany({
      where: { townId: town.townId, action: { startsWith: 'grid.import' } },
      select: { action: true },
    });
    expect(audits.map((a) => a.action).sort()).toEqual([
      'grid.import_create',
      'grid.import_update',
      'grid.import_update',
    ]);
  });

  it('when a county administrator exports, then every grid with area, households and population; a worker gets 403', async () => {
    const res = await countyAdmin.get('/api/admin/grids/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    const feature = res.body.features.find(
      (f: { properties: { code: string } }) => f.properties.code === code(1),
    );
    expect(feature.properties).toMatchObject({ village_code: village0, households: 80, population: 280 });
    expect(feature.properties.area_sqm).toBeGreaterThan(0);
    expect((await app.client().get('/api/admin/grids/export')).status).toBe(401);
    const leader = await signedIn(app, town.townLeader.username);
    expect((await leader.get('/api/admin/grids/export')).status).toBe(200);
    const worker = await signedIn(app, town.workers[1]![0]!.username);
    expect((await worker.get('/api/admin/grids/export')).status).toBe(403);
  });
});
