#!/usr/bin/env node
// `npm test`: everything a change must pass, in order, stopping at the first failure.
//   lint + format → typecheck → unit and API tests on PGlite → mutation score → API tests on PostgreSQL →
//   client build → bundle budget → browser e2e on the production build. Ends with one tally line over
//   every Vitest run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reportDir = mkdtempSync(join(tmpdir(), 'gridgov-test-'));
let reportCount = 0;
/** Vitest arguments that also write a JSON report, read back for the final tally. */
function jsonReportArgs() {
  reportCount += 1;
  return [
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${join(reportDir, `run-${reportCount}.json`)}`,
  ];
}

function tally() {
  let passed = 0;
  let failed = 0;
  for (let i = 1; i <= reportCount; i++) {
    const file = join(reportDir, `run-${i}.json`);
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
  return { passed, failed };
}

const DEFAULT_PG_URL = 'postgresql://postgres@127.0.0.1:5432/gridgov_test';

function run(title, command, args, env = {}) {
  console.log(`\n━━ ${title}\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    const { passed, failed } = tally();
    console.error(`\n✗ ${title} failed (exit ${result.status ?? result.signal})`);
    console.error(`tests: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(result.status || 1);
  }
}

function canConnect(host, port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function choosePostgresUrl() {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  if (await canConnect('127.0.0.1', 5432)) return DEFAULT_PG_URL;
  if (process.env.REQUIRE_POSTGRES === '1') {
    console.error(
      'REQUIRE_POSTGRES=1 but no PostgreSQL answers on 127.0.0.1:5432 and TEST_DATABASE_URL is unset',
    );
    process.exit(1);
  }
  return null;
}

run('generate Prisma client', 'node', ['prisma/scripts/generate.mjs']);
run('lint and format (Biome)', 'npx', ['biome', 'ci', '.']);
run('typecheck', 'npm', ['run', 'typecheck', '--silent']);
run('unit and API tests on embedded PGlite', 'npx', ['vitest', 'run', ...jsonReportArgs()], {
  TEST_DATABASE_URL: '',
});

// Mutation score of the domain and access rules (docs/testing.md): incremental against the committed
// stryker-incremental.json, so only mutants whose code or tests changed run again; fails below
// `thresholds.break` in stryker.config.mjs.
run('mutation testing, incremental (Stryker)', 'npx', ['stryker', 'run']);

const pgUrl = await choosePostgresUrl();
if (pgUrl) {
  run(
    `API tests on PostgreSQL, TZ=Asia/Shanghai (${pgUrl.replace(/\/\/[^@]*@/, '//…@')})`,
    'npx',
    ['vitest', 'run', '--project', 'server', ...jsonReportArgs()],
    {
      TEST_DATABASE_URL: pgUrl,
      // The deployments' own time zone: instants must not shift when the server is not on UTC
      // (the PGlite run above stays on the machine's zone).
      TZ: 'Asia/Shanghai',
    },
  );
} else {
  console.log(
    '\n━━ API tests on PostgreSQL: SKIPPED — no server on 127.0.0.1:5432; set TEST_DATABASE_URL to run them',
  );
}

run('build the client', 'npm', ['run', 'build', '--silent']);
run('initial route JavaScript ≤ 170 KB gzip', 'node', ['scripts/check-bundle.mjs']);
const e2eReportFile = jsonReportArgs()[2].split('=')[1];
run('browser e2e (Chromium, production build)', 'node', ['e2e/run.mjs'], {
  GRIDGOV_E2E_REPORT: e2eReportFile,
});
const { passed, failed } = tally();
rmSync(reportDir, { recursive: true, force: true });
console.log('\n✓ all checks passed');
console.log(`tests: ${passed} passed, ${failed} failed`);
