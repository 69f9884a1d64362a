// Issue 12 items 1, 2 and 9 (CSRF): sign-in throttling that holds under concurrency and cannot be
// turned into a lock-out of someone else, the admins' view of it, and the CSRF token bound to a session.
import { createStaff, createTestTown, TEST_PASSWORD, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';

let app: TestApp;
let town: TestTown;
let other: TestTown;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  other = await createTestTown(app.db.prisma);
});
afterAll(() => app?.close());

const login = (client: HttpClient, username: string, password: string) =>
  client.post('/api/auth/login', { username, password });

async function signedInAs(username: string): Promise<HttpClient> {
  const client = app.client();
  await client.signIn(username, TEST_PASSWORD);
  return client;
}

describe('sign-in throttling under concurrency', () => {
  it('when 200 attempts for one username arrive at once, then no more than the limit get past and no session is issued beyond it', async () => {
    const victim = await createStaff(app.db.prisma, { regionId: town.townId });
    const attacker = app.client();
    await attacker.get('/api/auth/csrf');
    // The right password is the last of 200: it must not be admitted.
    const passwords = [...Array.from({ length: 199 }, (_, i) => `wrong-${i}`), TEST_PASSWORD];
    const answers = await Promise.all(
      passwords.map((password) => login(attacker, victim.username, password)),
    );
    const statuses = answers.map((a) => a.status);
    const admitted = statuses.filter((s) => s !== 429);
    expect(admitted.length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const sessionsIssued = statuses.filter((s) => s === 200).length;
    // Only if the right password happened to be among the first five admitted may it have signed in.
    expect(sessionsIssued).toBeLessThanOrEqual(1);
    const attempts = await app.db.prisma.loginAttempt.count({ where: { username: victim.username } });
    expect(attempts).toBe(admitted.length);
  });
});

describe('no lock-out of someone else', () => {
  it('when a stranger fails for a person many times, then that person still signs in from the browser they used before', async () => {
    const person = await createStaff(app.db.prisma, { regionId: town.townId, roles: [{ role: 'admin' }] });
    const usual = app.client();
    await usual.signIn(person.username, TEST_PASSWORD);
    expect(usual.cookie('gridgov_device')).toBeTruthy();
    await usual.post('/api/auth/logout');

    const stranger = app.client();
    for (let i = 0; i < 8; i++) await login(stranger, person.username, `guess-${i}`);
    expect((await login(stranger, person.username, TEST_PASSWORD)).status).toBe(429);
    // A new browser of the person's is in the strangers' pool and waits too…
    expect((await login(app.client(), person.username, TEST_PASSWORD)).status).toBe(429);
    // …but their usual browser is not held back by the stranger's failures.
    const res = await login(usual, person.username, TEST_PASSWORD);
    expect(res.status).toBe(200);
  });

  it('when a known browser itself fails repeatedly, then it is throttled on its own count', async () => {
    const person = await createStaff(app.db.prisma, { regionId: town.townId });
    const usual = app.client();
    await usual.signIn(person.username, TEST_PASSWORD);
    for (let i = 0; i < 5; i++) expect((await login(usual, person.username, `typo-${i}`)).status).toBe(401);
    const blocked = await login(usual, person.username, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('when a device cookie of one person is presented for another username, then it earns no exemption', async () => {
    const owner = await createStaff(app.db.prisma, { regionId: town.townId });
    const target = await createStaff(app.db.prisma, { regionId: town.townId });
    const browser = app.client();
    await browser.signIn(owner.username, TEST_PASSWORD);
    for (let i = 0; i < 5; i++) await login(app.client(), target.username, `guess-${i}`);
    expect((await login(browser, target.username, TEST_PASSWORD)).status).toBe(429);
  });

  it('when the device cookie is forged, then the attempt counts in the shared pool', async () => {
    const person = await createStaff(app.db.prisma, { regionId: town.townId });
    for (let i = 0; i < 5; i++) await login(app.client(), person.username, `guess-${i}`);
    const forger = app.client();
    forger.setCookie('gridgov_device', 'forged-token');
    expect((await login(forger, person.username, TEST_PASSWORD)).status).toBe(429);
  });
});

describe('admins see and clear throttles', () => {
  it('when a person is throttled, then their town admin sees it, clears it, and the person signs in; the clearing is audited', async () => {
    const person = await createStaff(app.db.prisma, { regionId: town.townId });
    for (let i = 0; i < 5; i++) await login(app.client(), person.username, `guess-${i}`);
    expect((await login(app.client(), person.username, TEST_PASSWORD)).status).toBe(429);

    const admin = await signedInAs(town.admin.username);
    const list = await admin.get('/api/admin/sign-in-throttles');
    expect(list.status).toBe(200);
    const item = list.body.items.find(
      (i: { kind: string; key: string }) => i.kind === 'username' && i.key === person.username,
    );
    expect(item).toMatchObject({ failures: 5, staff: { id: person.id } });
    expect(item.lockedUntil).toBeTruthy();
    // Addresses belong to no town: a town admin does not see them.
    expect(list.body.items.some((i: { kind: string }) => i.kind === 'address')).toBe(false);

    const cleared = await admin.post('/api/admin/sign-in-throttles/clear', {
      kind: 'username',
      key: person.username,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.cleared).toBe(5);
    expect((await login(app.client(), person.username, TEST_PASSWORD)).status).toBe(200);
    const audit = await app.db.prisma.auditLog.findFirst({
      where: { action: 'auth.throttle_cleared', entityId: person.id },
      select: { actorId: true },
    });
    expect(audit?.actorId).toBe(town.admin.id);
  });

  it('when another town admin or a town leader asks, then the throttle is hidden or refused', async () => {
    const person = await createStaff(app.db.prisma, { regionId: town.townId });
    for (let i = 0; i < 5; i++) await login(app.client(), person.username, `guess-${i}`);
    const otherAdmin = await signedInAs(other.admin.username);
    const seen = (await otherAdmin.get('/api/admin/sign-in-throttles')).body.items;
    expect(seen.some((i: { key: string }) => i.key === person.username)).toBe(false);
    const refused = await otherAdmin.post('/api/admin/sign-in-throttles/clear', {
      kind: 'username',
      key: person.username,
    });
    expect(refused.status).toBe(403);
    const leader = await signedInAs(town.townLeader.username);
    expect((await leader.get('/api/admin/sign-in-throttles')).status).toBe(403);
    expect((await app.client().get('/api/admin/sign-in-throttles')).status).toBe(401);
    const bad = await otherAdmin.post('/api/admin/sign-in-throttles/clear', { kind: 'nothing', key: '' });
    expect(bad.status).toBe(400);
  });
});

describe('CSRF token bound to the session', () => {
  it('when a person signs in, then the token rotates and the pre-sign-in token is refused', async () => {
    const client = app.client();
    const before = (await client.get('/api/auth/csrf')).body.token as string;
    const signedIn = await login(client, town.townLeader.username, TEST_PASSWORD);
    expect(signedIn.status).toBe(200);
    const after = signedIn.headers.get('x-csrf-token');
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    expect(client.cookie('gridgov_csrf')).toBe(after);
    // The old token, even sent with a matching cookie, no longer passes for this session.
    client.setCookie('gridgov_csrf', before);
    const stale = await client.post('/api/auth/logout', undefined, {
      csrf: false,
      headers: { 'x-csrf-token': before },
    });
    expect(stale.status).toBe(403);
    expect(stale.body.error.code).toBe('csrf_failed');
    expect((await client.get('/api/auth/csrf')).body.token).toBe(after);
  });

  it("when one session's token is sent with another session, then it is refused", async () => {
    const a = await signedInAs(town.townLeader.username);
    const b = await signedInAs(town.admin.username);
    const tokenOfA = (await a.get('/api/auth/csrf')).body.token as string;
    b.setCookie('gridgov_csrf', tokenOfA);
    const res = await b.post('/api/auth/logout', undefined, {
      csrf: false,
      headers: { 'x-csrf-token': tokenOfA },
    });
    expect(res.status).toBe(403);
  });
});
