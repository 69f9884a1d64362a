// Fuzz suite generated from the OpenAPI document (issue 12). For every operation, fast-check builds
// requests from its parameters and JSON body schema — plausible values mixed with hostile ones — and
// sends them as a signed-in administrator (valid session and CSRF token) against a small fixture.
// Properties: never a 5xx; on every 4xx no row changed (table fingerprints, see table-fingerprint.ts
// for the tables left out); and every answer is one the document describes.
// FUZZ_SEED (default below) fixes the run; FUZZ_RUNS=<n> requests per operation for a longer run.
import { createTestTown, TEST_PASSWORD, type TestTown } from '@gridgov/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FuzzRequest, requestArbitrary } from '../../testing/fuzz/request-arbitrary';
import type { FuzzContext } from '../../testing/fuzz/schema-arbitrary';
import { changedTables, createFingerprinter, type Fingerprint } from '../../testing/fuzz/table-fingerprint';
import { documentedOperations, findOpenApiMismatch, findOperation } from '../../testing/openapi-conformance';
import { HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { createPrivateTestDatabase } from '../../testing/test-database';
import { createJpeg } from '../uploads/test-images';

const SEED = Number(process.env.FUZZ_SEED ?? 12_2026);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

/** Operations the suite does not send generated requests to, and why. */
const SKIPPED: Record<string, string> = {
  'POST /api/uploads': 'multipart/form-data upload body (hostile files are covered by uploads.test.ts)',
  'POST /api/admin/staff-imports': 'multipart/form-data upload body (covered by roster-import.test.ts)',
  'GET /api/events': 'live Server-Sent Events stream: it never ends, so there is no answer to judge',
};

let app: TestApp;
let town: TestTown;
let admin: HttpClient;
let ctx: FuzzContext;
let fingerprinter: Awaited<ReturnType<typeof createFingerprinter>>;
const statuses = new Map<string, Map<number, number>>();
/** Wall-clock spent sending requests and taking fingerprints, for the summary (never asserted). */
const spentMs = { requests: 0, fingerprints: 0 };

async function timed<T>(bucket: keyof typeof spentMs, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    spentMs[bucket] += performance.now() - started;
  }
}

async function signInAdmin() {
  admin = new HttpClient(app.url);
  await admin.signIn(town.admin.username, TEST_PASSWORD);
}

beforeAll(async () => {
  // On PostgreSQL other test files write to the shared database meanwhile: the fingerprints must
  // see this file's writes only, so it gets a database of its own.
  app = await startTestApp({}, { databaseUrl: await createPrivateTestDatabase('fuzz') });
  town = await createTestTown(app.db.prisma);
  await signInAdmin();
  const worker = new HttpClient(app.url);
  await worker.signIn(town.workers[0]![0]!.username, TEST_PASSWORD);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await createJpeg())], { type: 'image/jpeg' }), 'p.jpg');
  const photo = (await worker.postMultipart('/api/uploads', form)).body.id as string;
  const caseIds: string[] = [];
  for (const [i, description] of [
    '村口路灯连续三晚不亮',
    '路边井盖缺失有危险',
    '河边垃圾堆放无人清理',
  ].entries()) {
    const res = await worker.post('/api/cases', {
      categoryCode: 'sanitation.garbage',
      description,
      location: town.pointIn(0, i % 2),
      ...(i === 0 ? { photoIds: [photo] } : {}),
    });
    if (res.status !== 201) throw new Error(`fixture case: ${res.status} ${JSON.stringify(res.body)}`);
    caseIds.push(res.body.id);
  }
  const assignments = await app.db.prisma.gridAssignment.findMany({ select: { id: true } });
  const categories = await app.db.prisma.category.findMany({ select: { code: true } });
  // Never the fuzzing administrator: generated writes must not take away the session they run in.
  const staff = [town.townLeader, ...town.leaders, ...town.workers.flat(), ...town.patrollers].map(
    (s) => s.id,
  );
  ctx = {
    ids: [
      ...staff,
      ...town.grids.flat().map((g) => g.id),
      ...caseIds,
      photo,
      ...assignments.map((a) => a.id),
    ],
    valuesByName: {
      code: categories.map((c) => c.code),
      categoryCode: categories.map((c) => c.code),
      year: [2025, 2026, 2027],
      username: [town.workers[0]![0]!.username, 'nobody'],
      location: [town.pointIn(0, 0), town.pointIn(1, 1)],
    },
  };
  fingerprinter = await createFingerprinter(app.db);
});

afterAll(async () => {
  const seen = new Map<number, number>();
  let requests = 0;
  for (const counts of statuses.values()) {
    for (const [status, n] of counts) {
      seen.set(status, (seen.get(status) ?? 0) + n);
      requests += n;
    }
  }
  const byStatus = [...seen]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  console.info(
    `OpenAPI fuzz (seed ${SEED}, ${RUNS} runs per operation): ${statuses.size} operations, ${requests} requests; statuses ${byStatus}; skipped ${Object.keys(SKIPPED).join(', ')}; ${Math.round(spentMs.requests / 1000)} s in requests, ${Math.round(spentMs.fingerprints / 1000)} s in fingerprints of ${fingerprinter?.tables.length} tables`,
  );
  await app?.close();
});

const describeRequest = (req: FuzzRequest, status: number, body: unknown) =>
  `${req.method} ${req.url.slice(0, 200)} body ${(req.body ?? '').slice(0, 200)} → ${status} ${JSON.stringify(body).slice(0, 200)}`;

/** A seed per operation that does not move when operations are added. */
const seedOf = (key: string) => [...key].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, SEED);

const fuzzed = documentedOperations.filter((op) => !SKIPPED[`${op.method} ${op.template}`]);

describe('OpenAPI fuzz', () => {
  it('when operations are skipped, then each is one the document has', () => {
    const keys = new Set(documentedOperations.map((op) => `${op.method} ${op.template}`));
    expect(Object.keys(SKIPPED).filter((key) => !keys.has(key))).toEqual([]);
  });

  it.each(fuzzed.map((op) => [`${op.method} ${op.template}`, op] as const))(
    'when %s gets generated requests, then never a 5xx, no row changed on a 4xx, and the answer is documented',
    async (key, op) => {
      const counts = new Map<number, number>();
      statuses.set(key, counts);
      const failures: string[] = [];
      const undocumented = new Set<string>();
      const requests = fc.sample(requestArbitrary(op, ctx), { seed: seedOf(key), numRuns: RUNS });
      let before: Fingerprint = await fingerprinter.take();
      for (const req of requests) {
        const res = await timed('requests', () => admin.request(req.method, req.url, { body: req.body }));
        counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
        const after = await timed('fingerprints', () => fingerprinter.take());
        if (res.status >= 500) failures.push(`5xx: ${describeRequest(req, res.status, res.body)}`);
        const changed = res.status >= 400 && res.status < 500 ? changedTables(before, after) : [];
        if (changed.length)
          failures.push(`4xx changed ${changed.join(', ')}: ${describeRequest(req, res.status, res.body)}`);
        // A generated path segment like `..` or `` may land on another route: judged by the two above only.
        if (findOperation(req.method, new URL(req.url, app.url).pathname)?.template === op.template) {
          const contentType = res.headers.get('content-type') ?? '';
          const mismatch = findOpenApiMismatch({ ...req, status: res.status, contentType, body: res.body });
          if (mismatch) undocumented.add(mismatch.replace(/; body .*/, ''));
        }
        before = after;
        // Signing out (a generated logout) ends the session the suite runs in: sign in again.
        if (res.status === 401 || (key === 'POST /api/auth/logout' && res.status === 204)) {
          await signInAdmin();
          before = await fingerprinter.take();
        }
      }
      expect({
        failures: failures.slice(0, 8),
        failureCount: failures.length,
        undocumented: [...undocumented].slice(0, 8),
      }).toEqual({
        failures: [],
        failureCount: 0,
        undocumented: [],
      });
    },
    300_000,
  );
});
