import { createStaff, createTestTown, TEST_PASSWORD, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app';

let app: TestApp;
let town: TestTown;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
});
afterAll(() => app?.close());

describe('CSRF', () => {
  it('when a POST has no X-CSRF-Token, then it is refused with 403 csrf_failed', async () => {
    const client = app.client();
    const res = await client.post(
      '/api/auth/login',
      { username: town.townLeader.username, password: TEST_PASSWORD },
      { csrf: false },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
  });

  it('when the header does not match the cookie, then it is refused', async () => {
    const client = app.client();
    await client.get('/api/auth/csrf');
    const res = await client.post(
      '/api/auth/login',
      { username: 'x', password: 'y' },
      { csrf: false, headers: { 'x-csrf-token': 'forged' } },
    );
    expect(res.status).toBe(403);
  });

  it('when GET /api/auth/csrf is called, then the token is returned and set as a cookie', async () => {
    const client = app.client();
    const res = await client.get('/api/auth/csrf');
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(client.cookie('gridgov_csrf')).toBe(res.body.token);
  });
});

describe('sign-in', () => {
  it('when the credentials are right, then a HttpOnly SameSite=Lax session cookie is set and /api/me answers', async () => {
    const client = app.client();
    const res = await client.signIn(town.workers[0]![0]!.username, TEST_PASSWORD);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('gridgov_session='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: town.workers[0]![0]!.username, roles: ['grid_worker'] });
    expect(me.body.scope).toMatchObject({
      level: 'grids',
      gridIds: [town.grids[0]![0]!.id],
      homeGridId: town.grids[0]![0]!.id,
    });
  });

  it('when the username differs only in case, then sign-in still works', async () => {
    const client = app.client();
    const res = await client.post('/api/auth/login', {
      username: town.townLeader.username.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(200);
  });

  it('when the password is wrong, then 401 with the standard error shape', async () => {
    const person = await createStaff(app.db.prisma, { regionId: town.townId });
    const res = await app.client().post('/api/auth/login', { username: person.username, password: 'wrong' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
  });

  it('when the body is malformed, then 400 validation_failed', async () => {
    const res = await app.client().post('/api/auth/login', { username: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('when signing in again, then the session id is rotated and the old one no longer works', async () => {
    const client = app.client();
    await client.signIn(town.leaders[0]!.username, TEST_PASSWORD);
    const first = client.cookie('gridgov_session')!;
    await client.signIn(town.leaders[0]!.username, TEST_PASSWORD);
    const second = client.cookie('gridgov_session')!;
    expect(second).not.toBe(first);
    const stale = app.client();
    stale.setCookie('gridgov_session', first);
    expect((await stale.get('/api/me')).status).toBe(401);
  });

  it('when served behind a trusted HTTPS proxy, then the session cookie is Secure', async () => {
    const proxied = await startTestApp({ TRUST_PROXY: 'true' });
    try {
      const t = await createTestTown(proxied.db.prisma);
      const client = proxied.client({ headers: { 'x-forwarded-proto': 'https' } });
      const res = await client.signIn(t.townLeader.username, TEST_PASSWORD);
      expect(res.headers.getSetCookie().find((c) => c.startsWith('gridgov_session='))).toMatch(/Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('when signed out, then the session is gone', async () => {
    const client = app.client();
    await client.signIn(town.admin.username, TEST_PASSWORD);
    const token = client.cookie('gridgov_session')!;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/me')).status).toBe(401);
    const replay = app.client();
    replay.setCookie('gridgov_session', token);
    expect((await replay.get('/api/me')).status).toBe(401);
  });

  it('when there is no session, then /api/me is 401 with the error shape', async () => {
    const res = await app.client().get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });
});

describe('sessions end with the person', () => {
  it('when a signed-in person departs, then their very next request is 401', async () => {
    const person = await createStaff(app.db.prisma, {
      regionId: town.townId,
      roles: [{ role: 'town_leader' }],
    });
    const client = app.client();
    await client.signIn(person.username, TEST_PASSWORD);
    expect((await client.get('/api/me')).status).toBe(200);
    await app.db.prisma.staff.update({ where: { id: person.id }, data: { status: 'departed' } });
    expect((await client.get('/api/me')).status).toBe(401);
    expect(await app.db.prisma.session.count({ where: { staffId: person.id } })).toBe(0);
    expect(
      (await app.client().post('/api/auth/login', { username: person.username, password: TEST_PASSWORD }))
        .status,
    ).toBe(401);
  });

  it('when an account is disabled, then its sessions end at once', async () => {
    const person = await createStaff(app.db.prisma, {
      regionId: town.townId,
      roles: [{ role: 'town_leader' }],
    });
    const client = app.client();
    await client.signIn(person.username, TEST_PASSWORD);
    await app.db.prisma.staff.update({ where: { id: person.id }, data: { disabledAt: new Date() } });
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('when a person is on leave, then they can still sign in', async () => {
    const person = await createStaff(app.db.prisma, {
      regionId: town.townId,
      status: 'on_leave',
      roles: [{ role: 'town_leader' }],
    });
    expect(
      (await app.client().post('/api/auth/login', { username: person.username, password: TEST_PASSWORD }))
        .status,
    ).toBe(200);
  });
});

describe('throttling', () => {
  it('when a username fails 5 times, then the 6th attempt is 429 with Retry-After even with the right password, and other users are unaffected', async () => {
    const victim = await createStaff(app.db.prisma, { regionId: town.townId });
    const other = await createStaff(app.db.prisma, { regionId: town.townId });
    const client = app.client();
    for (let i = 0; i < 5; i++) {
      expect(
        (await client.post('/api/auth/login', { username: victim.username, password: `bad${i}` })).status,
      ).toBe(401);
    }
    const blocked = await client.post('/api/auth/login', {
      username: victim.username,
      password: TEST_PASSWORD,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('too_many_requests');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    // The first back-off after the limit is one minute (docs/decisions/016).
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(
      (await client.post('/api/auth/login', { username: other.username, password: TEST_PASSWORD })).status,
    ).toBe(200);
  });

  it('when one client address fails too often across usernames, then that address is throttled but others are not', async () => {
    const throttled = await startTestApp({ TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_ADDRESS: '5' });
    try {
      const t = await createTestTown(throttled.db.prisma);
      const attacker = throttled.client({ headers: { 'x-forwarded-for': '203.0.113.7' } });
      for (let i = 0; i < 5; i++) {
        expect(
          (await attacker.post('/api/auth/login', { username: `nobody${i}`, password: 'x' })).status,
        ).toBe(401);
      }
      const res = await attacker.post('/api/auth/login', {
        username: t.townLeader.username,
        password: TEST_PASSWORD,
      });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBeTruthy();
      const neighbour = throttled.client({ headers: { 'x-forwarded-for': '203.0.113.8' } });
      expect(
        (
          await neighbour.post('/api/auth/login', {
            username: t.townLeader.username,
            password: TEST_PASSWORD,
          })
        ).status,
      ).toBe(200);
    } finally {
      await throttled.close();
    }
  });

  it('when no proxy is trusted, then X-Forwarded-For cannot dodge the address limit', async () => {
    const strict = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '3' });
    try {
      for (let i = 0; i < 3; i++) {
        const c = strict.client({ headers: { 'x-forwarded-for': `198.51.100.${i}` } });
        await c.post('/api/auth/login', { username: `ghost${i}`, password: 'x' });
      }
      const c = strict.client({ headers: { 'x-forwarded-for': '198.51.100.99' } });
      expect((await c.post('/api/auth/login', { username: 'ghost99', password: 'x' })).status).toBe(429);
    } finally {
      await strict.close();
    }
  });
});
