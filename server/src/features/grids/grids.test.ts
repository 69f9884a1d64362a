import { createStaff, createTestTown, TEST_PASSWORD, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app';

let app: TestApp;
let town: TestTown;
let otherTown: TestTown;
let countyAdmin: { username: string };
let formerWorker: { id: string; phone: string };

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  otherTown = await createTestTown(app.db.prisma, { countyId: town.countyId });
  countyAdmin = await createStaff(app.db.prisma, { regionId: town.countyId, roles: [{ role: 'admin' }] });
  // A worker who covered grid [0][0] before the current one and has since left.
  formerWorker = await createStaff(app.db.prisma, {
    regionId: town.townId,
    status: 'departed',
    phone: '13800009999',
    grids: [
      {
        gridId: town.grids[0]![0]!.id,
        role: 'grid_worker',
        startedAt: new Date('2024-01-01'),
        endedAt: new Date('2025-06-30'),
      },
    ],
  });
});
afterAll(() => app?.close());

async function signedIn(username: string) {
  const client = app.client();
  await client.signIn(username, TEST_PASSWORD);
  return client;
}

describe.each(['/api/grids', '/api/grids.geojson', '/api/regions/tree', '/api/staff'])('GET %s', (path) => {
  it('when not signed in, then 401', async () => {
    const res = await app.client().get(path);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });
});

describe('territorial scope', () => {
  it('when a grid worker lists grids, then only their grid comes back', async () => {
    const client = await signedIn(town.workers[0]![1]!.username);
    const res = await client.get('/api/grids');
    expect(res.body.items.map((g: { id: string }) => g.id)).toEqual([town.grids[0]![1]!.id]);
  });

  it('when a grid leader lists grids, then exactly the grids they lead come back', async () => {
    const client = await signedIn(town.leaders[1]!.username);
    const res = await client.get('/api/grids');
    expect(res.body.items.map((g: { id: string }) => g.id).sort()).toEqual(
      town.grids[1]!.map((g) => g.id).sort(),
    );
  });

  it('when a town leader lists grids, then all grids of the town and none of the neighbour town', async () => {
    const client = await signedIn(town.townLeader.username);
    const res = await client.get('/api/grids');
    expect(res.body.items).toHaveLength(4);
    expect(res.body.items.every((g: { code: string }) => g.code.startsWith(town.townCode))).toBe(true);
  });

  it('when a county admin lists grids, then every town of the county is included', async () => {
    const client = await signedIn(countyAdmin.username);
    const res = await client.get('/api/grids');
    expect(res.body.items).toHaveLength(8);
    const me = await client.get('/api/me');
    expect(me.body.scope.level).toBe('county');
  });

  it('when a grid worker opens another grid, then 403 with the error shape', async () => {
    const client = await signedIn(town.workers[0]![0]!.username);
    const res = await client.get(`/api/grids/${town.grids[1]![0]!.id}`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('when a town leader opens a grid of another town, then 403', async () => {
    const client = await signedIn(town.townLeader.username);
    expect((await client.get(`/api/grids/${otherTown.grids[0]![0]!.id}`)).status).toBe(403);
  });

  it('when a grid id does not exist or is malformed, then 404 and 400', async () => {
    const client = await signedIn(town.townLeader.username);
    expect((await client.get('/api/grids/01a227e7-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await client.get('/api/grids/not-a-uuid')).status).toBe(400);
  });
});

describe('GET /api/grids/:id', () => {
  it('when a worker opens their grid, then it shows the worker, leader, patrollers and history', async () => {
    const client = await signedIn(town.workers[0]![0]!.username);
    const res = await client.get(`/api/grids/${town.grids[0]![0]!.id}`);
    expect(res.status).toBe(200);
    expect(res.body.worker).toEqual({
      id: town.workers[0]![0]!.id,
      name: town.workers[0]![0]!.name,
      phone: town.workers[0]![0]!.phone,
    });
    expect(res.body.leader.id).toBe(town.leaders[0]!.id);
    expect(res.body.patrollers).toHaveLength(2);
    expect(res.body.boundary.type).toBe('Polygon');
    expect(res.body.areaSqm).toBeGreaterThan(1_000_000);
    expect(res.body.history.map((h: { staff: { id: string } }) => h.staff.id)).toContain(formerWorker.id);
  });

  it('when the viewer is a grid worker, then the departed former worker’s phone is masked; the town leader sees it', async () => {
    const worker = await signedIn(town.workers[0]![0]!.username);
    const seenByWorker = (await worker.get(`/api/grids/${town.grids[0]![0]!.id}`)).body.history.find(
      (h: { staff: { id: string } }) => h.staff.id === formerWorker.id,
    );
    expect(seenByWorker.staff.phone).toBe('138****9999');
    expect(seenByWorker.endedAt).toBe('2025-06-30T00:00:00.000Z');
    const leader = await signedIn(town.townLeader.username);
    const seenByLeader = (await leader.get(`/api/grids/${town.grids[0]![0]!.id}`)).body.history.find(
      (h: { staff: { id: string } }) => h.staff.id === formerWorker.id,
    );
    expect(seenByLeader.staff.phone).toBe('13800009999');
  });
});

describe('GET /api/grids.geojson', () => {
  it('when a town leader asks, then a FeatureCollection of the town’s grids with the documented properties', async () => {
    const client = await signedIn(town.townLeader.username);
    const res = await client.get('/api/grids.geojson');
    expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
    expect(res.body.type).toBe('FeatureCollection');
    expect(res.body.features).toHaveLength(4);
    const feature = res.body.features[0];
    expect(feature.geometry.type).toBe('Polygon');
    expect(Object.keys(feature.properties).sort()).toEqual(
      ['code', 'households', 'id', 'leader', 'name', 'population', 'village', 'worker'].sort(),
    );
  });
});

describe('GET /api/regions/tree', () => {
  it('when a town leader asks, then town → 2 villages → 2 grids each, with counts', async () => {
    const client = await signedIn(town.townLeader.username);
    const res = await client.get('/api/regions/tree');
    expect(res.body.towns).toHaveLength(1);
    const [t] = res.body.towns;
    expect(t).toMatchObject({ id: town.townId, villageCount: 2, gridCount: 4, staffCount: 4 + 2 + 8 });
    expect(t.villages[0].grids[0]).toMatchObject({
      patrollerCount: 2,
      worker: { id: town.workers[0]![0]!.id },
    });
  });

  it('when a grid worker asks, then only the path to their grid', async () => {
    const client = await signedIn(town.workers[1]![1]!.username);
    const res = await client.get('/api/regions/tree');
    expect(res.body.towns[0].villages).toHaveLength(1);
    expect(res.body.towns[0].villages[0].grids.map((g: { id: string }) => g.id)).toEqual([
      town.grids[1]![1]!.id,
    ]);
  });
});
