// Issue 12 items 3 and 4: each probe below once answered 500 (NUL reaching the database, a date outside
// PostgreSQL's range). Now the one input gate answers 400 naming the field, and nothing is written.
import { createTestTown, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../features/cases/cases-testing';
import { type HttpClient, type HttpResponse, startTestApp, type TestApp } from '../../testing/test-app';

let app: TestApp;
let town: TestTown;
let admin: HttpClient;
let worker: HttpClient;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  admin = await signedIn(app, town.admin.username);
  worker = await signedIn(app, town.workers[0]![0]!.username);
});
afterAll(() => app?.close());

const NUL = '\u0000';

function expectRefusedField(res: HttpResponse, field: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  const body = res.body as { error: { code: string; message: string; details: { path: string }[] } };
  expect(body.error.code).toBe('validation_failed');
  expect(body.error.details.map((d) => d.path)).toContain(field);
}

async function counts() {
  const p = app.db.prisma;
  const [cases, staff, auditEntries] = await Promise.all([
    p.case.count(),
    p.staff.count(),
    p.auditLog.count(),
  ]);
  return { cases, staff, auditEntries };
}

describe('the input gate: control characters', () => {
  const queries: [string, string][] = [
    ['/api/cases?q=a%00b', 'q'],
    ['/api/cases?categoryCode=x%00', 'categoryCode'],
    ['/api/cases/export?format=csv&q=%00', 'q'],
    ['/api/admin/staff?q=%00', 'q'],
    ['/api/admin/audit?actor=%00', 'actor'],
    ['/api/admin/audit?action=a%01', 'action'],
    ['/api/staff?q=%7F', 'q'],
    ['/api/cases?q=esc%1B%5B31m', 'q'],
  ];
  it.each(queries)(
    'when GET %s carries a control character, then 400 names the field',
    async (path, field) => {
      expectRefusedField(await admin.get(path), field);
    },
  );

  it('when a path segment carries NUL, then 400, not 500', async () => {
    expectRefusedField(await admin.get('/api/cases/%00'), 'path');
    expectRefusedField(
      await admin.request('PATCH', '/api/categories/a%00b', { body: { name: 'x' } }),
      'path',
    );
  });

  it('when the sign-in username carries NUL, then 400 and no session', async () => {
    const client = app.client();
    const res = await client.post('/api/auth/login', { username: `admin${NUL}`, password: 'x' });
    expectRefusedField(res, 'username');
    expect(client.cookie('gridgov_session')).toBeUndefined();
  });

  const reportFields: [string, Record<string, unknown>][] = [
    ['description', { description: `井盖缺失${NUL}` }],
    ['address', { address: `村口${NUL}` }],
    ['onBehalfOf.name', { onBehalfOf: { name: `张${NUL}`, phone: '13800001234' } }],
    ['description', { description: 'lone \ud800 surrogate' }],
    ['extra.a\\u0000', { extra: { [`a${NUL}`]: 'x' } }],
  ];
  it.each(reportFields)(
    'when a report carries it in %s, then 400 and no case is created',
    async (field, override) => {
      const before = await counts();
      const res = await worker.post('/api/cases', {
        categoryCode: 'sanitation.garbage',
        description: '村口垃圾堆放三天无人清理',
        location: town.pointIn(0, 0),
        ...override,
      });
      expectRefusedField(res, field);
      expect(await counts()).toEqual(before);
    },
  );

  it('when admin writes carry NUL in a name or a note, then 400 and nothing changes', async () => {
    const before = await counts();
    const grid = town.grids[0]![0]!;
    const staffId = town.patrollers[0]!.id;
    expectRefusedField(
      await admin.request('PATCH', `/api/admin/grids/${grid.id}`, { body: { name: `网格${NUL}` } }),
      'name',
    );
    expectRefusedField(
      await admin.post('/api/admin/staff', {
        name: `李${NUL}`,
        phone: '13800009999',
        regionId: town.townId,
        roles: [],
      }),
      'name',
    );
    expectRefusedField(
      await admin.request('PATCH', `/api/admin/staff/${staffId}`, { body: { name: `王${NUL}` } }),
      'name',
    );
    expectRefusedField(
      await admin.request('PATCH', '/api/categories/sanitation.garbage', { body: { name: `垃圾${NUL}` } }),
      'name',
    );
    expectRefusedField(
      await admin.request('PUT', '/api/admin/calendar/years/2027', {
        body: { holidays: [{ name: `元旦${NUL}`, off: ['2027-01-01'], workdays: [] }] },
      }),
      'holidays.0.name',
    );
    expectRefusedField(
      await admin.post(`/api/admin/staff/${staffId}/handover`, {
        status: 'on_leave',
        mode: 'grid_leader',
        note: `交接${NUL}`,
      }),
      'note',
    );
    expect(await counts()).toEqual(before);
    const unchanged = await app.db.prisma.grid.findUniqueOrThrow({
      where: { id: grid.id },
      select: { name: true },
    });
    expect(unchanged.name).not.toContain(NUL);
  });

  it('when a GeoJSON file carries NUL in a feature name, then 400 before any check', async () => {
    const res = await admin.request('POST', '/api/admin/grids/import/preview', {
      body: JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { name: `x${NUL}` } }],
      }),
      headers: { 'content-type': 'application/geo+json' },
    });
    expectRefusedField(res, 'features.0.properties.name');
  });
});

describe('the input gate: dates and cursors', () => {
  const outOfRange = ['0000-01-01', '1899-12-31', '2200-01-01', '9999-12-31'];
  it.each(outOfRange)(
    'when from=%s reaches a list, an export, the map, the audit log or the stats, then 400',
    async (day) => {
      for (const path of [
        `/api/cases?from=${day}`,
        `/api/cases?dueTo=${day}`,
        `/api/cases/export?format=csv&from=${day}`,
        `/api/cases/map-points?from=${day}`,
        `/api/admin/audit?from=${day}`,
        `/api/stats/summary?from=${day}&to=2026-01-31`,
        `/api/stats/trend?from=2026-01-01&to=${day}`,
      ]) {
        const res = await admin.get(path);
        expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(400);
      }
    },
  );

  it('when a cursor is forged with a date outside the range, then 400', async () => {
    const caseCursor = Buffer.from(
      JSON.stringify({ v: '0000-01-01T00:00:00.000Z', id: '00000000-0000-4000-8000-000000000000' }),
    ).toString('base64url');
    expect((await admin.get(`/api/cases?cursor=${caseCursor}`)).status).toBe(400);
    const auditCursor = Buffer.from('0000-01-01T00:00:00.000Z|00000000-0000-4000-8000-000000000000').toString(
      'base64url',
    );
    expect((await admin.get(`/api/admin/audit?cursor=${auditCursor}`)).status).toBe(400);
    const farCursor = Buffer.from(
      '+275760-09-13T00:00:00.000Z|00000000-0000-4000-8000-000000000000',
    ).toString('base64url');
    expect((await admin.get(`/api/admin/audit?cursor=${farCursor}`)).status).toBe(400);
  });

  it('when a deadline or calendar day is outside the years, then 400', async () => {
    const res = await admin.request('PUT', '/api/admin/calendar/years/2027', {
      body: { holidays: [{ name: '元旦', off: ['0000-01-01'], workdays: [] }] },
    });
    expect(res.status).toBe(400);
  });

  it('when the dates are ordinary, then the same requests still answer 200', async () => {
    expect((await admin.get('/api/cases?from=2026-01-01&to=2026-12-31')).status).toBe(200);
    expect((await admin.get('/api/admin/audit?from=2026-01-01')).status).toBe(200);
    expect((await admin.get('/api/stats/summary?from=2026-01-01&to=2026-01-31')).status).toBe(200);
  });
});
