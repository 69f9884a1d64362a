import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PrismaClient } from '@gridgov/db';
import { createTestTown, nextUnique, TEST_PASSWORD, type TestTown } from '@gridgov/db/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../lib/cookies';
import { AppError } from '../../lib/errors';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { createForm, createJpeg } from './test-images';
import { claimUploads } from './uploads.repository';
import { createUpload } from './uploads.service';

let uploadDir: string;
let app: TestApp;
let town: TestTown;

beforeAll(async () => {
  uploadDir = await mkdtemp(join(tmpdir(), 'gridgov-uploads-'));
  app = await startTestApp({ UPLOAD_DIR: uploadDir });
  town = await createTestTown(app.db.prisma);
});
afterAll(async () => {
  await app?.close();
  await rm(uploadDir, { recursive: true, force: true });
});

const owner = () => town.workers[0]![0]!;
const otherGridWorker = () => town.workers[1]![0]!;

async function signedIn(username: string) {
  const client = app.client();
  await client.signIn(username, TEST_PASSWORD);
  return client;
}

async function uploadPhoto(width = 64, height = 48): Promise<{ id: string; size: number }> {
  const client = await signedIn(owner().username);
  const res = await client.postMultipart(
    '/api/uploads',
    createForm([{ data: await createJpeg(width, height), name: 'p.jpg' }]),
  );
  expect(res.status).toBe(201);
  return res.body;
}

/** Raw bytes: the test client decodes bodies as text. */
async function fetchAs(username: string, path: string) {
  const client = await signedIn(username);
  const response = await fetch(app.url + path, {
    headers: { cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}` },
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

/** A case in grid [0][0], inserted directly: the cases feature is not what is under test. */
async function insertCase(prisma: PrismaClient) {
  const grid = town.grids[0]![0]!;
  const category = await prisma.category.create({
    data: { code: `t-${nextUnique()}`, name: '测试', nameEn: 'Test', slaUnit: 'working_days', slaAmount: 3 },
    select: { id: true },
  });
  return prisma.case.create({
    data: {
      townId: town.townId,
      number: `T-${nextUnique()}`,
      categoryId: category.id,
      gridId: grid.id,
      villageId: town.villageIds[0],
      description: '路灯损坏',
      reporterId: owner().id,
    },
    select: { id: true },
  });
}

function attach(ids: string[], ownerId: string, caseId: string) {
  return app.db.prisma.$transaction((tx) => claimUploads(tx, { ids, ownerId, caseId }));
}

describe('GET /api/uploads/:id', () => {
  it('when the owner fetches the photo and thumbnail, then 200 with safe headers', async () => {
    const upload = await uploadPhoto(800, 600);
    const res = await fetchAs(owner().username, `/api/uploads/${upload.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="photo-${upload.id}.jpg"`);
    expect(res.headers.get('cache-control')).toBe('private, max-age=86400');
    expect(res.bytes.length).toBe(upload.size);
    const thumb = await fetchAs(owner().username, `/api/uploads/${upload.id}/thumb`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect(await sharp(thumb.bytes).metadata()).toMatchObject({ format: 'webp', width: 320, height: 240 });
  });

  it('when the photo is not attached to a case, then other staff get 403, even the grid leader', async () => {
    const upload = await uploadPhoto();
    for (const person of [otherGridWorker(), town.leaders[0]!]) {
      const res = await (await signedIn(person.username)).get(`/api/uploads/${upload.id}/thumb`);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });

  it('when the photo is attached to a case, then staff whose scope covers the grid see it, others get 403', async () => {
    const upload = await uploadPhoto();
    const kase = await insertCase(app.db.prisma);
    await attach([upload.id], owner().id, kase.id);
    expect((await fetchAs(town.leaders[0]!.username, `/api/uploads/${upload.id}`)).status).toBe(200);
    expect((await fetchAs(town.townLeader.username, `/api/uploads/${upload.id}/thumb`)).status).toBe(200);
    const outsider = await (await signedIn(otherGridWorker().username)).get(`/api/uploads/${upload.id}`);
    expect(outsider.status).toBe(403);
  });

  it('when nobody is signed in, then 401', async () => {
    const upload = await uploadPhoto();
    const res = await app.client().get(`/api/uploads/${upload.id}`);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('when the id is unknown or malformed, then 404 and 400', async () => {
    const client = await signedIn(owner().username);
    expect((await client.get('/api/uploads/01a227e7-0000-7000-8000-000000000000')).status).toBe(404);
    const malformed = await client.get('/api/uploads/..%2F..%2Fetc%2Fpasswd/thumb');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('validation_failed');
  });
});

describe('claimUploads', () => {
  it('when the owner claims their unattached photos, then both point to the case', async () => {
    const photos = [await uploadPhoto(), await uploadPhoto()];
    const kase = await insertCase(app.db.prisma);
    await attach(
      photos.map((p) => p.id),
      owner().id,
      kase.id,
    );
    const rows = await app.db.prisma.upload.findMany({ where: { id: { in: photos.map((p) => p.id) } } });
    expect(rows.map((r) => r.caseId)).toEqual([kase.id, kase.id]);
  });

  it('when one photo is someone else’s, then it throws unprocessable and nothing changes', async () => {
    const mine = await uploadPhoto();
    const theirs = await app.db.prisma.upload.create({
      data: {
        ownerId: otherGridWorker().id,
        mime: 'image/jpeg',
        size: 1,
        width: 1,
        height: 1,
        sha256: '0'.repeat(64),
      },
      select: { id: true },
    });
    const kase = await insertCase(app.db.prisma);
    const error = await attach([mine.id, theirs.id], owner().id, kase.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'unprocessable', details: { photoIds: [theirs.id] } });
    const rows = await app.db.prisma.upload.findMany({ where: { id: { in: [mine.id, theirs.id] } } });
    expect(rows.map((r) => r.caseId)).toEqual([null, null]);
  });

  it('when a photo is already attached to another case, then claiming it again fails', async () => {
    const photo = await uploadPhoto();
    const [first, second] = [await insertCase(app.db.prisma), await insertCase(app.db.prisma)];
    await attach([photo.id], owner().id, first.id);
    await expect(attach([photo.id], owner().id, second.id)).rejects.toMatchObject({ code: 'unprocessable' });
    const row = await app.db.prisma.upload.findUniqueOrThrow({ where: { id: photo.id } });
    expect(row.caseId).toBe(first.id);
  });
});

describe('createUpload', () => {
  it('when the database insert fails, then the files already written are removed', async () => {
    const failing = app.db.prisma.$extends({
      query: {
        upload: {
          create: () => Promise.reject(new Error('database went away')),
        },
      },
    }) as unknown as PrismaClient;
    const actor = { id: owner().id, username: 'x', name: 'x', roles: [], scope: {} } as never;
    const before = (await readdir(uploadDir)).sort();
    const ctx = { ...app.ctx, prisma: failing };
    await expect(createUpload(ctx, actor, { file: await createJpeg() })).rejects.toThrow(
      'database went away',
    );
    expect((await readdir(uploadDir)).sort()).toEqual(before);
  });
});
