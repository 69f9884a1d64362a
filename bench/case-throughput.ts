// Case list and create throughput of the real app against a bare Express JSON endpoint, measured in the
// same run, on PGlite (in memory) and on PostgreSQL. Every figure that matters is a same-run ratio.
// Run: npx tsx bench/case-throughput.ts
// Env: BENCH_SECONDS (default 5) measured seconds per endpoint, split into BENCH_ROUNDS (default 5) slices
// that alternate with the other endpoints of the comparison, so load from elsewhere on the machine hits
// every side alike; BENCH_CONCURRENCY (default 8) closed-loop clients; BENCH_CASES (default 2000) seeded
// cases; BENCH_PG_URL (default postgresql://postgres@127.0.0.1:5432/gridgov_bench): that database is
// created fresh and dropped at the end. Skips PostgreSQL, with a note, when it cannot connect.
// BENCH_CLIENT=http swaps the load generator's fetch for node:http with a keep-alive agent: a lighter
// client, to see how much of the bare Express figure was the client's own limit.
// BENCH_DATABASES=pglite or =postgres measures one database only (e.g. to profile it with --cpu-prof).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import {
  applyPendingMigrations,
  type Database,
  ensureReferenceData,
  MEMORY_DIR,
  openDatabase,
  readMigrationList,
} from '@gridgov/db';
import { createTestTown, TEST_PASSWORD, type TestTown } from '@gridgov/db/testing';
import type { CaseList } from '@gridgov/shared';
import express from 'express';
import pg from 'pg';
import { createApp } from '../server/src/app';
import { loadConfig } from '../server/src/lib/config';
import { createAppContext } from '../server/src/lib/context';
import { CSRF_COOKIE, SESSION_COOKIE } from '../server/src/lib/cookies';
import { createCaseEventBus } from '../server/src/lib/events';
import { createLogger } from '../server/src/lib/logger';
import { HttpClient } from '../server/src/testing/test-app';
import type { LoadClient, LoadMessage, LoadSpec } from './case-throughput-load';

const SECONDS = positiveNumber('BENCH_SECONDS', 5);
const ROUNDS = Math.max(1, Math.round(positiveNumber('BENCH_ROUNDS', 5)));
const CONCURRENCY = Math.max(1, Math.round(positiveNumber('BENCH_CONCURRENCY', 8)));
const SEED_CASES = Math.max(1, Math.round(positiveNumber('BENCH_CASES', 2000)));
const PG_URL = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/gridgov_bench';
const CLIENT = loadClient(process.env.BENCH_CLIENT);
const DATABASES = loadDatabases(process.env.BENCH_DATABASES);
const SLICE_SECONDS = SECONDS / ROUNDS;
/** Untimed load before each slice: opens the connections, fills caches, lets the JIT settle. */
const WARM_UP_SECONDS = 0.5;
const SEED_BATCH = 500;
const LIST_PATH = '/api/cases?limit=50';
const AIMS = { list: 0.2, create: 0.1, pgliteVsPostgres: 0.4 };

function loadClient(raw: string | undefined): LoadClient {
  if (raw === undefined || raw === '' || raw === 'fetch') return 'fetch';
  if (raw === 'http') return 'http';
  throw new Error(`BENCH_CLIENT must be fetch or http, got "${raw}"`);
}

function loadDatabases(raw: string | undefined): Set<'pglite' | 'postgres'> {
  const names = (raw ?? 'pglite,postgres').split(',').map((name) => name.trim());
  const chosen = new Set<'pglite' | 'postgres'>();
  for (const name of names) {
    if (name !== 'pglite' && name !== 'postgres') {
      throw new Error(`BENCH_DATABASES lists pglite and/or postgres, got "${name}"`);
    }
    chosen.add(name);
  }
  return chosen;
}

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

let stopRequested = false;
let activeLoad: Worker | undefined;
process.once('SIGINT', () => {
  console.error('\nSIGINT: stopping after cleaning up (press Ctrl-C again to force)');
  stopRequested = true;
  activeLoad?.postMessage('stop');
  process.once('SIGINT', () => process.exit(130));
});

function checkNotStopped(): void {
  if (stopRequested) throw new Error('stopped by SIGINT');
}

// ---------------------------------------------------------------------------------------------------------
// Servers

async function listen(app: express.Express): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Fifty objects shaped like case summaries, serialized on every request like the real list is. */
function buildBareList() {
  const staff = { id: '5b0f8f53-8d4e-4d8e-9d0a-6f5c1f3b2a10', name: '张伟', phone: '138****0000' };
  return {
    items: Array.from({ length: 50 }, (_, i) => ({
      id: `0b6f3e4c-2a1d-4c6e-8f7a-${String(i).padStart(12, '0')}`,
      number: `2026-${String(i + 1).padStart(6, '0')}`,
      status: 'reported',
      priority: 'normal',
      category: { code: 'sanitation.garbage', name: '垃圾堆放', nameEn: 'Garbage' },
      grid: { id: '1c9d2e3f-4a5b-4c6d-8e7f-000000000001', code: '450000001001001', name: '测试村1第1网格' },
      village: { id: '1c9d2e3f-4a5b-4c6d-8e7f-000000000002', code: '450000001001', name: '测试村1' },
      description: '村口垃圾堆放三天无人清理',
      address: '',
      location: { lon: 110.305, lat: 21.905 },
      reporter: staff,
      assignee: null,
      reportedAt: '2026-03-02T01:02:03.000Z',
      updatedAt: '2026-03-02T01:02:03.000Z',
      deadline: '2026-03-09T01:02:03.000Z',
      deadlineStatus: 'on_track',
      isEscalated: false,
      isOutsideGrid: false,
      reworkCount: 0,
      version: 1,
    })),
    nextCursor: 'eyJ2IjoiMjAyNi0wMy0wMlQwMTowMjowMy4wMDBaIiwiaWQiOiIwYjZmM2U0YyJ9',
  };
}

async function startBareApp() {
  const app = express();
  app.disable('x-powered-by');
  const list = buildBareList();
  app.get('/bare', (_req, res) => {
    res.json(list);
  });
  app.post('/bare', express.json({ limit: '1mb' }), (req, res) => {
    res.status(201).json(req.body);
  });
  return listen(app);
}

interface RealApp {
  url: string;
  db: Database;
  close: () => Promise<void>;
}

/** The real app as `npm run serve` builds it (production pool size), logging silenced. */
async function startRealApp(databaseUrl: string | undefined): Promise<RealApp> {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    // Measures the app's own speed under a load it can take: no shedding (bench/overload.ts tests that).
    MAX_EVENT_LOOP_DELAY_MS: '0',
    ...(process.env.DB_POOL_SIZE ? { DB_POOL_SIZE: process.env.DB_POOL_SIZE } : {}),
  });
  const db = databaseUrl
    ? await openDatabase({ databaseUrl, poolSize: config.DB_POOL_SIZE })
    : await openDatabase({ pgliteDir: MEMORY_DIR });
  try {
    await applyPendingMigrations(db.adapterFactory());
    await ensureReferenceData(db.prisma);
    const migrationNames = (await readMigrationList()).migrationDirectories.map((d) => d.path);
    const logger = createLogger(config);
    const events = await createCaseEventBus({ databaseUrl, logger });
    const ctx = createAppContext(db, {
      config,
      logger,
      migrationNames,
      events,
    });
    const server = await listen(createApp(ctx));
    return {
      url: server.url,
      db,
      close: async () => {
        await server.close();
        await events.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL database lifecycle

function adminUrl(url: string): string {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  return admin.toString();
}

function benchDatabaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  // The database is dropped at the end: only accept a name that is clearly the benchmark's own.
  if (!/^[a-z0-9_]+$/.test(name) || !name.includes('bench')) {
    throw new Error(
      `BENCH_PG_URL must name a dedicated benchmark database containing "bench" (got "${name}")`,
    );
  }
  return name;
}

async function withAdmin<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(url), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Creates the benchmark database (fresh: a left-over one from an interrupted run is replaced). */
async function createBenchDatabase(url: string): Promise<void> {
  const name = benchDatabaseName(url);
  await withAdmin(url, async (client) => {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount) {
      console.log(`note: database "${name}" existed (an interrupted run?); re-creating it empty`);
      await client.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    }
    await client.query(`CREATE DATABASE "${name}"`);
  });
}

async function dropBenchDatabase(url: string): Promise<void> {
  const name = benchDatabaseName(url);
  await withAdmin(url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

async function postgresVersion(url: string): Promise<string> {
  return withAdmin(url, async (client) => {
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version ?? '?';
  });
}

// ---------------------------------------------------------------------------------------------------------
// Load generation: slices of closed-loop load, interleaved between the endpoints being compared

interface Slice {
  completed: number;
  latenciesMs: Float64Array;
  /** Share of wall time the main thread (every server, PGlite included) was busy during the slice. */
  busy: number;
}

/**
 * Node 20 does not apply tsx's loader hooks to a worker's entry module, so the worker registers tsx itself
 * before importing the TypeScript load generator.
 */
function startLoadWorker(spec: LoadSpec): Worker {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./case-throughput-load.ts', import.meta.url).href;
  const source = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(source, { eval: true, workerData: spec });
}

async function runSlice(spec: LoadSpec): Promise<Slice> {
  checkNotStopped();
  const worker = startLoadWorker(spec);
  activeLoad = worker;
  let eluStart: ReturnType<typeof performance.eventLoopUtilization> | undefined;
  let busy: number | undefined;
  const closeWindow = () => {
    if (eluStart && busy === undefined) busy = performance.eventLoopUtilization(eluStart).utilization;
  };
  try {
    const result = await new Promise<Extract<LoadMessage, { type: 'done' }>>((resolve, reject) => {
      worker.on('message', (message: LoadMessage) => {
        if (message.type === 'window-start') eluStart = performance.eventLoopUtilization();
        else if (message.type === 'window-end') closeWindow();
        else if (message.type === 'done') resolve(message);
        else reject(new Error(message.message));
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`load worker exited with code ${code}`)));
    });
    closeWindow();
    return { completed: result.completed, latenciesMs: result.latenciesMs, busy: busy ?? Number.NaN };
  } finally {
    activeLoad = undefined;
    await worker.terminate();
  }
}

type RequestSpec = Pick<LoadSpec, 'url' | 'method' | 'headers' | 'body' | 'expectStatus'> & {
  /** Idempotency-Key prefix; the round number is appended so every key of the run is unique. */
  idempotencyPrefix?: string;
};

interface Contender {
  endpoint: string;
  database: string;
  request: RequestSpec;
}

interface Measurement {
  endpoint: string;
  database: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  busy: number;
  /** Requests per second in each round, in round order. */
  perRound: number[];
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Every contender gets ROUNDS slices; each round runs them all, starting with a different one. */
async function runInterleaved(phase: string, contenders: Contender[]): Promise<Measurement[]> {
  const slices = contenders.map(() => [] as Slice[]);
  for (let round = 0; round < ROUNDS; round++) {
    const line: string[] = [];
    for (let k = 0; k < contenders.length; k++) {
      const index = (round + k) % contenders.length;
      const { endpoint, database, request } = contenders[index]!;
      const { idempotencyPrefix, ...rest } = request;
      const slice = await runSlice({
        ...rest,
        ...(idempotencyPrefix ? { idempotencyPrefix: `${idempotencyPrefix}-r${round}` } : {}),
        label: `${endpoint} (${database})`,
        client: CLIENT,
        concurrency: CONCURRENCY,
        warmUpSeconds: WARM_UP_SECONDS,
        seconds: SLICE_SECONDS,
      });
      slices[index]!.push(slice);
      line.push(`${database} ${(slice.completed / SLICE_SECONDS).toFixed(0)}`);
    }
    console.log(`  ${phase} round ${round + 1}/${ROUNDS} (req/s): ${line.join(', ')}`);
  }
  return contenders.map(({ endpoint, database }, index) => {
    const own = slices[index]!;
    const requests = own.reduce((sum, s) => sum + s.completed, 0);
    const latencies = new Float64Array(own.reduce((sum, s) => sum + s.latenciesMs.length, 0));
    let offset = 0;
    for (const s of own) {
      latencies.set(s.latenciesMs, offset);
      offset += s.latenciesMs.length;
    }
    latencies.sort();
    return {
      endpoint,
      database,
      requests,
      perSecond: requests / (SLICE_SECONDS * own.length),
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      busy: own.reduce((sum, s) => sum + s.busy, 0) / own.length,
      perRound: own.map((s) => s.completed / SLICE_SECONDS),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// The app under test: a town, seeded cases, signed-in people

const JSON_HEADERS = { 'content-type': 'application/json' };
const CHINA_OFFSET_MS = 8 * 3_600_000;
const CELLS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
] as const;

function reportBody(town: TestTown) {
  return {
    categoryCode: 'sanitation.garbage',
    description: '村口垃圾堆放三天无人清理',
    location: town.pointIn(0, 0),
  };
}

/**
 * SEED_CASES reported cases, written in bulk through Prisma the way reportCase writes them (case row,
 * its 'report' event, the town's case counter), spread over the four grids and the last week.
 */
async function seedCases(db: Database, town: TestTown): Promise<void> {
  const { prisma } = db;
  const category = await prisma.category.findUniqueOrThrow({
    where: { code: 'sanitation.garbage' },
    select: { id: true, defaultPriority: true },
  });
  const now = Date.now();
  const year = new Date(now + CHINA_OFFSET_MS).getUTCFullYear();
  for (let first = 0; first < SEED_CASES; first += SEED_BATCH) {
    checkNotStopped();
    const count = Math.min(SEED_BATCH, SEED_CASES - first);
    const rows = await prisma.case.createManyAndReturn({
      data: Array.from({ length: count }, (_, k) => {
        const i = first + k;
        const [v, g] = CELLS[i % CELLS.length]!;
        return {
          townId: town.townId,
          number: `${year}-${String(i + 1).padStart(6, '0')}`,
          categoryId: category.id,
          gridId: town.grids[v]![g]!.id,
          villageId: town.villageIds[v],
          priority: category.defaultPriority,
          description: `村口垃圾堆放三天无人清理（第${i + 1}次上报）`,
          ...town.pointIn(v, g),
          reporterId: town.workers[v]![g]!.id,
          reportedAt: new Date(now - (SEED_CASES - i) * 5 * 60_000),
        };
      }),
      select: { id: true, reporterId: true, reportedAt: true },
    });
    await prisma.caseEvent.createMany({
      data: rows.map((row) => ({
        caseId: row.id,
        townId: town.townId,
        seq: 1,
        kind: 'report',
        actorId: row.reporterId,
        fromStatus: null,
        toStatus: 'reported' as const,
        photoIds: [],
        createdAt: row.reportedAt,
      })),
    });
  }
  // Reports made through the API during the run continue the numbering.
  await prisma.caseCounter.upsert({
    where: { townId_year: { townId: town.townId, year } },
    create: { townId: town.townId, year, last: SEED_CASES },
    update: { last: SEED_CASES },
  });
}

/**
 * Planner statistics for the seeded rows, as a running server has them a minute later: PGlite by the
 * app's own maintenance pass (it has no autovacuum), PostgreSQL by ANALYZE in place of its autovacuum.
 */
async function settleStatistics(db: Database): Promise<void> {
  const report = await db.maintain();
  if (!report) await db.prisma.$executeRawUnsafe('ANALYZE');
}

async function signedIn(url: string, username: string): Promise<HttpClient> {
  const client = new HttpClient(url);
  await client.signIn(username, TEST_PASSWORD);
  return client;
}

/** The headers a browser would send: both cookies, and the CSRF token repeated for mutations. */
async function browserHeaders(client: HttpClient): Promise<Record<string, string>> {
  const token = (await client.get<{ token: string }>('/api/auth/csrf')).body.token;
  const cookie = `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}; ${CSRF_COOKIE}=${client.cookie(CSRF_COOKIE)}`;
  return { cookie, 'x-csrf-token': token };
}

interface Target {
  database: 'PGlite' | 'PostgreSQL';
  app: RealApp;
  town: TestTown;
  list: Contender;
  create: Contender;
}

/** Starts the app on one database, seeds it, signs in a town leader and a grid worker, checks both paths. */
async function prepareTarget(database: Target['database'], databaseUrl: string | undefined): Promise<Target> {
  const started = performance.now();
  const app = await startRealApp(databaseUrl);
  try {
    const town = await createTestTown(app.db.prisma);
    await seedCases(app.db, town);
    await settleStatistics(app.db);
    const leader = await signedIn(app.url, town.townLeader.username);
    const reporter = await signedIn(app.url, town.workers[0]![0]!.username);
    // The town leader sees every case of the town: the list must come back full, with a next page.
    const probe = await leader.get<CaseList>(LIST_PATH);
    if (probe.status !== 200 || probe.body.items.length !== 50 || !probe.body.nextCursor) {
      throw new Error(
        `${database}: the list is not a full page: ${probe.status} ${JSON.stringify(probe.body).slice(0, 300)}`,
      );
    }
    const created = await reporter.post('/api/cases', reportBody(town), {
      headers: { 'idempotency-key': `bench-probe-${Date.now().toString(36)}` },
    });
    if (created.status !== 201) {
      throw new Error(
        `${database}: reporting failed: ${created.status} ${JSON.stringify(created.body).slice(0, 300)}`,
      );
    }
    const runId = `bench-${database.toLowerCase()}-${Date.now().toString(36)}`;
    const target: Target = {
      database,
      app,
      town,
      list: {
        endpoint: `GET ${LIST_PATH}`,
        database,
        request: {
          url: app.url + LIST_PATH,
          method: 'GET',
          headers: await browserHeaders(leader),
          expectStatus: 200,
        },
      },
      create: {
        endpoint: 'POST /api/cases',
        database,
        request: {
          url: `${app.url}/api/cases`,
          method: 'POST',
          headers: { ...(await browserHeaders(reporter)), ...JSON_HEADERS },
          body: JSON.stringify(reportBody(town)),
          idempotencyPrefix: runId,
          expectStatus: 201,
        },
      },
    };
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${database}: app started, town built, ${SEED_CASES} cases seeded in ${seconds.toFixed(1)} s`,
    );
    return target;
  } catch (error) {
    await app.close();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Report

const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const percent = (n: number) => {
  if (!Number.isFinite(n)) return '–';
  return n >= 0.1 ? `${(n * 100).toFixed(0)}%` : `${(n * 100).toFixed(1)}%`;
};
const verdict = (ratio: number, aim: number) => (ratio >= aim ? 'met' : '**missed**');

function ratioCell(m: Measurement, bare: Measurement | undefined): string {
  if (!bare || m === bare) return 'baseline';
  const overall = percent(m.perSecond / bare.perSecond);
  if (m.perRound.length < 2) return overall;
  const perRound = m.perRound.map((r, i) => r / bare.perRound[i]!);
  return `${overall} (rounds ${percent(Math.min(...perRound))}–${percent(Math.max(...perRound))})`;
}

function printReport(phases: Measurement[][], machine: string[], casesAfter: string[]): void {
  const lines: string[] = [...machine, ''];
  lines.push(
    '| endpoint | database | req/s | p50 ms | p95 ms | vs bare (same run) | main thread busy | main-thread ms/req |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const phase of phases) {
    const bare = phase[0];
    for (const m of phase) {
      lines.push(
        `| ${m.endpoint} | ${m.database} | ${fixed(m.perSecond)} | ${fixed(m.p50, 2)} | ${fixed(m.p95, 2)} | ` +
          `${ratioCell(m, bare)} | ${percent(m.busy)} | ${fixed((m.busy * 1000) / m.perSecond, 2)} |`,
      );
    }
  }
  lines.push('', '| aim | figure (same run) | aim |', '|---|---:|---|');
  const [listPhase, createPhase] = phases as [Measurement[], Measurement[]];
  for (const [name, phase, aim] of [
    ['list', listPhase, AIMS.list],
    ['create', createPhase, AIMS.create],
  ] as const) {
    const bare = phase[0]!;
    for (const m of phase.slice(1)) {
      const ratio = m.perSecond / bare.perSecond;
      lines.push(
        `| ${name} ≥ ${percent(aim)} of bare Express, ${m.database} | ${percent(ratio)} | ${verdict(ratio, aim)} |`,
      );
    }
    const pglite = phase.find((m) => m.database === 'PGlite');
    const postgres = phase.find((m) => m.database === 'PostgreSQL');
    if (pglite && postgres) {
      const ratio = pglite.perSecond / postgres.perSecond;
      lines.push(
        `| PGlite ≥ ${percent(AIMS.pgliteVsPostgres)} of PostgreSQL, ${name} req/s | ${percent(ratio)} | ` +
          `${verdict(ratio, AIMS.pgliteVsPostgres)} |`,
      );
    }
  }
  for (const phase of phases) {
    const bare = phase[0]!;
    if (bare.busy < 0.9) {
      lines.push(
        '',
        `note: during ${bare.endpoint} the servers' thread was busy only ${percent(bare.busy)} of the time: the ` +
          'bare figure is limited by the load generator (or the machine), not by Express, so the ratios ' +
          'against it are upper bounds.',
      );
    }
  }
  lines.push('', ...casesAfter);
  console.log(`\n${lines.join('\n')}`);
}

async function main(): Promise<void> {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const machine = [
    `Node ${process.version}, ${availableParallelism()} cores (${cpu}), ${process.platform}/${process.arch}, ` +
      `load average at start ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    `${SECONDS} s measured per endpoint in ${ROUNDS} interleaved slices (each after ${WARM_UP_SECONDS} s ` +
      `untimed warm-up), ${CONCURRENCY} closed-loop keep-alive ${CLIENT === 'fetch' ? 'fetch' : 'node:http'} ` +
      'clients in a worker thread, ' +
      `${SEED_CASES} seeded cases, all on 127.0.0.1`,
  ];
  benchDatabaseName(PG_URL);
  const bare = await startBareApp();
  const targets: Target[] = [];
  let postgresCreated = false;
  try {
    if (DATABASES.has('pglite')) targets.push(await prepareTarget('PGlite', undefined));
    if (DATABASES.has('postgres')) {
      try {
        machine.push(`PostgreSQL ${await postgresVersion(PG_URL)} at ${new URL(PG_URL).host}`);
        await createBenchDatabase(PG_URL);
        postgresCreated = true;
      } catch (error) {
        console.log(`note: skipping PostgreSQL, cannot use ${adminUrl(PG_URL)}: ${String(error)}`);
      }
    }
    if (postgresCreated) targets.push(await prepareTarget('PostgreSQL', PG_URL));

    console.log(`\nmeasuring (${SECONDS} s per endpoint, ${ROUNDS} rounds)…`);
    const bareGet: Contender = {
      endpoint: 'GET /bare',
      database: 'bare Express',
      request: { url: `${bare.url}/bare`, method: 'GET', headers: {}, expectStatus: 200 },
    };
    const barePost: Contender = {
      endpoint: 'POST /bare',
      database: 'bare Express',
      request: {
        url: `${bare.url}/bare`,
        method: 'POST',
        headers: JSON_HEADERS,
        body: targets[0]!.create.request.body,
        expectStatus: 201,
      },
    };
    // Lists first: the create run adds rows, and the list should read the seeded town.
    const listPhase = await runInterleaved('list', [bareGet, ...targets.map((t) => t.list)]);
    const createPhase = await runInterleaved('create', [barePost, ...targets.map((t) => t.create)]);
    const casesAfter = await Promise.all(
      targets.map(async (t) => {
        const count = await t.app.db.prisma.case.count({ where: { townId: t.town.townId } });
        return `${t.database}: ${count} cases in the test town at the end (${SEED_CASES} seeded).`;
      }),
    );
    printReport([listPhase, createPhase], machine, casesAfter);
  } finally {
    for (const target of targets) await target.app.close();
    if (postgresCreated) await dropBenchDatabase(PG_URL);
    await bare.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
