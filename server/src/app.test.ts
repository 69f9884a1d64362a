import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminGeoPaths } from './features/openapi/openapi-admin-geo';
import { startTestApp, type TestApp } from './testing/test-app';

let app: TestApp;
const clientDist = mkdtempSync(join(tmpdir(), 'gridgov-dist-'));

beforeAll(async () => {
  writeFileSync(join(clientDist, 'index.html'), '<!doctype html><title>GridGov</title><div id="root"></div>');
  app = await startTestApp({ CLIENT_DIST: clientDist });
});
afterAll(() => app?.close());

describe('GET /api/health', () => {
  it('when the database is migrated, then ok with the engine and migration counts', async () => {
    const res = await app.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite',
      migrations: { applied: app.ctx.migrationNames.length, pending: 0 },
    });
    expect(app.ctx.migrationNames.length).toBeGreaterThan(0);
  });
});

describe('HTTP basics', () => {
  it('when an API route does not exist, then 404 JSON in the standard shape', async () => {
    const res = await app.client().get('/api/does-not-exist', { undocumented: true });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: 'not_found', message: expect.stringContaining('/does-not-exist') },
    });
  });

  it('when a client-side route is requested, then the SPA index is served (history fallback)', async () => {
    const res = await app.client().get('/hierarchy/some/deep/link');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.body).toContain('<div id="root">');
  });

  it('when any response is sent, then helmet headers and a request id are present', async () => {
    const res = await app.client().get('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when the caller sends a well-formed X-Request-Id, then it is echoed', async () => {
    const res = await app.client({ headers: { 'x-request-id': 'trace-123' } }).get('/api/health');
    expect(res.headers.get('x-request-id')).toBe('trace-123');
  });

  it('when the JSON body is malformed, then 400 bad_request', async () => {
    const res = await app.client().post('/api/auth/login', '{"username":', {});
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
  });

  it('when GET /api/config is called, then the map configuration comes back (no tile layer by default)', async () => {
    const res = await app.client().get('/api/config');
    expect(res.body.map).toEqual({ tileUrl: null, tileAttribution: '', center: [21.9, 110.3], zoom: 12 });
  });
});

describe('GET /api/openapi.json', () => {
  it('when fetched, then it documents every endpoint of the API', async () => {
    const res = await app.client().get('/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths).sort()).toEqual(
      [
        '/api/auth/csrf',
        '/api/auth/login',
        '/api/auth/logout',
        '/api/cases',
        '/api/cases/bulk-dispatch',
        '/api/cases/export',
        '/api/cases/map-points',
        '/api/cases/nearby',
        '/api/cases/{id}',
        '/api/cases/{id}/actions',
        '/api/categories',
        '/api/categories/{code}',
        '/api/config',
        '/api/events',
        '/api/grids',
        '/api/grids.geojson',
        '/api/grids/{id}',
        '/api/health',
        '/api/me',
        '/api/openapi.json',
        '/api/regions/tree',
        '/api/staff',
        '/api/stats/breakdown',
        '/api/stats/breakdown/export',
        '/api/stats/summary',
        '/api/stats/trend',
        '/api/uploads',
        '/api/uploads/{id}',
        '/api/uploads/{id}/thumb',
        ...[
          '/api/admin/audit',
          '/api/admin/coverage',
          '/api/admin/staff',
          '/api/admin/staff/export.xlsx',
          '/api/admin/staff/{id}',
          '/api/admin/staff/{id}/assignments',
          '/api/admin/staff/{id}/assignments/{assignmentId}/end',
          '/api/admin/staff/{id}/disable',
          '/api/admin/staff/{id}/enable',
          '/api/admin/staff/{id}/handover',
          '/api/admin/staff/{id}/reset-password',
          '/api/admin/staff/{id}/roles',
          '/api/admin/staff-imports',
          '/api/admin/staff-imports/template.{format}',
          '/api/admin/staff-imports/{id}',
          '/api/admin/staff-imports/{id}/commit',
          '/api/admin/staff-imports/{id}/problems.{format}',
        ],
        ...Object.keys(adminGeoPaths),
      ].sort(),
    );
    expect(res.body.paths['/api/staff'].get.parameters.map((p: { name: string }) => p.name)).toContain(
      'role',
    );
  });
});
