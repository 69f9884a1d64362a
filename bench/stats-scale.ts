// Statistics API latency at 10,000 and at 1,000,000 cases (same 2,000 grids) on PostgreSQL, over
// HTTP against the real app, measured in the same run: the two apps run side by side and the
// measurement rounds alternate between them, so load from elsewhere on the machine hits both alike.
// Aim (issue 5): p95 at 1M ≤ 2 × p95 at 10k for summary and breakdown.
// Run: npx tsx bench/stats-scale.ts
// Env: BENCH_REQUESTS (default 100) timed requests per endpoint and data set, in BENCH_ROUNDS
// (default 5) slices; BENCH_PG_BASE (default postgresql://postgres@127.0.0.1:5432). The data sets
// are the databases gridgov_bench_10k and gridgov_bench_1m made by bench/stats-data.ts; a missing
// one is generated first (the 1M one takes a long while: see docs/benchmarks.md).

import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type Database, openDatabase, readMigrationList } from '@gridgov/db';
import { TEST_PASSWORD } from '@gridgov/db/testing';
import pg from 'pg';
import { createApp } from '../server/src/app';
import { loadConfig } from '../server/src/lib/config';
import { createAppContext } from '../server/src/lib/context';
import { createCaseEventBus } from '../server/src/lib/events';
import { createLogger } from '../server/src/lib/logger';
import { HttpClient } from '../server/src/testing/test-app';
import { benchUsers, generateStatsData, PRESETS, presetUrl, type StatsDataPreset } from './stats-data';

const REQUESTS = Math.max(10, Number(process.env.BENCH_REQUESTS ?? 100));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
const WARM_UP = 5;
/** The dashboard's default window (the last 30 days of the data) and a whole year. */
const MONTH = 'from=2026-10-30&to=2026-11-28';
const YEAR = 'from=2025-11-29&to=2026-11-28';

const ENDPOINTS: { name: string; who: keyof typeof benchUsers; path: string }[] = [
  { name: 'summary, county admin, 30 days', who: 'admin', path: `/api/stats/summary?${MONTH}` },
  { name: 'summary, town leader, 30 days', who: 'townLeader', path: `/api/stats/summary?${MONTH}` },
  { name: 'summary, grid worker, 30 days', who: 'gridWorker', path: `/api/stats/summary?${MONTH}` },
  { name: 'summary, county admin, 365 days', who: 'admin', path: `/api/stats/summary?${YEAR}` },
  {
    name: 'breakdown by grid (2,000), county, 30 days',
    who: 'admin',
    path: `/api/stats/breakdown?by=grid&${MONTH}`,
  },
  {
    name: 'breakdown by village, county, 30 days',
    who: 'admin',
    path: `/api/stats/breakdown?by=village&${MONTH}`,
  },
  {
    name: 'breakdown by grid (80), town, 30 days',
    who: 'townLeader',
    path: `/api/stats/breakdown?by=grid&${MONTH}`,
  },
  {
    name: 'breakdown by worker, town, 30 days',
    who: 'townLeader',
    path: `/api/stats/breakdown?by=worker&${MONTH}`,
  },
  {
    name: 'breakdown by category, county, 30 days',
    who: 'admin',
    path: `/api/stats/breakdown?by=category&${MONTH}`,
  },
  {
    name: 'breakdown by grid (2,000), county, 365 days',
    who: 'admin',
    path: `/api/stats/breakdown?by=grid&${YEAR}`,
  },
];

interface RunningApp {
  label: string;
  url: string;
  db: Database;
  clients: Record<keyof typeof benchUsers, HttpClient>;
  close: () => Promise<void>;
}

async function countCases(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Case"');
    return rows[0]!.n;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

async function ensureData(preset: StatsDataPreset): Promise<string> {
  const url = presetUrl(preset);
  if ((await countCases(url)) !== preset.cases) {
    console.log(`${preset.database}: generating ${preset.cases} cases (bench/stats-data.ts)`);
    await generateStatsData(url, preset);
  }
  return url;
}

async function startApp(label: string, databaseUrl: string): Promise<RunningApp> {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    // Measures the app's own speed under a load it can take: no shedding (bench/overload.ts tests that).
    MAX_EVENT_LOOP_DELAY_MS: '0',
    DATABASE_URL: databaseUrl,
  });
  const db = await openDatabase({ databaseUrl, poolSize: config.DB_POOL_SIZE });
  const logger = createLogger(config);
  const events = await createCaseEventBus({ databaseUrl, logger });
  const ctx = createAppContext(db, {
    config,
    logger,
    migrationNames: (await readMigrationList()).migrationDirectories.map((d) => d.path),
    events,
  });
  const server = createApp(ctx).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients = {} as RunningApp['clients'];
  for (const [who, username] of Object.entries(benchUsers) as [keyof typeof benchUsers, string][]) {
    clients[who] = new HttpClient(url);
    await clients[who].signIn(username, TEST_PASSWORD);
  }
  return {
    label,
    url,
    db,
    clients,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await events.close();
      await db.close();
    },
  };
}

async function timeRequests(client: HttpClient, path: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await client.get(path);
    const ms = performance.now() - started;
    if (res.status !== 200)
      throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    times.push(ms);
  }
  return times;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  console.log(
    `stats-scale: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const sets = [
    { label: '10k', preset: PRESETS['10k']! },
    { label: '1M', preset: PRESETS['1m']! },
  ];
  const apps: RunningApp[] = [];
  try {
    for (const set of sets) apps.push(await startApp(set.label, await ensureData(set.preset)));
    const samples = new Map<string, number[]>();
    for (const app of apps) {
      for (const e of ENDPOINTS) await timeRequests(app.clients[e.who], e.path, WARM_UP);
    }
    const perRound = Math.ceil(REQUESTS / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      for (const e of ENDPOINTS) {
        for (const app of round % 2 ? [...apps].reverse() : apps) {
          const key = `${e.name}|${app.label}`;
          samples.set(key, [
            ...(samples.get(key) ?? []),
            ...(await timeRequests(app.clients[e.who], e.path, perRound)),
          ]);
        }
      }
    }
    const rows = ENDPOINTS.map((e) => {
      const stat = (label: string) => {
        const sorted = [...samples.get(`${e.name}|${label}`)!].sort((a, b) => a - b);
        return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
      };
      const small = stat('10k');
      const large = stat('1M');
      return {
        endpoint: e.name,
        '10k p50 ms': small.p50.toFixed(1),
        '10k p95 ms': small.p95.toFixed(1),
        '1M p50 ms': large.p50.toFixed(1),
        '1M p95 ms': large.p95.toFixed(1),
        'p95 ratio': (large.p95 / small.p95).toFixed(2),
        'aim ≤ 2': large.p95 / small.p95 <= 2 ? 'yes' : 'NO',
      };
    });
    console.table(rows);
    console.log(
      `${perRound * ROUNDS} requests per endpoint and data set, one client, load after: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    for (const app of apps) await app.close();
  }
}

await main();
