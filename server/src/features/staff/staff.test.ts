import { createStaff, createTestTown, TEST_PASSWORD, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app';

let app: TestApp;
let town: TestTown;
let otherTown: TestTown;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  otherTown = await createTestTown(app.db.prisma);
});
afterAll(() => app?.close());

async function signedIn(username: string) {
  const client = app.client();
  await client.signIn(username, TEST_PASSWORD);
  return client;
}

describe('GET /api/staff', () => {
  it('when a town leader lists staff, then everyone of the town (4 workers, 2 leaders, 8 patrollers, leader, admin) and nobody else', async () => {
    const client = await signedIn(town.townLeader.username);
    const res = await client.get('/api/staff?pageSize=100');
    expect(res.body.total).toBe(16);
    const ids = res.body.items.map((s: { id: string }) => s.id);
    expect(ids).not.toContain(otherTown.townLeader.id);
    expect(res.body.items.every((s: { phone: string }) => !s.phone.includes('*'))).toBe(true);
  });

  it('when filtered by role, then only that role', async () => {
    const client = await signedIn(town.townLeader.username);
    const res = await client.get('/api/staff?role=grid_worker');
    expect(res.body.total).toBe(4);
    expect(res.body.items.every((s: { roles: string[] }) => s.roles.includes('grid_worker'))).toBe(true);
  });

  it('when filtered by village and grid, then only people assigned there', async () => {
    const client = await signedIn(town.townLeader.username);
    const byVillage = await client.get(`/api/staff?villageId=${town.villageIds[0]}&pageSize=100`);
    expect(byVillage.body.total).toBe(2 + 4 + 1);
    const byGrid = await client.get(`/api/staff?gridId=${town.grids[1]![0]!.id}`);
    expect(byGrid.body.items.map((s: { id: string }) => s.id).sort()).toEqual(
      [town.workers[1]![0]!.id, town.leaders[1]!.id, ...town.patrollers.slice(4, 6).map((p) => p.id)].sort(),
    );
  });

  it('when searched by name, username or grid code, then matches come back', async () => {
    const client = await signedIn(town.townLeader.username);
    const named = await createStaff(app.db.prisma, {
      regionId: town.townId,
      name: '揭阳明',
      roles: [{ role: 'town_leader' }],
    });
    expect(
      (await client.get(`/api/staff?q=${encodeURIComponent('阳明')}`)).body.items.map(
        (s: { id: string }) => s.id,
      ),
    ).toEqual([named.id]);
    const byCode = await client.get(`/api/staff?q=${town.grids[0]![1]!.code}`);
    expect(byCode.body.items.map((s: { id: string }) => s.id)).toContain(town.workers[0]![1]!.id);
  });

  it('when filtered by status, then only that status', async () => {
    const client = await signedIn(town.townLeader.username);
    await createStaff(app.db.prisma, {
      regionId: town.townId,
      status: 'on_leave',
      grids: [{ gridId: town.grids[0]![0]!.id, role: 'patroller' }],
    });
    const res = await client.get('/api/staff?status=on_leave');
    expect(res.body.total).toBe(1);
  });

  it('when paged, then total stays and pages do not overlap', async () => {
    const client = await signedIn(town.townLeader.username);
    const first = await client.get('/api/staff?pageSize=5&page=1');
    const second = await client.get('/api/staff?pageSize=5&page=2');
    expect(first.body.items).toHaveLength(5);
    expect(first.body.total).toBe(second.body.total);
    const overlap = first.body.items.filter((a: { id: string }) =>
      second.body.items.some((b: { id: string }) => a.id === b.id),
    );
    expect(overlap).toEqual([]);
  });

  it('when a grid worker lists staff, then only the people of their grid', async () => {
    const client = await signedIn(town.workers[0]![1]!.username);
    const res = await client.get('/api/staff');
    expect(res.body.total).toBe(4);
  });

  it('when a grid worker filters by a grid outside their scope, then 403', async () => {
    const client = await signedIn(town.workers[0]![1]!.username);
    const res = await client.get(`/api/staff?gridId=${town.grids[1]![1]!.id}`);
    expect(res.status).toBe(403);
  });

  it('when a filter names a village outside the scope, then 403 like a grid filter, not an empty page', async () => {
    const worker = await signedIn(town.workers[0]![1]!.username);
    expect((await worker.get(`/api/staff?villageId=${town.villageIds[1]}`)).status).toBe(403);
    expect((await worker.get(`/api/staff?villageId=${town.villageIds[0]}`)).status).toBe(200);
    const leader = await signedIn(town.townLeader.username);
    expect((await leader.get(`/api/staff?villageId=${otherTown.villageIds[0]}`)).status).toBe(403);
    expect((await leader.get(`/api/staff?villageId=${town.villageIds[1]}`)).status).toBe(200);
  });

  it('when a filter is invalid, then 400 with details', async () => {
    const client = await signedIn(town.townLeader.username);
    const res = await client.get('/api/staff?role=emperor&pageSize=9999');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['pageSize', 'role']);
  });
});
