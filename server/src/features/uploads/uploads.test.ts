import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestTown, TEST_PASSWORD, type TestTown } from '@gridgov/db/testing';
import { uploadSchema } from '@gridgov/shared';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app';
import {
  createForm,
  createJpeg,
  createNoisyPng,
  createPng,
  createPngClaiming,
  createSidewaysJpegWithGps,
  createTruncatedJpeg,
  createWebp,
  HTML_PAGE,
  SVG_WITH_SCRIPT,
} from './test-images';

const STORED_NAME =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.thumb)?\.(jpg|png|webp)$/;

let root: string;
let uploadDir: string;
let app: TestApp;
let town: TestTown;

beforeAll(async () => {
  // The upload dir sits one level inside its own temp root, so anything escaping it is visible.
  root = await mkdtemp(join(tmpdir(), 'gridgov-uploads-'));
  uploadDir = join(root, 'uploads');
  app = await startTestApp({ UPLOAD_DIR: uploadDir });
  town = await createTestTown(app.db.prisma);
});
afterAll(async () => {
  await app?.close();
  await rm(root, { recursive: true, force: true });
});

async function signedInWorker() {
  const client = app.client();
  await client.signIn(town.workers[0]![0]!.username, TEST_PASSWORD);
  return client;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return entries.sort();
}

/** Rows and files that exist now: a refused upload must leave both exactly as they were. */
async function takeSnapshot() {
  const rows = await app.db.prisma.upload.count({ where: { ownerId: town.workers[0]![0]!.id } });
  return { rows, files: await listFiles(root) };
}

describe('POST /api/uploads accepts photos', () => {
  it.each([
    ['JPEG', createJpeg, 'image/jpeg', 'jpg'],
    ['PNG', createPng, 'image/png', 'png'],
    ['WebP', createWebp, 'image/webp', 'webp'],
  ] as const)(
    'when a worker sends a %s, then 201 with the Upload shape, file and thumbnail stored',
    async (_, create, mime, ext) => {
      const client = await signedInWorker();
      const res = await client.postMultipart(
        '/api/uploads',
        createForm([{ data: await create(), name: `p.${ext}` }]),
      );
      expect(res.status).toBe(201);
      expect(uploadSchema.parse(res.body)).toMatchObject({ mime, width: 64, height: 48 });
      expect(res.body.url).toBe(`/api/uploads/${res.body.id}`);
      expect(res.body.thumbUrl).toBe(`/api/uploads/${res.body.id}/thumb`);
      const stored = await readFile(join(uploadDir, `${res.body.id}.${ext}`));
      expect(stored.length).toBe(res.body.size);
      expect(await sharp(stored).metadata()).toMatchObject({
        format: ext === 'jpg' ? 'jpeg' : ext,
        width: 64,
      });
      const thumb = await sharp(join(uploadDir, `${res.body.id}.thumb.webp`)).metadata();
      expect(thumb).toMatchObject({ format: 'webp', width: 64, height: 48 });
      const row = await app.db.prisma.upload.findUniqueOrThrow({ where: { id: res.body.id } });
      expect(row).toMatchObject({
        ownerId: town.workers[0]![0]!.id,
        caseId: null,
        mime,
        size: stored.length,
      });
      expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    },
  );

  it('when a large photo arrives, then the thumbnail fits in 320 px keeping the aspect ratio', async () => {
    const client = await signedInWorker();
    const res = await client.postMultipart(
      '/api/uploads',
      createForm([{ data: await createJpeg(800, 600), name: 'big.jpg' }]),
    );
    expect(res.body).toMatchObject({ width: 800, height: 600 });
    const thumb = await sharp(join(uploadDir, `${res.body.id}.thumb.webp`)).metadata();
    expect(thumb).toMatchObject({ width: 320, height: 240 });
  });

  it('when a sideways phone photo carries EXIF orientation and GPS, then it is stored upright without metadata', async () => {
    const client = await signedInWorker();
    const input = await createSidewaysJpegWithGps();
    expect(await sharp(input).metadata()).toMatchObject({ width: 64, height: 48, orientation: 6 });
    const res = await client.postMultipart(
      '/api/uploads',
      createForm([{ data: input, name: 'IMG_0001.JPG' }]),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ width: 48, height: 64 });
    const stored = await readFile(join(uploadDir, `${res.body.id}.jpg`));
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ width: 48, height: 64 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(stored.includes('GridPhone')).toBe(false);
  });

  it.each(['../../etc/passwd.jpg', '..\\x.png', '/etc/cron.d/evil.jpg', 'a"\r\nX-Evil: 1.jpg'])(
    'when the file name is %j, then the photo is stored under a generated name inside UPLOAD_DIR',
    async (name) => {
      const client = await signedInWorker();
      const res = await client.postMultipart(
        '/api/uploads',
        createForm([{ data: await createJpeg(), name }]),
      );
      expect(res.status).toBe(201);
      expect(await readdir(root)).toEqual(['uploads']);
      const stored = await listFiles(uploadDir);
      expect(stored.every((file) => STORED_NAME.test(file))).toBe(true);
      expect(stored).toContain(`${res.body.id}.jpg`);
    },
  );
});

describe('POST /api/uploads refuses hostile or broken files', () => {
  it.each([
    ['an HTML page renamed .jpg', () => HTML_PAGE, 'evil.jpg', 'image/jpeg', /Only JPEG, PNG or WebP/],
    [
      'an SVG with a script named .png',
      () => SVG_WITH_SCRIPT,
      'logo.png',
      'image/png',
      /Only JPEG, PNG or WebP/,
    ],
    ['a truncated JPEG', createTruncatedJpeg, 'cut.jpg', 'image/jpeg', /damaged or incomplete/],
    ['a zero-byte file', () => Buffer.alloc(0), 'empty.jpg', 'image/jpeg', /empty/],
    [
      'a PNG claiming 10000×6000 px',
      () => createPngClaiming(10_000, 6000),
      'bomb.png',
      'image/png',
      /too large/,
    ],
    ['a PNG 12001 px wide', () => createPng(12_001, 1), 'wide.png', 'image/png', /too large/],
  ])(
    'when the file is %s, then 422 unprocessable and nothing is stored',
    async (_, create, name, type, message) => {
      const client = await signedInWorker();
      const before = await takeSnapshot();
      const res = await client.postMultipart(
        '/api/uploads',
        createForm([{ data: await create(), name, type }]),
      );
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('unprocessable');
      expect(res.body.error.message).toMatch(message);
      expect(await takeSnapshot()).toEqual(before);
    },
  );

  it.each([
    [
      'two files',
      () =>
        createForm([
          { data: HTML_PAGE, name: 'a.jpg' },
          { data: HTML_PAGE, name: 'b.jpg' },
        ]),
    ],
    ['the file in another field', () => createForm([{ data: HTML_PAGE, name: 'a.jpg', field: 'photo' }])],
    ['no file at all', () => createForm([], { note: 'hello' })],
  ])('when the form has %s, then 400 bad_request and nothing is stored', async (_, build) => {
    const client = await signedInWorker();
    const before = await takeSnapshot();
    const res = await client.postMultipart('/api/uploads', build());
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/field "file"/),
    });
    expect(await takeSnapshot()).toEqual(before);
  });

  it('when the body is JSON instead of multipart, then 400', async () => {
    const client = await signedInWorker();
    const res = await client.post('/api/uploads', { file: 'aGVsbG8=' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
  });

  it('when the file is larger than UPLOAD_MAX_BYTES, then 422 with the limit in the message', async () => {
    const small = await startTestApp({ UPLOAD_DIR: uploadDir, UPLOAD_MAX_BYTES: '2048' });
    try {
      const smallTown = await createTestTown(small.db.prisma);
      const client = small.client();
      await client.signIn(smallTown.workers[0]![0]!.username, TEST_PASSWORD);
      const before = await takeSnapshot();
      const data = await createNoisyPng(64, 64);
      expect(data.length).toBeGreaterThan(2048);
      const res = await client.postMultipart('/api/uploads', createForm([{ data, name: 'noise.png' }]));
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'unprocessable', message: 'File too large (max 2 KB)' });
      expect(res.body.error.details).toEqual({ reason: 'file_too_large', maxBytes: 2048 });
      expect(await takeSnapshot()).toEqual(before);
      expect(await small.db.prisma.upload.count({ where: { ownerId: smallTown.workers[0]![0]!.id } })).toBe(
        0,
      );
    } finally {
      await small.close();
    }
  });

  it('when a person already holds the limit of unattached photos, then 429 until they use or lose them', async () => {
    const limited = await startTestApp({ UPLOAD_DIR: uploadDir, UPLOAD_MAX_PENDING: '2' });
    try {
      const limitedTown = await createTestTown(limited.db.prisma);
      const client = limited.client();
      await client.signIn(limitedTown.workers[0]![0]!.username, TEST_PASSWORD);
      const upload = async () =>
        client.postMultipart('/api/uploads', createForm([{ data: await createJpeg(), name: 'a.jpg' }]));
      expect((await upload()).status).toBe(201);
      expect((await upload()).status).toBe(201);
      const refused = await upload();
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatchObject({
        code: 'too_many_requests',
        details: { pending: 2, limit: 2 },
      });
      // Photos older than a day no longer count (housekeeping deletes them).
      await limited.db.prisma.upload.updateMany({
        where: { ownerId: limitedTown.workers[0]![0]!.id },
        data: { createdAt: new Date(Date.now() - 2 * 86_400_000) },
      });
      expect((await upload()).status).toBe(201);
    } finally {
      await limited.close();
    }
  });

  it('when the CSRF header is missing, then 403 csrf_failed', async () => {
    const client = await signedInWorker();
    const form = createForm([{ data: await createJpeg(), name: 'p.jpg' }]);
    const res = await client.postMultipart('/api/uploads', form, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
  });

  it('when nobody is signed in, then 401 and nothing is stored', async () => {
    const before = await takeSnapshot();
    const res = await app
      .client()
      .postMultipart('/api/uploads', createForm([{ data: await createJpeg(), name: 'p.jpg' }]));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
    expect(await takeSnapshot()).toEqual(before);
  });
});
