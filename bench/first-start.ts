// The first `npm start` a newcomer makes (issue 22): the build, then the real server on a fresh embedded
// database, timed from the start of the build to the first healthy answer, to a signed-in map, and to the
// demo history being complete (health's demoHistory), with the server's answer times while it is written.
//
//   npx tsx bench/first-start.ts                 (BENCH_RUNS=3 for three fresh starts; SKIP_BUILD=1)
//
// The figures go into docs/benchmarks.md; nothing here is a pass/fail test.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServerProcess } from '../server/src/testing/server-process';
import { HttpClient } from '../server/src/testing/test-app';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 1);

/** Linux clock ticks per second for /proc/<pid>/stat (USER_HZ). */
const TICKS = 100;

/** [utime + stime, cutime + cstime, ppid] of a process, in seconds (fields 14–17 and 4 of /proc/<pid>/stat). */
function readStat(pid: number | 'self'): [number, number, number] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return [(fields[11]! + fields[12]!) / TICKS, (fields[13]! + fields[14]!) / TICKS, fields[1]!];
}

/** CPU seconds of a process and its living children (the server and tsx's esbuild service). */
function cpuOfTree(pid: number): number {
  let total = readStat(pid)[0];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const [own, , ppid] = readStat(Number(entry));
      if (ppid === pid) total += own;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

interface Run {
  buildCpuS: number;
  healthyCpuS: number;
  completeCpuS: number;
  buildS: number;
  listeningS: number;
  healthyS: number;
  signedInMapS: number;
  completeS: number;
  healthMs: number[];
  listMs: number[];
  cases: number;
}

/** Time of one answer; a reused keep-alive socket the server has just closed is tried once more. */
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn().catch(() => fn());
  return [value, performance.now() - started];
}

async function firstStart(): Promise<Run> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gridgov-first-start-'));
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const childrenCpuBefore = readStat('self')[1];
    if (!process.env.SKIP_BUILD) {
      const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
      if (build.status !== 0) throw new Error('npm run build failed');
    }
    const buildS = seconds();
    const buildCpuS = readStat('self')[1] - childrenCpuBefore;
    const server = await startServerProcess(
      {
        PGLITE_DIR: join(dataDir, 'pglite'),
        UPLOAD_DIR: join(dataDir, 'uploads'),
        DATABASE_URL: '',
        LOG_LEVEL: 'info',
        NODE_ENV: 'production',
      },
      { startTimeoutMs: 600_000 },
    );
    const listeningS = seconds();
    try {
      const client = new HttpClient(server.url);
      let health = await client.get('/api/health');
      const healthyS = seconds();
      const pid = server.child.pid!;
      const healthyCpuS = cpuOfTree(pid);
      await client.post('/api/auth/login', { username: 'town01', password: 'GridGov@2026' });
      const map = await client.get('/api/grids.geojson');
      if (map.status !== 200) throw new Error(`the map answered ${map.status}`);
      const signedInMapS = seconds();
      const healthMs: number[] = [];
      const listMs: number[] = [];
      while (health.body.demoHistory === 'generating') {
        await sleep(250);
        const [answer, ms] = await timed(() => client.get('/api/health'));
        health = answer;
        healthMs.push(ms);
        listMs.push((await timed(() => client.get('/api/cases?limit=20')))[1]);
      }
      const completeS = seconds();
      const completeCpuS = cpuOfTree(pid);
      const list = await client.get('/api/cases?limit=1');
      return {
        buildCpuS,
        healthyCpuS,
        completeCpuS,
        buildS,
        listeningS,
        healthyS,
        signedInMapS,
        completeS,
        healthMs,
        listMs,
        cases: Number(list.body.total ?? list.body.items?.length ?? 0),
      };
    } catch (error) {
      throw new Error(`${String(error)}; the server's last lines:\n${server.tail()}`);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const max = (xs: number[]) => (xs.length ? Math.max(...xs) : Number.NaN);

const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) runs.push(await firstStart());
const pick = (f: (r: Run) => number) => median(runs.map(f)).toFixed(1);
console.log(
  `first start on ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}, ${RUNS} run(s), medians:`,
);
console.log('| step (seconds from the start of `npm start`) | time | CPU s (2 cores) |');
console.log('| --- | --- | --- |');
console.log(
  `| build done (\`npm run build\`) | ${process.env.SKIP_BUILD ? 'skipped' : `${pick((r) => r.buildS)} s`} | ${pick((r) => r.buildCpuS)} |`,
);
console.log(`| server listening | ${pick((r) => r.listeningS)} s | |`);
console.log(
  `| first healthy \`/api/health\` | ${pick((r) => r.healthyS)} s | server ${pick((r) => r.healthyCpuS)} |`,
);
console.log(`| signed in as town01, \`/api/grids.geojson\` answered | ${pick((r) => r.signedInMapS)} s | |`);
console.log(
  `| demo history complete (health \`demoHistory\`) | ${pick((r) => r.completeS)} s | server ${pick((r) => r.completeCpuS)} |`,
);
console.log(
  `| history written after healthy | ${pick((r) => r.completeS - r.healthyS)} s | ${pick((r) => r.completeCpuS - r.healthyCpuS)} |`,
);
// Same-run ratio: before issue 22 the server listened only once the history was written.
console.log(
  `| healthy ÷ history complete (the wait now vs. the old start's) | ${median(runs.map((r) => (100 * r.healthyS) / r.completeS)).toFixed(0)} % | |`,
);
const all = (f: (r: Run) => number[]) => runs.flatMap(f);
console.log(
  `| while written: health p50 / max | ${median(all((r) => r.healthMs)).toFixed(0)} / ${max(all((r) => r.healthMs)).toFixed(0)} ms | |`,
);
console.log(
  `| while written: case list (20) p50 / max | ${median(all((r) => r.listMs)).toFixed(0)} / ${max(all((r) => r.listMs)).toFixed(0)} ms | |`,
);
