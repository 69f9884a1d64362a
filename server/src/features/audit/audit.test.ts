import { createStaff, createTestTown, TEST_PASSWORD, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';

let app: TestApp;
let town: TestTown;
let otherTown: TestTown;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  otherTown = await createTestTown(app.db.prisma, { countyId: town.countyId });
});
afterAll(() => app?.close());

async function signedIn(username: string): Promise<HttpClient> {
  const client = app.client();
  await client.signIn(username, TEST_PASSWORD);
  return client;
}

describe('GET /api/admin/audit', () => {
  it('when there is no session, then 401; a grid worker gets 403', async () => {
    expect((await app.client().get('/api/admin/audit')).status).toBe(401);
    expect((await (await signedIn(town.workers[0]![0]!.username)).get('/api/admin/audit')).status).toBe(403);
  });

  it('when people sign in, fail, or type unknown names, then the log has it, scoped to the town', async () => {
    const person = await createStaff(app.db.prisma, { regionId: town.townId });
    await app.client().post('/api/auth/login', { username: person.username, password: 'wrong' });
    await signedIn(person.username);
    const ghost = `ghost_${Date.now().toString(36)}`;
    await app.client().post('/api/auth/login', { username: ghost, password: 'x' });

    const admin = await signedIn(town.admin.username);
    const res = await admin.get(`/api/admin/audit?entity=session&entityId=${person.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual([
      'auth.login',
      'auth.login_failed',
    ]);
    expect(res.body.items[1].after).toEqual({ username: person.username, outcome: 'wrong_password' });
    expect(res.body.items[0].ip).toBeTruthy();
    // Unknown usernames belong to no town: only county-wide staff see them.
    expect((await admin.get(`/api/admin/audit?actor=${ghost}`)).body.items).toEqual([]);
    const countyAdmin = await createStaff(app.db.prisma, {
      regionId: town.countyId,
      roles: [{ role: 'admin' }],
    });
    const county = await signedIn(countyAdmin.username);
    const ghostEntries = (await county.get(`/api/admin/audit?actor=${ghost}`)).body.items;
    expect(ghostEntries).toHaveLength(1);
    expect(ghostEntries[0]).toMatchObject({ action: 'auth.login_failed', actorId: null, townId: null });
    // County staff's own sign-ins are filed under the county: county-wide readers see them, a town's
    // admin does not.
    const own = await county.get(`/api/admin/audit?entity=session&entityId=${countyAdmin.id}`);
    expect(own.body.items.map((e: { action: string }) => e.action)).toEqual(['auth.login']);
    expect((await admin.get(`/api/admin/audit?entityId=${countyAdmin.id}`)).body.items).toEqual([]);
  });

  it('when another town’s admin reads the log, then they do not see this town’s entries', async () => {
    const person = await createStaff(app.db.prisma, { regionId: town.townId });
    await signedIn(person.username);
    const other = await signedIn(otherTown.admin.username);
    expect((await other.get(`/api/admin/audit?entityId=${person.id}`)).body.items).toEqual([]);
  });

  it('when paged with the cursor, then pages follow each other without overlap; filters combine', async () => {
    const admin = await signedIn(town.admin.username);
    for (let i = 0; i < 5; i++) {
      await admin.request('PATCH', `/api/admin/staff/${town.patrollers[i]!.id}`, {
        body: { name: `改名${i}` },
      });
    }
    const first = await admin.get(`/api/admin/audit?action=staff.update&actor=${town.admin.id}&limit=3`);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await admin.get(
      `/api/admin/audit?action=staff.update&actor=${town.admin.id}&limit=3&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(5);
    const ats = [...first.body.items, ...second.body.items].map((e: { at: string }) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(first.body.items[0].before).toEqual({ name: expect.any(String) });

    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const inRange = await admin.get(
      `/api/admin/audit?action=staff.update&from=${today}&to=${today}&limit=200`,
    );
    expect(inRange.body.items.length).toBeGreaterThanOrEqual(5);
    const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    expect((await admin.get(`/api/admin/audit?action=staff.update&to=${yesterday}`)).body.items).toEqual([]);
  });

  it('when the cursor or a date is forged, then 400', async () => {
    const admin = await signedIn(town.admin.username);
    expect((await admin.get('/api/admin/audit?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect((await admin.get('/api/admin/audit?from=yesterday')).status).toBe(400);
  });
});
