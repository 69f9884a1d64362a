import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestTown, TEST_PASSWORD } from '@gridgov/db/testing';
import { clientConfigSchema } from '@gridgov/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminGeoPaths } from './features/openapi/openapi-admin-geo';
import { openEventStream } from './testing/event-stream';
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
      // The shared PostgreSQL test database may hold another file's demo history.
      demoHistory: expect.stringMatching(/^(none|generating|complete)$/),
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

  it('when GET /api/config is called, then it tells the upload limits a phone must shrink photos to', async () => {
    const res = await app.client().get('/api/config');
    expect(clientConfigSchema.parse(res.body).uploads).toEqual({
      maxBytes: 10 * 1024 * 1024,
      maxSidePx: 12_000,
      acceptedTypes: ['image/jpeg', 'image/png', 'image/webp'],
    });
  });
});

describe('HTTP compression (issue 13)', () => {
  it('when a client accepts brotli or gzip, then JSON and pages come compressed; the live event stream never does', async () => {
    const big = await fetch(`${app.url}/api/openapi.json`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(big.headers.get('content-encoding')).toBe('br');
    const zipped = await fetch(`${app.url}/api/openapi.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(await zipped.text()).openapi).toBe('3.1.0');

    const town = await createTestTown(app.db.prisma);
    const leader = app.client();
    await leader.signIn(town.townLeader.username, TEST_PASSWORD);
    const stream = await openEventStream(app.url, leader);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      expect(stream.headers.get('content-encoding')).toBeNull();
    } finally {
      stream.close();
    }
  });
});

describe('HTTPS-only headers (issue 12)', () => {
  it('when a page comes over plain HTTP, then no HSTS and no upgrade-insecure-requests; over HTTPS via a trusted proxy, both', async () => {
    const plain = await app.client().get('/cases');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    expect(plain.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(plain.headers.get('content-security-policy')).toContain("default-src 'self'");

    const proxied = await startTestApp({ CLIENT_DIST: clientDist, TRUST_PROXY: 'true' });
    try {
      const https = await proxied.client({ headers: { 'x-forwarded-proto': 'https' } }).get('/cases');
      expect(https.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(https.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
      const http = await proxied.client({ headers: { 'x-forwarded-proto': 'http' } }).get('/cases');
      expect(http.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await proxied.close();
    }
  });
});

describe('GET /api/openapi.json', () => {
  it('when fetched, then it documents every endpoint of the API', async () => {
    const res = await app.client().get('/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths).sort()).toEqual(
      [
        '/api/auth/activate',
        '/api/auth/csrf',
        '/api/auth/login',
        '/api/auth/logout',
        '/api/auth/password',
        '/api/cases',
        '/api/cases/bulk-dispatch',
        '/api/cases/export',
        '/api/cases/map-points',
        '/api/cases/nearby',
        '/api/cases/{id}',
        '/api/cases/{id}/actions',
        '/api/cases/{id}/assignees',
        '/api/categories',
        '/api/categories/{code}',
        '/api/config',
        '/api/events',
        '/api/grids',
        '/api/grids.geojson',
        '/api/grids/{id}',
        '/api/health',
        '/api/inbox',
        '/api/inbox/counts',
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
          '/api/admin/sign-in-throttles',
          '/api/admin/sign-in-throttles/clear',
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
