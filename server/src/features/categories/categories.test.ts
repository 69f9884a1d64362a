import { createStaff, createTestTown, nextUnique, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { act, report, signedIn } from '../cases/cases-testing';

let app: TestApp;
let town: TestTown;
let admin: HttpClient;
let townLeader: HttpClient;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  const countyAdmin = await createStaff(app.db.prisma, {
    regionId: town.countyId,
    roles: [{ role: 'admin' }],
  });
  admin = await signedIn(app, countyAdmin.username);
  townLeader = await signedIn(app, town.townLeader.username);
});
afterAll(() => app?.close());

function newCategory(parentCode: string | null = 'other') {
  const code = `${parentCode ? `${parentCode}.` : ''}t${nextUnique()}`;
  return {
    code,
    parentCode,
    name: '测试类别',
    nameEn: 'Test category',
    sla: { unit: 'working_days', amount: 2 },
    defaultPriority: 'normal',
    defaultHandler: 'grid_worker',
  };
}

describe('GET /api/categories', () => {
  it('when listed, then the seeded two-level taxonomy comes back, groups before their leaves', async () => {
    const res = await townLeader.get('/api/categories');
    const codes = res.body.items.map((c: { code: string }) => c.code);
    for (const group of [
      'dispute',
      'security',
      'work_safety',
      'fire',
      'flood',
      'sanitation',
      'facilities',
      'roads',
      'livelihood',
      'resettlement',
      'other',
    ]) {
      expect(codes).toContain(group);
    }
    const reservoir = res.body.items.find((c: { code: string }) => c.code === 'flood.reservoir');
    expect(reservoir).toMatchObject({
      parentCode: 'flood',
      sla: { unit: 'working_hours', amount: 2 },
      defaultPriority: 'urgent',
      defaultHandler: 'department',
      departmentName: '镇水务所',
    });
    expect(codes.indexOf('flood')).toBeLessThan(codes.indexOf('flood.reservoir'));
  });
});

describe('editing categories', () => {
  it('when an admin creates a category, then cases can be reported under it', async () => {
    const body = newCategory();
    const res = await admin.post('/api/categories', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: body.code, parentCode: 'other', isActive: true });
    expect((await report(admin, town, { categoryCode: body.code })).status).toBe(201);
  });

  it('when a town leader or a town-level admin tries to create or edit, then 403', async () => {
    expect((await townLeader.post('/api/categories', newCategory())).status).toBe(403);
    const townAdmin = await signedIn(app, town.admin.username);
    expect((await townAdmin.post('/api/categories', newCategory())).status).toBe(403);
    expect(
      (await townLeader.request('PATCH', '/api/categories/other.general', { body: { name: '改名' } })).status,
    ).toBe(403);
  });

  it('when a town admin who leads the county tries to create or edit, then 403 (the admin role is the town’s)', async () => {
    const mixed = await createStaff(app.db.prisma, {
      regionId: town.townId,
      roles: [{ role: 'admin' }, { role: 'town_leader', regionId: town.countyId }],
    });
    const client = await signedIn(app, mixed.username);
    const refused = newCategory();
    const general = () =>
      app.db.prisma.category.findUniqueOrThrow({ where: { code: 'other.general' }, select: { name: true } });
    const before = await general();
    expect((await client.post('/api/categories', refused)).status).toBe(403);
    expect(
      (await client.request('PATCH', '/api/categories/other.general', { body: { name: '改名' } })).status,
    ).toBe(403);
    expect(await app.db.prisma.category.count({ where: { code: refused.code } })).toBe(0);
    expect(await general()).toEqual(before);
  });

  it('when the input is invalid, then 400 with details; an existing code is 409; a leaf as parent is 422', async () => {
    const invalid = await admin.post('/api/categories', {
      ...newCategory(),
      code: 'Bad Code',
      defaultHandler: 'department',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'code',
      'departmentName',
    ]);
    expect((await admin.post('/api/categories', { ...newCategory(), code: 'other.general' })).status).toBe(
      409,
    );
    expect((await admin.post('/api/categories', newCategory('other.general'))).status).toBe(400);
  });

  it('when a code does not fit its place in the tree or two extra fields share a key, then 400 and nothing is created', async () => {
    const group = { ...newCategory(null), code: 'newgroup.sub' };
    const misplaced = { ...newCategory('sanitation'), code: `roads.t${nextUnique()}` };
    const field = { label: '面积', labelEn: 'Area', type: 'number' };
    const doubled = {
      ...newCategory(),
      fields: [
        { key: 'area', ...field },
        { key: 'area', ...field },
      ],
    };
    for (const body of [group, misplaced]) {
      const res = await admin.post('/api/categories', body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('code');
    }
    const res = await admin.post('/api/categories', doubled);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('fields');
    const codes = (await admin.get('/api/categories')).body.items.map((c: { code: string }) => c.code);
    for (const body of [group, misplaced, doubled]) expect(codes).not.toContain(body.code);
  });

  it('when the deadline of a category changes, then new cases get the new one and old deadlines stay as they were', async () => {
    const body = newCategory();
    await admin.post('/api/categories', body);
    const leader = await signedIn(app, town.leaders[0]!.username);
    const worker = await signedIn(app, town.workers[0]![0]!.username);
    const first = (await report(worker, town, { categoryCode: body.code })).body;
    const firstDeadline = (await act(leader, first.id, { action: 'accept' })).body.deadline;
    const patched = await admin.request('PATCH', `/api/categories/${body.code}`, {
      body: { sla: { unit: 'working_days', amount: 10 } },
    });
    expect(patched.body.sla).toEqual({ unit: 'working_days', amount: 10 });
    const second = (await report(worker, town, { categoryCode: body.code })).body;
    const secondDeadline = (await act(leader, second.id, { action: 'accept' })).body.deadline;
    expect((await leader.get(`/api/cases/${first.id}`)).body.deadline).toBe(firstDeadline);
    expect(new Date(secondDeadline).getTime() - new Date(firstDeadline).getTime()).toBeGreaterThan(
      7 * 86_400_000,
    );
  });

  it('when a category is deactivated, then nobody can report under it', async () => {
    const body = newCategory();
    await admin.post('/api/categories', body);
    await admin.request('PATCH', `/api/categories/${body.code}`, { body: { isActive: false } });
    expect((await report(admin, town, { categoryCode: body.code })).status).toBe(422);
  });

  it('when an admin edits extra fields and the deadline, then the audit log holds only the changed fields', async () => {
    const body = newCategory();
    await admin.post('/api/categories', body);
    const fields = [
      { key: 'depth_m', label: '水深', labelEn: 'Depth', type: 'number', required: true },
      {
        key: 'kind',
        label: '类型',
        labelEn: 'Kind',
        type: 'single',
        required: false,
        options: [{ value: 'a', label: '甲', labelEn: 'A' }],
      },
    ];
    const res = await admin.request('PATCH', `/api/categories/${body.code}`, {
      body: { fields, sla: { unit: 'working_hours', amount: 4 } },
    });
    expect(res.status).toBe(200);
    const audit = await app.db.prisma.auditLog.findFirstOrThrow({
      where: { entity: 'category', entityId: body.code, action: 'category.update' },
      select: { before: true, after: true },
    });
    expect(audit.before).toEqual({ sla: { unit: 'working_days', amount: 2 }, fields: [] });
    expect(audit.after).toEqual({ sla: { unit: 'working_hours', amount: 4 }, fields });
  });

  it('when an edit would leave a department-handled category without a department, then 400', async () => {
    const body = { ...newCategory(), defaultHandler: 'department', departmentName: '镇水务所' };
    expect((await admin.post('/api/categories', body)).status).toBe(201);
    const res = await admin.request('PATCH', `/api/categories/${body.code}`, {
      body: { departmentName: null },
    });
    expect(res.status).toBe(400);
  });
});
