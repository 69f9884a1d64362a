import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createTestTown, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../lib/auth/sessions';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { report, signedIn, uploadPhoto } from '../cases/cases-testing';
import { pruneExpiredData } from './housekeeping.service';

const DAY = 86_400_000;
let app: TestApp;
let town: TestTown;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
});
afterAll(() => app?.close());

describe('housekeeping', () => {
  it('when rows outlive their retention, then they are pruned and everything still in use stays', async () => {
    const prisma = app.db.prisma;
    const now = new Date();
    const staffId = town.workers[0]![0]!.id;
    await prisma.session.createMany({
      data: [
        { id: hashToken('expired-session'), staffId, expiresAt: new Date(now.getTime() - 1000) },
        { id: hashToken('live-session'), staffId, expiresAt: new Date(now.getTime() + DAY) },
      ],
    });
    const username = `hk-${town.townCode}`;
    await prisma.loginAttempt.createMany({
      data: [
        { username, ip: '10.0.0.1', succeeded: false, createdAt: new Date(now.getTime() - 8 * DAY) },
        { username, ip: '10.0.0.1', succeeded: false, createdAt: new Date(now.getTime() - 60_000) },
      ],
    });
    await prisma.knownDevice.createMany({
      data: [
        { staffId, tokenHash: hashToken('stale-device'), lastUsedAt: new Date(now.getTime() - 181 * DAY) },
        { staffId, tokenHash: hashToken('used-device'), lastUsedAt: new Date(now.getTime() - DAY) },
      ],
    });
    // A real case: the keys' foreign key (issue 23) refuses one that names nothing.
    const caseId = (await report(await signedIn(app, town.workers[0]![0]!.username), town)).body.id as string;
    await prisma.idempotencyKey.createMany({
      data: [
        { staffId, key: 'old-key-1', requestHash: 'x', caseId, createdAt: new Date(now.getTime() - 8 * DAY) },
        { staffId, key: 'new-key-1', requestHash: 'x', caseId, createdAt: now },
      ],
    });

    const adminId = town.townLeader.id;
    const [oldJob, freshJob] = await Promise.all(
      [8, 0].map((days) =>
        prisma.staffImportJob.create({
          data: {
            actorId: adminId,
            status: 'valid',
            fileName: `roster-${days}.csv`,
            rows: [{ name: '张三', phone: '13800000000' }],
            updatedAt: new Date(now.getTime() - days * DAY),
          },
          select: { id: true },
        }),
      ),
    );

    const worker = await signedIn(app, town.workers[0]![0]!.username);
    const abandoned = await uploadPhoto(worker);
    const attached = await uploadPhoto(worker);
    const recent = await uploadPhoto(worker);
    const created = await report(worker, town, { photoIds: [attached] });
    expect(created.status).toBe(201);
    await prisma.upload.updateMany({
      where: { id: { in: [abandoned, attached] } },
      data: { createdAt: new Date(now.getTime() - 2 * DAY) },
    });
    const dir = resolve(app.ctx.config.UPLOAD_DIR);
    const abandonedFiles = [join(dir, `${abandoned}.jpg`), join(dir, `${abandoned}.thumb.webp`)];
    expect(abandonedFiles.every((f) => existsSync(f))).toBe(true);

    const pruned = await pruneExpiredData(app.ctx, now);

    expect(pruned.sessions).toBeGreaterThanOrEqual(1);
    expect(pruned.loginAttempts).toBeGreaterThanOrEqual(1);
    expect(pruned.idempotencyKeys).toBeGreaterThanOrEqual(1);
    expect(pruned.uploads).toBeGreaterThanOrEqual(1);
    expect(pruned.importJobs).toBeGreaterThanOrEqual(1);
    const jobsLeft = await prisma.staffImportJob.findMany({
      where: { id: { in: [oldJob!.id, freshJob!.id] } },
      select: { id: true },
    });
    expect(jobsLeft).toEqual([{ id: freshJob!.id }]);
    expect(await prisma.session.count({ where: { id: hashToken('expired-session') } })).toBe(0);
    expect(await prisma.session.count({ where: { id: hashToken('live-session') } })).toBe(1);
    expect(await prisma.loginAttempt.count({ where: { username } })).toBe(1);
    expect(pruned.knownDevices).toBeGreaterThanOrEqual(1);
    expect(await prisma.knownDevice.count({ where: { tokenHash: hashToken('stale-device') } })).toBe(0);
    expect(await prisma.knownDevice.count({ where: { tokenHash: hashToken('used-device') } })).toBe(1);
    expect(await prisma.idempotencyKey.findMany({ where: { staffId }, select: { key: true } })).toEqual([
      { key: 'new-key-1' },
    ]);
    const left = await prisma.upload.findMany({
      where: { id: { in: [abandoned, attached, recent] } },
      select: { id: true },
    });
    expect(left.map((u) => u.id).sort()).toEqual([attached, recent].sort());
    expect(abandonedFiles.some((f) => existsSync(f))).toBe(false);
    expect(existsSync(join(dir, `${attached}.jpg`))).toBe(true);
    // The photo on the case is still served.
    expect((await worker.get(`/api/uploads/${attached}`)).status).toBe(200);

    // Running again finds nothing more to do.
    expect(await pruneExpiredData(app.ctx, now)).toMatchObject({
      sessions: 0,
      idempotencyKeys: 0,
      uploads: 0,
    });
  });
});
