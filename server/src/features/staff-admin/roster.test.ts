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

let phoneSeq = 0;
const freshPhone = () =>
  `1390${String(process.pid % 1000).padStart(3, '0')}${String(++phoneSeq).padStart(4, '0')}`;
const auditCount = (entityId: string, action?: string) =>
  app.db.prisma.auditLog.count({ where: { entityId, ...(action ? { action } : {}) } });

describe('roster reads', () => {
  it('when there is no session, then every admin route is 401', async () => {
    const anon = app.client();
    expect((await anon.get('/api/admin/staff')).status).toBe(401);
    expect((await anon.get('/api/admin/coverage')).status).toBe(401);
    expect((await anon.get('/api/admin/audit')).status).toBe(401);
    expect((await anon.post('/api/admin/staff', { name: 'x' })).status).toBe(401);
  });

  it('when a grid worker or grid leader asks, then 403', async () => {
    for (const person of [town.workers[0]![0]!, town.leaders[0]!]) {
      const client = await signedIn(person.username);
      expect((await client.get('/api/admin/staff')).status).toBe(403);
      expect((await client.get('/api/admin/coverage')).status).toBe(403);
    }
  });

  it('when the town leader lists with filters, then only matching people of the town come back', async () => {
    const leader = await signedIn(town.townLeader.username);
    const party = await createStaff(app.db.prisma, {
      regionId: town.townId,
      isPartyMember: true,
      grids: [{ gridId: town.grids[1]![1]!.id, role: 'patroller' }],
    });
    const res = await leader.get(
      `/api/admin/staff?isPartyMember=true&villageId=${town.villageIds[1]}&role=patroller`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((s: { id: string }) => s.id)).toEqual([party.id]);
    const all = await leader.get('/api/admin/staff?pageSize=200');
    expect(all.body.items.some((s: { id: string }) => s.id === otherTown.admin.id)).toBe(false);
  });

  it('when a filter names a grid or village of another town, then 403 (as /api/staff), not an empty page', async () => {
    const leader = await signedIn(town.townLeader.username);
    for (const query of [`gridId=${otherTown.grids[0]![0]!.id}`, `villageId=${otherTown.villageIds[0]}`]) {
      expect((await leader.get(`/api/admin/staff?${query}`)).status).toBe(403);
      expect((await leader.get(`/api/admin/staff/export.xlsx?${query}`)).status).toBe(403);
    }
    const own = await leader.get(`/api/admin/staff?gridId=${town.grids[0]![0]!.id}`);
    expect(own.status).toBe(200);
    expect(own.body.total).toBeGreaterThan(0);
    expect((await leader.get(`/api/admin/staff?villageId=${town.villageIds[1]}`)).status).toBe(200);
  });

  it('when the town leader tries to write, then 403 and nothing changes', async () => {
    const leader = await signedIn(town.townLeader.username);
    const target = town.patrollers[0]!;
    expect(
      (await leader.request('PATCH', `/api/admin/staff/${target.id}`, { body: { name: '改名' } })).status,
    ).toBe(403);
    expect((await leader.post(`/api/admin/staff/${target.id}/disable`)).status).toBe(403);
    expect(await auditCount(target.id)).toBe(0);
  });
});

describe('roster writes', () => {
  it('when an admin creates a person, then the initial password is shown once, works, and the change is audited', async () => {
    const admin = await signedIn(town.admin.username);
    const username = `new_${Date.now().toString(36)}`;
    const res = await admin.post('/api/admin/staff', {
      name: '新同事',
      phone: freshPhone(),
      username,
      townId: town.townId,
      roles: ['town_leader'],
    });
    expect(res.status).toBe(201);
    expect(res.body.initialPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(res.body.roles).toEqual(['town_leader']);
    const newcomer = app.client();
    const first = await newcomer.post('/api/auth/login', { username, password: res.body.initialPassword });
    expect(first.status).toBe(200);
    // The admin handed the password out: the newcomer must choose their own first.
    expect(first.body.mustChangePassword).toBe(true);
    const entry = await app.db.prisma.auditLog.findFirst({
      where: { entityId: res.body.id, action: 'staff.create' },
    });
    expect(entry?.actorId).toBe(town.admin.id);
    expect(entry?.townId).toBe(town.townId);
    expect(JSON.stringify(entry?.after)).not.toContain(res.body.initialPassword);
  });

  it('when the input is bad, then 400; a taken username is 409; another town is 403', async () => {
    const admin = await signedIn(town.admin.username);
    const bad = await admin.post('/api/admin/staff', {
      name: '',
      phone: '123',
      username: 'A',
      townId: town.townId,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'name',
      'phone',
      'username',
    ]);
    const taken = await admin.post('/api/admin/staff', {
      name: '重名',
      phone: freshPhone(),
      username: town.patrollers[0]!.username,
      townId: town.townId,
    });
    expect(taken.status).toBe(409);
    const foreign = await admin.post('/api/admin/staff', {
      name: '外镇',
      phone: freshPhone(),
      username: `f_${Date.now().toString(36)}`,
      townId: otherTown.townId,
    });
    expect(foreign.status).toBe(403);
  });

  it('when someone administers one town and only leads another, then they read both but write only the first', async () => {
    const mixed = await createStaff(app.db.prisma, {
      regionId: town.townId,
      roles: [{ role: 'admin' }, { role: 'town_leader', regionId: otherTown.townId }],
    });
    const client = await signedIn(mixed.username);
    expect((await client.get(`/api/admin/staff/${otherTown.workers[0]![0]!.id}`)).status).toBe(200);
    const newPerson = (townId: string) => ({
      name: '混合权限',
      phone: freshPhone(),
      username: `m_${Date.now().toString(36)}${phoneSeq}`,
      townId,
    });
    expect((await client.post('/api/admin/staff', newPerson(otherTown.townId))).status).toBe(403);
    const foreignWorker = otherTown.workers[0]![0]!;
    const edit = await client.request('PATCH', `/api/admin/staff/${foreignWorker.id}`, {
      body: { name: '不应修改' },
    });
    expect(edit.status).toBe(403);
    expect(await auditCount(foreignWorker.id)).toBe(0);
    const grid = otherTown.grids[0]![0]!.id;
    expect(
      (await client.request('PATCH', `/api/admin/grids/${grid}`, { body: { households: 7 } })).status,
    ).toBe(403);
    expect((await client.post('/api/admin/staff', newPerson(town.townId))).status).toBe(201);
  });

  it('when removing a grid role would end a post in a town the admin does not administer, then 403 and the post stays', async () => {
    const mixed = await createStaff(app.db.prisma, {
      regionId: town.townId,
      roles: [{ role: 'admin' }, { role: 'town_leader', regionId: otherTown.townId }],
    });
    const person = await createStaff(app.db.prisma, {
      regionId: town.townId,
      grids: [{ gridId: otherTown.grids[0]![0]!.id, role: 'patroller' }],
    });
    const res = await (await signedIn(mixed.username)).request('PUT', `/api/admin/staff/${person.id}/roles`, {
      body: { roles: [] },
    });
    expect(res.status).toBe(403);
    const active = await app.db.prisma.gridAssignment.count({ where: { staffId: person.id, endedAt: null } });
    expect(active).toBe(1);
  });

  it('when an admin edits a person, then before → after holds only the changed fields', async () => {
    const admin = await signedIn(town.admin.username);
    const person = await createStaff(app.db.prisma, { regionId: town.townId, name: '旧名' });
    const res = await admin.request('PATCH', `/api/admin/staff/${person.id}`, {
      body: { name: '新名', isPartyMember: false },
    });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('新名');
    const entry = await app.db.prisma.auditLog.findFirst({
      where: { entityId: person.id, action: 'staff.update' },
    });
    expect(entry?.before).toEqual({ name: '旧名' });
    expect(entry?.after).toEqual({ name: '新名' });
  });

  it('when an admin edits a person of another town, then 403', async () => {
    const admin = await signedIn(town.admin.username);
    const res = await admin.request('PATCH', `/api/admin/staff/${otherTown.patrollers[0]!.id}`, {
      body: { name: 'x' },
    });
    expect(res.status).toBe(403);
  });

  it('when a person of another town holds a post here, then the admin here manages the post but not the account', async () => {
    const admin = await signedIn(town.admin.username);
    const visitor = await createStaff(app.db.prisma, {
      regionId: otherTown.townId,
      name: '邻镇巡防员',
      grids: [{ gridId: town.grids[0]![0]!.id, role: 'patroller' }],
    });
    const detail = await admin.get(`/api/admin/staff/${visitor.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.canEditAccount).toBe(false);

    const refusals = [
      await admin.request('PATCH', `/api/admin/staff/${visitor.id}`, { body: { name: '不应修改' } }),
      await admin.post(`/api/admin/staff/${visitor.id}/disable`),
      await admin.post(`/api/admin/staff/${visitor.id}/reset-password`),
      await admin.request('PUT', `/api/admin/staff/${visitor.id}/roles`, { body: { roles: [] } }),
      await admin.post(`/api/admin/staff/${visitor.id}/handover`, {
        mode: 'grid_leader',
        status: 'departed',
        note: '调离',
      }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    for (const r of refusals) {
      expect(r.body.error.details.problem).toBe('home_town_not_administered');
    }
    const unchanged = await app.db.prisma.staff.findUniqueOrThrow({ where: { id: visitor.id } });
    expect(unchanged).toMatchObject({ name: '邻镇巡防员', status: 'active', disabledAt: null });
    expect(await auditCount(visitor.id)).toBe(0);
    // The post in this town is this admin's business: it can be ended here.
    const post = detail.body.history[0];
    const ended = await admin.post(`/api/admin/staff/${visitor.id}/assignments/${post.id}/end`);
    expect(ended.status).toBe(200);

    // The home town's admin may change the account, and is told so.
    const homeAdmin = await signedIn(otherTown.admin.username);
    const homeDetail = await homeAdmin.get(`/api/admin/staff/${visitor.id}`);
    expect(homeDetail.body.canEditAccount).toBe(true);
    const renamed = await homeAdmin.request('PATCH', `/api/admin/staff/${visitor.id}`, {
      body: { name: '改名' },
    });
    expect(renamed.status).toBe(200);
    expect((await admin.get(`/api/admin/staff/${town.workers[0]![0]!.id}`)).body.canEditAccount).toBe(true);
  });

  it('when an account is disabled, then its session ends and sign-in fails; enabling restores it', async () => {
    const admin = await signedIn(town.admin.username);
    const person = await createStaff(app.db.prisma, {
      regionId: town.townId,
      roles: [{ role: 'town_leader' }],
    });
    const session = await signedIn(person.username);
    expect((await admin.post(`/api/admin/staff/${person.id}/disable`)).body.isDisabled).toBe(true);
    expect((await session.get('/api/me')).status).toBe(401);
    expect(
      (await app.client().post('/api/auth/login', { username: person.username, password: TEST_PASSWORD }))
        .status,
    ).toBe(401);
    expect((await admin.post(`/api/admin/staff/${person.id}/enable`)).body.isDisabled).toBe(false);
    expect(
      (await app.client().post('/api/auth/login', { username: person.username, password: TEST_PASSWORD }))
        .status,
    ).toBe(200);
    expect(await auditCount(person.id, 'staff.disable')).toBe(1);
    expect(await auditCount(person.id, 'staff.enable')).toBe(1);
  });

  it('when an admin disables themself, then 422', async () => {
    const admin = await signedIn(town.admin.username);
    expect((await admin.post(`/api/admin/staff/${town.admin.id}/disable`)).status).toBe(422);
  });

  it('when roles change, then dropping a grid role ends its grids but keeps the history', async () => {
    const admin = await signedIn(town.admin.username);
    const person = await createStaff(app.db.prisma, {
      regionId: town.townId,
      grids: [{ gridId: town.grids[0]![0]!.id, role: 'patroller' }],
    });
    const res = await admin.request('PUT', `/api/admin/staff/${person.id}/roles`, {
      body: { roles: ['town_leader'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual(['town_leader']);
    expect(res.body.grids).toEqual([]);
    expect(res.body.history).toHaveLength(1);
    expect(res.body.history[0].endedAt).not.toBeNull();
  });

  it('when a grid is assigned and unassigned, then the history shows both and a second worker is refused', async () => {
    const admin = await signedIn(town.admin.username);
    const person = await createStaff(app.db.prisma, { regionId: town.townId });
    const grid = town.grids[1]![0]!;
    const taken = await admin.post(`/api/admin/staff/${person.id}/assignments`, {
      gridId: grid.id,
      role: 'grid_worker',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details.problem).toBe('grid_has_worker');
    // One leader per grid, as for workers (issue 13): the village's leader already leads it.
    const secondLeader = await admin.post(`/api/admin/staff/${person.id}/assignments`, {
      gridId: grid.id,
      role: 'grid_leader',
    });
    expect(secondLeader.status).toBe(409);
    expect(secondLeader.body.error.details.problem).toBe('grid_has_leader');
    expect(secondLeader.body.error.message).toContain(town.leaders[1]!.name);
    const assigned = await admin.post(`/api/admin/staff/${person.id}/assignments`, {
      gridId: grid.id,
      role: 'patroller',
    });
    expect(assigned.status).toBe(201);
    expect(assigned.body.roles).toContain('patroller');
    const assignmentId = assigned.body.history[0].id;
    const ended = await admin.post(`/api/admin/staff/${person.id}/assignments/${assignmentId}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.grids).toEqual([]);
    expect(ended.body.history[0].endedAt).not.toBeNull();
    const foreignGrid = await admin.post(`/api/admin/staff/${person.id}/assignments`, {
      gridId: otherTown.grids[0]![0]!.id,
      role: 'patroller',
    });
    expect(foreignGrid.status).toBe(403);
  });

  it('when a password is reset, then the old one stops working and the new one works', async () => {
    const admin = await signedIn(town.admin.username);
    const person = await createStaff(app.db.prisma, {
      regionId: town.townId,
      roles: [{ role: 'town_leader' }],
    });
    const res = await admin.post(`/api/admin/staff/${person.id}/reset-password`);
    expect(res.status).toBe(200);
    const login = (password: string) =>
      app.client().post('/api/auth/login', { username: person.username, password });
    expect((await login(TEST_PASSWORD)).status).toBe(401);
    const signedInAgain = await login(res.body.initialPassword);
    expect(signedInAgain.status).toBe(200);
    expect(signedInAgain.body.mustChangePassword).toBe(true);
  });

  it('when a write has no CSRF token, then 403 csrf_failed', async () => {
    const admin = await signedIn(town.admin.username);
    const res = await admin.post(`/api/admin/staff/${town.patrollers[1]!.id}/disable`, undefined, {
      csrf: false,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
  });
});

describe('export and coverage', () => {
  it('when the roster is exported, then an XLSX comes back', async () => {
    const leader = await signedIn(town.townLeader.username);
    const res = await leader.get('/api/admin/staff/export.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('when coverage is checked, then holes in the net are listed', async () => {
    const t = await createTestTown(app.db.prisma);
    await app.db.prisma.staff.update({ where: { id: t.workers[0]![0]!.id }, data: { status: 'on_leave' } });
    await app.db.prisma.staff.update({
      where: { id: t.patrollers[2]!.id },
      data: { disabledAt: new Date() },
    });
    const idle = await createStaff(app.db.prisma, { regionId: t.townId });
    const leader = await signedIn(t.townLeader.username);
    const res = await leader.get('/api/admin/coverage?maxGridsPerLeader=1');
    expect(res.status).toBe(200);
    expect(res.body.gridCount).toBe(4);
    expect(res.body.gridsWithoutWorker.map((g: { id: string }) => g.id)).toEqual([t.grids[0]![0]!.id]);
    expect(res.body.gridsWithoutWorker[0].inactiveWorker.id).toBe(t.workers[0]![0]!.id);
    expect(res.body.gridsShortOfPatrollers.map((g: { id: string }) => g.id)).toEqual([t.grids[0]![1]!.id]);
    expect(res.body.overloadedLeaders.map((l: { id: string }) => l.id).sort()).toEqual(
      t.leaders.map((l) => l.id).sort(),
    );
    expect(res.body.peopleWithoutGrid.map((p: { id: string }) => p.id)).toEqual([idle.id]);
    expect((await leader.get('/api/admin/coverage?maxGridsPerLeader=0')).status).toBe(400);
  });
});
