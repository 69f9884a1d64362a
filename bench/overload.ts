import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ServerProcess, startServerProcess } from '../server/src/testing/server-process';
import { HttpClient } from '../server/src/testing/test-app';
import { prepareDatabaseUrl, rssOf, runLoad } from './bench-process';

const OVERLOAD_SECONDS = numberFromEnv('BENCH_OVERLOAD_SECONDS', 60);
const FACTOR = numberFromEnv('BENCH_FACTOR', 3);
const CAPACITY_SECONDS = numberFromEnv('BENCH_CAPACITY_SECONDS', 10);
const HISTORY = numberFromEnv('BENCH_HISTORY', 3000);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/gridgov_overload_bench';
const DATABASES = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',').map((d) => d.trim());
const PASSED_THROUGH = [
  'MAX_CONCURRENT_REQUESTS',
  'MAX_QUEUED_REQUESTS',
  'QUEUE_TIMEOUT_MS',
  'MAX_EVENT_LOOP_DELAY_MS',
  'DB_POOL_SIZE',
];
const LIST_PATH = '/api/cases?limit=50';
const CAPACITY_CONNECTIONS = 16;
const REQUEST_TIMEOUT_SECONDS = 10;
const RECOVERY_LIMIT_SECONDS = 60;
/** Normal latency again = this many list requests in a row within the threshold. */
const RECOVERED_STREAK = 5;
const AIMS = { admittedP99Ms: 1000, recoverySeconds: 10 };

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

interface Memory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  wasm: number;
  /** The server's event-loop delay p99 since the last reset, and its shedder's state. */
  lagP99Ms: number;
  load: { inFlight: number; queued: number; shed: number };
}

/** User + system CPU seconds of a process so far (Linux /proc). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Capacity under a closed loop of 16 connections, and the server's CPU use meanwhile. */
async function measureClosedLoop(server: ServerProcess, path: string, headers: Record<string, string>) {
  const pid = server.child.pid!;
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  const result = await runLoad({
    url: server.url + path,
    headers,
    connections: CAPACITY_CONNECTIONS,
    seconds: CAPACITY_SECONDS,
    timeoutSeconds: REQUEST_TIMEOUT_SECONDS,
  });
  const wall = (performance.now() - started) / 1000;
  const ok = result.byStatus['200'] ?? 0;
  return { rps: ok / result.seconds, cpu: (cpuSeconds(pid) - cpuBefore) / wall, result };
}

async function timed(url: string, headers: Record<string, string>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      headers,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_SECONDS * 1000),
    });
    await response.arrayBuffer();
    return { ms: performance.now() - started, status: response.status };
  } catch {
    return { ms: performance.now() - started, status: 0 };
  }
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function readMemory(server: ServerProcess, gc = false, reset = false): Promise<Memory> {
  const query = `${gc ? 'gc=1&' : ''}${reset ? 'reset=1' : ''}`;
  return (await (await fetch(`${server.url}/bare/memory?${query}`)).json()) as Memory;
}

const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
const pct = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;

async function benchDatabase(kind: string): Promise<string[] | null> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gridgov-overload-'));
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
  for (const name of PASSED_THROUGH) if (process.env[name]) env[name] = process.env[name]!;
  const seedStarted = performance.now();
  const server = await startServerProcess(env, {
    command: ['taskset', '-c', '0'],
    nodeArgs: ['--expose-gc'],
    entry: 'bench/overload-server.ts',
    startTimeoutMs: 600_000,
  });
  let crashed = '';
  void server.exited.then((how) => {
    crashed = how;
  });
  const lines: string[] = [];
  try {
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const leader = new HttpClient(server.url);
    await leader.signIn('town01', 'GridGov@2026');
    const headers = { cookie: `gridgov_session=${leader.cookie('gridgov_session')}` };
    const before = await readMemory(server, true);

    const bare = await measureClosedLoop(server, '/bare', {});
    const list = await measureClosedLoop(server, LIST_PATH, headers);
    const capacity = list.rps;

    const idle: number[] = [];
    for (let i = 0; i < 20; i++) idle.push((await timed(server.url + LIST_PATH, headers)).ms);
    const normal = percentile(idle, 0.5);
    const threshold = Math.max(2 * normal, normal + 20);

    // The overload: 3× capacity, open loop (a rate over enough connections that it is always offered).
    const rate = Math.round(FACTOR * capacity);
    const health: number[] = [];
    let peakRss = 0;
    const lags: number[] = [];
    let peakInFlight = 0;
    let peakQueued = 0;
    let isOverloaded = true;
    const probes = (async () => {
      while (isOverloaded) {
        health.push((await timed(`${server.url}/api/health`, {})).ms);
        peakRss = Math.max(peakRss, rssOf(server.child.pid!));
        const seen = await readMemory(server, false, true);
        lags.push(seen.lagP99Ms);
        peakInFlight = Math.max(peakInFlight, seen.load.inFlight);
        peakQueued = Math.max(peakQueued, seen.load.queued);
        await sleep(500);
      }
    })();
    const overload = await runLoad({
      url: server.url + LIST_PATH,
      headers,
      connections: Math.max(64, rate),
      seconds: OVERLOAD_SECONDS,
      rate,
      timeoutSeconds: REQUEST_TIMEOUT_SECONDS,
    });
    isOverloaded = false;
    await probes;

    // Recovery: sequential list requests until RECOVERED_STREAK in a row are within the threshold.
    const ended = performance.now();
    let streak = 0;
    let recoveredAfter = Number.NaN;
    while ((performance.now() - ended) / 1000 < RECOVERY_LIMIT_SECONDS) {
      const probe = await timed(server.url + LIST_PATH, headers);
      streak = probe.status === 200 && probe.ms <= threshold ? streak + 1 : 0;
      if (streak === RECOVERED_STREAK) {
        recoveredAfter = (performance.now() - ended) / 1000;
        break;
      }
    }
    const after = await readMemory(server);
    await sleep(10_000);
    const settled = await readMemory(server, true);

    const sent = overload.answered + overload.errors;
    const shed = overload.byStatus['503'] ?? 0;
    const otherFailures = Object.entries(overload.byStatus)
      .filter(([status]) => status !== '200' && status !== '503')
      .map(([status, n]) => `${n}× ${status}`);
    lines.push(
      `### ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite (on disk)'}`,
      '',
      `- start with ${HISTORY} history cases seeded: ${seedSeconds.toFixed(0)} s`,
      `- bare Express \`GET /bare\`: ${bare.rps.toFixed(0)} req/s, server process CPU ${(100 * bare.cpu).toFixed(0)}% of its core`,
      `- case list \`GET ${LIST_PATH}\` (town leader, ${CAPACITY_CONNECTIONS} connections closed loop): ${capacity.toFixed(0)} req/s = capacity, p50 ${list.result.admitted.p50} ms, CPU ${(100 * list.cpu).toFixed(0)}%`,
      `- normal latency (one request at a time): p50 ${normal.toFixed(0)} ms; "recovered" = ${RECOVERED_STREAK} in a row ≤ ${threshold.toFixed(0)} ms`,
      `- offered: ${rate} req/s (${FACTOR}× capacity) for ${OVERLOAD_SECONDS} s over ${Math.max(64, rate)} connections`,
      '',
      '| figure | value | aim |',
      '| --- | ---: | --- |',
      `| crashes (server exited) | ${crashed ? `1 (${crashed})` : 0} | 0 |`,
      `| requests sent | ${sent} | |`,
      `| admitted (200) | ${overload.admitted.count} (${pct(overload.admitted.count, sent)}), ${(overload.admitted.count / overload.seconds).toFixed(0)} req/s | |`,
      `| admitted latency p50 / p99 / max | ${overload.admitted.p50} / ${overload.admitted.p99} / ${overload.admitted.max} ms | p99 ≤ ${AIMS.admittedP99Ms} ms |`,
      `| shed with 503 + Retry-After | ${shed} (${pct(shed, sent)}), p99 ${overload.shed.p99} ms | shed, not time out |`,
      `| timeouts / socket errors | ${overload.timeouts} / ${overload.errors - overload.timeouts} (${pct(overload.errors, sent)}) | ~0 |`,
      `| other statuses | ${otherFailures.join(', ') || 'none'} | none |`,
      `| health check during overload p50 / p99 / max (${health.length} probes) | ${percentile(health, 0.5).toFixed(0)} / ${percentile(health, 0.99).toFixed(0)} / ${Math.max(...health).toFixed(0)} ms | |`,
      `| server event-loop delay p99 per 0.5 s, median / max of the probes | ${percentile(lags, 0.5).toFixed(0)} / ${Math.max(...lags).toFixed(0)} ms | |`,
      `| most requests seen in flight / waiting by the shedder (probes) | ${peakInFlight} / ${peakQueued} | |`,
      `| seconds to normal latency after | ${Number.isNaN(recoveredAfter) ? `> ${RECOVERY_LIMIT_SECONDS}` : recoveredAfter.toFixed(1)} | ≤ ${AIMS.recoverySeconds} |`,
      `| RSS before → peak → just after → 10 s later (after GC) | ${mb(before.rss)} → ${mb(peakRss)} → ${mb(after.rss)} → ${mb(settled.rss)} | |`,
      '',
      '| memory (MB) | before (GC) | just after | 10 s later (GC) |',
      '| --- | ---: | ---: | ---: |',
      ...(['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers', 'wasm'] as const).map(
        (key) => `| ${key} | ${mb(before[key])} | ${mb(after[key])} | ${mb(settled[key])} |`,
      ),
      '',
    );
    return lines;
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await pgDb?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const limits = PASSED_THROUGH.map((name) => `${name}=${process.env[name] ?? 'default'}`).join(' ');
console.log(
  `Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), load average at start ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`server pinned to core 0 (taskset -c 0), autocannon to core 1; ${limits}\n`);
for (const kind of DATABASES) {
  const lines = await benchDatabase(kind);
  if (lines) console.log(lines.join('\n'));
}
