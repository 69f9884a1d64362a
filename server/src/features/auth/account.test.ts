// Issue 13, accounts and passwords: change one's own password, and the forced change after an
// admin handed a password out.
import { createStaff, createTestTown, TEST_PASSWORD, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';

let app: TestApp;
let town: TestTown;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
});
afterAll(() => app?.close());

async function signedIn(username: string, password = TEST_PASSWORD): Promise<HttpClient> {
  const client = app.client();
  await client.signIn(username, password);
  return client;
}

describe('changing one’s own password', () => {
  it('when the current password is right and the new one fits the rule, then it changes and other sessions end', async () => {
    const person = await createStaff(app.db.prisma, {
      regionId: town.townId,
      roles: [{ role: 'town_leader' }],
    });
    const laptop = await signedIn(person.username);
    const phone = await signedIn(person.username);
    const res = await laptop.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Luozhou2026river',
    });
    expect(res.status).toBe(200);
    expect(res.body.endedSessions).toBe(1);
    expect((await laptop.get('/api/me')).status).toBe(200);
    expect((await phone.get('/api/me')).status).toBe(401);
    const login = (password: string) =>
      app.client().post('/api/auth/login', { username: person.username, password });
    expect((await login(TEST_PASSWORD)).status).toBe(401);
    expect((await login('Luozhou2026river')).status).toBe(200);
    const audit = await app.db.prisma.auditLog.findFirst({
      where: { action: 'auth.password_changed', entityId: person.id },
      select: { after: true, summary: true },
    });
    expect(JSON.stringify(audit)).not.toContain('Luozhou2026river');
  });

  it('when the current password is wrong or the new one breaks the rule, then nothing changes and the reason is named', async () => {
    const person = await createStaff(app.db.prisma, { regionId: town.townId });
    const client = await signedIn(person.username);
    const wrong = await client.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'Luozhou2026river',
    });
    expect(wrong.status).toBe(422);
    const weak = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short1',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.map((d: { message: string }) => d.message)).toContain('too_short');
    const named = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: `${person.username}2026x`,
    });
    expect(named.body.error.details.map((d: { message: string }) => d.message)).toContain(
      'contains_username',
    );
    expect(
      (await app.client().post('/api/auth/login', { username: person.username, password: TEST_PASSWORD }))
        .status,
    ).toBe(200);
    expect(
      (await app.client().post('/api/auth/password', { currentPassword: 'x', newPassword: 'y' })).status,
    ).toBe(401);
  });

  it('when someone guesses the current password on a signed-in session, then the sign-in throttle stops them', async () => {
    const person = await createStaff(app.db.prisma, { regionId: town.townId });
    const client = await signedIn(person.username);
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await client.post('/api/auth/password', {
            currentPassword: `guess${i}`,
            newPassword: 'Luozhou2026river',
          })
        ).status,
      ).toBe(422);
    }
    const blocked = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Luozhou2026river',
    });
    expect(blocked.status).toBe(429);
  });
});

describe('the forced change after an admin handed a password out', () => {
  it('when an admin resets a password, then that person can do nothing but choose a new one, and then everything', async () => {
    const admin = await signedIn(town.admin.username);
    const person = town.workers[1]![0]!;
    const reset = await admin.post(`/api/admin/staff/${person.id}/reset-password`);
    const client = app.client();
    const first = await client.post('/api/auth/login', {
      username: person.username,
      password: reset.body.initialPassword,
    });
    expect(first.body.mustChangePassword).toBe(true);
    expect((await client.get('/api/me')).body.mustChangePassword).toBe(true);
    const blocked = await client.get('/api/cases');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change_required');
    expect((await client.post('/api/cases', {})).body.error.code).toBe('password_change_required');
    const changed = await client.post('/api/auth/password', {
      currentPassword: reset.body.initialPassword,
      newPassword: 'Hengxin2026village',
    });
    expect(changed.status).toBe(200);
    expect((await client.get('/api/me')).body.mustChangePassword).toBe(false);
    expect((await client.get('/api/cases')).status).toBe(200);
  });
});
