// The cost of one request and of one idle server (issue 21). The server (bench/request-cost-server.ts: the
// real app plus two floors on the same event loop) runs pinned to core 0; the load generator is autocannon
// in a process of its own pinned to core 1 (bench/overload-load.ts), so the generator is never what limits
// the rate — the bare endpoint's row shows the server's core saturated. For each database, in the same run:
//   bare Express JSON, bare Express + driver running the list page's own statement, GET /api/me,
//   GET /api/cases/:id, GET /api/cases?limit=50 (town leader, demo town with its history)
// each measured in interleaved rounds, with req/s, p50/p99 and the server's CPU ms per request
// (process.cpuUsage deltas read from the server itself), then memory: idle after the first start (which
// writes the demo history in-process), and — the figure the aims are about — after a restart on the same
// data: idle, then after load and an overload burst have settled.
// Loopback only; bounded (every phase has a fixed length, every request a timeout).
// Run: npx tsx bench/request-cost.ts
// Env: BENCH_DATABASES (pglite,postgres), BENCH_PG_URL (default postgresql://postgres@127.0.0.1:5432/
// gridgov_cost_bench, created fresh and dropped after), BENCH_SECONDS per round (5), BENCH_ROUNDS (3),
// BENCH_CONNECTIONS (16: the shedder's default 8 in flight + 16 queued admits them all), BENCH_HISTORY (3000 demo history cases), BENCH_OVERLOAD_SECONDS (20),
// MALLOC_ARENA_MAX is passed to the server when set. BENCH_TSX=1 runs the server script through the tsx loader instead of bundling it as production does.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { type ServerProcess, startServerProcess } from '../server/src/testing/server-process';
import { HttpClient } from '../server/src/testing/test-app';
import { prepareDatabaseUrl, rssOf, runLoad } from './bench-process';

const SECONDS = numberFromEnv('BENCH_SECONDS', 5);
const ROUNDS = numberFromEnv('BENCH_ROUNDS', 3);
const CONNECTIONS = numberFromEnv('BENCH_CONNECTIONS', 16);
const HISTORY = numberFromEnv('BENCH_HISTORY', 3000);
const OVERLOAD_SECONDS = numberFromEnv('BENCH_OVERLOAD_SECONDS', 20);
const WARMUP_SECONDS = 1;
/** Endpoint keys to profile after the rounds (e.g. `me,list`): one CPU profile each, written to /tmp. */
const PROFILE = (process.env.BENCH_PROFILE ?? '').split(',').filter(Boolean);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/gridgov_cost_bench';
const DATABASES = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',').map((d) => d.trim());
const REQUEST_TIMEOUT_SECONDS = 10;
/** The server runs as production does: bundled to plain JavaScript (scripts/build-server.mjs), no loader. */
const SERVER_ENTRY = process.env.BENCH_TSX
  ? 'bench/request-cost-server.ts'
  : 'bench/dist/request-cost-server.mjs';
if (!process.env.BENCH_TSX) {
  const built = spawnSync(
    process.execPath,
    ['scripts/build-server.mjs', 'bench/request-cost-server.ts', SERVER_ENTRY],
    {
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) throw new Error('bundling the bench server failed');
}

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

interface ServerStats {
  cpu: { user: number; system: number };
  memory: NodeJS.MemoryUsage;
  wasm: number;
}

interface Endpoint {
  key: string;
  label: string;
  path: string;
  signedIn: boolean;
}

interface Tally {
  ok: number;
  seconds: number;
  cpuMicros: number;
  wallMicros: number;
  p50: number[];
  p99: number[];
  failures: string[];
}

async function stats(server: ServerProcess, gc = false): Promise<ServerStats> {
  return (await (await fetch(`${server.url}/bare/stats${gc ? '?gc=1' : ''}`)).json()) as ServerStats;
}

/** `ANALYZE` on PostgreSQL, as autovacuum would do soon after seeding (the floor's plan needs it too). */
async function analyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1048576)}`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function benchDatabase(kind: string) {
  const dataDir = await mkdtemp(join(tmpdir(), 'gridgov-cost-'));
  const pgDb = kind === 'postgres' ? await prepareDatabaseUrl(PG_URL) : null;
  if (kind === 'postgres' && !pgDb) return null;
  const env: Record<string, string> = {
    DATABASE_URL: pgDb?.url ?? '',
    PGLITE_DIR: join(dataDir, 'pglite'),
    UPLOAD_DIR: join(dataDir, 'uploads'),
    CLIENT_DIST: dataDir,
    DEMO_HISTORY_CASES: String(HISTORY),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  // glibc's arena count (the Dockerfile sets 2), passed through when given.
  if (process.env.MALLOC_ARENA_MAX) env.MALLOC_ARENA_MAX = process.env.MALLOC_ARENA_MAX;
  const start = () =>
    startServerProcess(env, {
      command: ['taskset', '-c', '0'],
      nodeArgs: ['--expose-gc'],
      entry: SERVER_ENTRY,
      startTimeoutMs: 600_000,
    });
  let server = await start();
  try {
    if (pgDb) await analyze(pgDb.url);
    await sleep(2000);
    const idle = await stats(server, true);
    const idleRss = rssOf(server.child.pid!);

    const leader = new HttpClient(server.url);
    await leader.signIn('town01', 'GridGov@2026');
    const headers = { cookie: `gridgov_session=${leader.cookie('gridgov_session')}` };
    await fetch(`${server.url}/bare/capture?on=1`, { method: 'POST' });
    const list = await leader.request<{ items: { id: string }[] }>('GET', '/api/cases?limit=50');
    await fetch(`${server.url}/bare/capture?on=0`, { method: 'POST' });
    if (list.status !== 200 || list.body.items.length !== 50)
      throw new Error('the list did not answer 50 cases');
    const caseId = list.body.items[0]!.id;

    const endpoints: Endpoint[] = [
      { key: 'hello', label: 'bare Express `{hello:"world"}`', path: '/bare/hello', signedIn: false },
      {
        key: 'floor',
        label: 'bare Express + driver: the list page’s own statement',
        path: '/bare/list',
        signedIn: false,
      },
      { key: 'me', label: '`GET /api/me`', path: '/api/me', signedIn: true },
      { key: 'case', label: '`GET /api/cases/:id`', path: `/api/cases/${caseId}`, signedIn: true },
      { key: 'list', label: '`GET /api/cases?limit=50`', path: '/api/cases?limit=50', signedIn: true },
    ];
    const tallies = new Map<string, Tally>(
      endpoints.map((e) => [
        e.key,
        { ok: 0, seconds: 0, cpuMicros: 0, wallMicros: 0, p50: [], p99: [], failures: [] },
      ]),
    );
    for (const endpoint of endpoints) {
      // Untimed warm-up: prepared statements, JIT, pool connections.
      await runLoad({
        url: server.url + endpoint.path,
        headers: endpoint.signedIn ? headers : {},
        connections: CONNECTIONS,
        seconds: WARMUP_SECONDS,
        timeoutSeconds: REQUEST_TIMEOUT_SECONDS,
      });
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const endpoint of endpoints) {
        const tally = tallies.get(endpoint.key)!;
        const before = await stats(server);
        const started = process.hrtime.bigint();
        const result = await runLoad({
          url: server.url + endpoint.path,
          headers: endpoint.signedIn ? headers : {},
          connections: CONNECTIONS,
          seconds: SECONDS,
          timeoutSeconds: REQUEST_TIMEOUT_SECONDS,
        });
        const wallMicros = Number(process.hrtime.bigint() - started) / 1000;
        const after = await stats(server);
        const ok = result.byStatus['200'] ?? 0;
        tally.ok += ok;
        tally.seconds += result.seconds;
        tally.cpuMicros += after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system;
        tally.wallMicros += wallMicros;
        tally.p50.push(result.admitted.p50);
        tally.p99.push(result.admitted.p99);
        const bad = Object.entries(result.byStatus).filter(([status]) => status !== '200');
        if (bad.length || result.errors) {
          tally.failures.push(`${bad.map(([s, n]) => `${n}× ${s}`).join(', ')} ${result.errors} errors`);
        }
      }
    }
    for (const key of PROFILE) {
      const endpoint = endpoints.find((e) => e.key === key);
      if (!endpoint) throw new Error(`BENCH_PROFILE: no endpoint ${key}`);
      const file = join(tmpdir(), `gridgov-${kind}-${key}.cpuprofile`);
      await fetch(`${server.url}/bare/profile/start`, { method: 'POST' });
      await runLoad({
        url: server.url + endpoint.path,
        headers: endpoint.signedIn ? headers : {},
        connections: CONNECTIONS,
        seconds: SECONDS,
        timeoutSeconds: REQUEST_TIMEOUT_SECONDS,
      });
      await fetch(`${server.url}/bare/profile/stop?file=${encodeURIComponent(file)}`, { method: 'POST' });
      console.log(
        `profile of ${endpoint.path} on ${kind}: ${file} (npx tsx bench/profile-summary.ts ${file})`,
      );
    }
    const afterLoad = await stats(server, true);
    const afterLoadRss = rssOf(server.child.pid!);

    // Memory of the server a town runs day to day: restarted on the same (seeded) data. The first start
    // above wrote the demo county and its history in this process, and the allocator and PGlite's
    // WebAssembly memory keep that high-water mark.
    server.child.kill('SIGTERM');
    await server.exited;
    server = await start();
    await sleep(2000);
    const restarted = await stats(server, true);
    const restartedRss = rssOf(server.child.pid!);
    const again = new HttpClient(server.url);
    await again.signIn('town01', 'GridGov@2026');
    const againHeaders = { cookie: `gridgov_session=${again.cookie('gridgov_session')}` };
    // The list under its normal load, then an overload burst (64 more connections), then 10 s of quiet.
    for (const connections of [CONNECTIONS, CONNECTIONS + 64]) {
      await runLoad({
        url: `${server.url}/api/cases?limit=50`,
        headers: againHeaders,
        connections,
        seconds: connections === CONNECTIONS ? SECONDS : OVERLOAD_SECONDS,
        timeoutSeconds: REQUEST_TIMEOUT_SECONDS,
      });
    }
    const peakRss = rssOf(server.child.pid!);
    await sleep(10_000);
    const settled = await stats(server, true);
    const settledRss = rssOf(server.child.pid!);

    return {
      kind,
      endpoints,
      tallies,
      idle,
      idleRss,
      afterLoad,
      afterLoadRss,
      restarted,
      restartedRss,
      peakRss,
      settled,
      settledRss,
    };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await pgDb?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

type DatabaseRun = NonNullable<Awaited<ReturnType<typeof benchDatabase>>>;

function rps(run: DatabaseRun, key: string): number {
  const t = run.tallies.get(key)!;
  return t.ok / Math.max(1e-9, t.seconds);
}

function cpuMsPerRequest(run: DatabaseRun, key: string): number {
  const t = run.tallies.get(key)!;
  return t.cpuMicros / 1000 / Math.max(1, t.ok);
}

function busy(run: DatabaseRun, key: string): number {
  const t = run.tallies.get(key)!;
  return t.cpuMicros / Math.max(1, t.wallMicros);
}

const pct = (part: number, whole: number) => `${((100 * part) / Math.max(1e-9, whole)).toFixed(0)}%`;

console.log(
  `Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), load average at start ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  `server pinned to core 0 (taskset -c 0), autocannon in its own process pinned to core 1; ${CONNECTIONS} connections, closed loop; ${ROUNDS} interleaved rounds × ${SECONDS} s per endpoint after ${WARMUP_SECONDS} s warm-up; demo town with ${HISTORY} history cases; town leader signed in\n`,
);
const runs: DatabaseRun[] = [];
for (const kind of DATABASES) {
  const run = await benchDatabase(kind);
  if (run) runs.push(run);
}
const name = (kind: string) => (kind === 'postgres' ? 'PostgreSQL' : 'PGlite');
console.log(
  `| endpoint | ${runs.map((r) => `${name(r.kind)} req/s | p50 / p99 ms | server CPU ms/req | server core busy`).join(' | ')} |`,
);
console.log(`|---|${runs.map(() => '---:|---:|---:|---:').join('|')}|`);
for (const endpoint of runs[0]?.endpoints ?? []) {
  const cells = runs.map((run) => {
    const t = run.tallies.get(endpoint.key)!;
    return `${rps(run, endpoint.key).toFixed(0)} | ${median(t.p50)} / ${median(t.p99)} | ${cpuMsPerRequest(run, endpoint.key).toFixed(3)} | ${pct(busy(run, endpoint.key), 1)}`;
  });
  console.log(`| ${endpoint.label} | ${cells.join(' | ')} |`);
}
for (const run of runs) {
  for (const [key, t] of run.tallies) {
    if (t.failures.length) console.log(`! ${name(run.kind)} ${key}: ${t.failures.join('; ')}`);
  }
}

console.log('\n| ratio (same run) | figure | aim |');
console.log('|---|---:|---|');
const byKind = new Map(runs.map((r) => [r.kind, r]));
const pgRun = byKind.get('postgres');
const liteRun = byKind.get('pglite');
const aim = (label: string, part: number, whole: number, goal: number) =>
  console.log(
    `| ${label} | ${pct(part, whole)} | ≥ ${goal}% ${(100 * part) / whole >= goal ? 'met' : 'not met'} |`,
  );
if (pgRun) aim('list ÷ bare+driver floor, PostgreSQL', rps(pgRun, 'list'), rps(pgRun, 'floor'), 60);
if (liteRun) aim('list ÷ bare+driver floor, PGlite', rps(liteRun, 'list'), rps(liteRun, 'floor'), 60);
if (pgRun && liteRun) aim('list, PGlite ÷ PostgreSQL', rps(liteRun, 'list'), rps(pgRun, 'list'), 60);
if (pgRun) aim('/api/me ÷ bare JSON, PostgreSQL', rps(pgRun, 'me'), rps(pgRun, 'hello'), 35);
if (liteRun) aim('/api/me ÷ bare JSON, PGlite', rps(liteRun, 'me'), rps(liteRun, 'hello'), 15);
if (pgRun) aim('/api/cases/:id ÷ bare JSON, PostgreSQL', rps(pgRun, 'case'), rps(pgRun, 'hello'), 20);
if (liteRun) aim('/api/cases/:id ÷ bare JSON, PGlite', rps(liteRun, 'case'), rps(liteRun, 'hello'), 12);

console.log('\n| memory (MB) | rss | heapUsed | heapTotal | external | arrayBuffers | PGlite wasm |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const run of runs) {
  const row = (label: string, s: ServerStats, rss: number) =>
    console.log(
      `| ${name(run.kind)}, ${label} | ${mb(rss)} | ${mb(s.memory.heapUsed)} | ${mb(s.memory.heapTotal)} | ${mb(s.memory.external)} | ${mb(s.memory.arrayBuffers)} | ${mb(s.wasm)} |`,
    );
  row('first start (demo written in-process), idle (GC)', run.idle, run.idleRss);
  row('first start, after the measured load (GC)', run.afterLoad, run.afterLoadRss);
  row('restarted on the same data, idle (GC)', run.restarted, run.restartedRss);
  console.log(
    `| ${name(run.kind)}, restarted, peak under the overload burst | ${mb(run.peakRss)} | | | | | |`,
  );
  row(
    `restarted, after load + ${OVERLOAD_SECONDS} s overload + 10 s quiet (GC)`,
    run.settled,
    run.settledRss,
  );
}
console.log('\n| memory aim (restarted server) | figure | aim |');
console.log('|---|---:|---|');
for (const run of runs) {
  const limit = run.kind === 'postgres' ? 250 : 400;
  const idleMb = run.restartedRss / 1048576;
  const backMb = run.settledRss / 1048576;
  console.log(
    `| ${name(run.kind)} idle RSS | ${idleMb.toFixed(0)} MB | ≤ ${limit} MB ${idleMb <= limit ? 'met' : 'not met'} |`,
  );
  console.log(
    `| ${name(run.kind)} after overload vs idle | ${backMb >= idleMb ? '+' : ''}${pct(backMb - idleMb, idleMb)} | ≤ +10% ${backMb <= idleMb * 1.1 ? 'met' : 'not met'} |`,
  );
}
