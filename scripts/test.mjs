#!/usr/bin/env node
// `npm test`: everything a change must pass, in order, stopping at the first failure.
//   lint + format → typecheck → unit and API tests on PGlite → API tests on PostgreSQL →
//   client bundle budget → browser e2e on the production build.
import { spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';

const DEFAULT_PG_URL = 'postgresql://postgres@127.0.0.1:5432/gridgov_test';

function run(title, command, args, env = {}) {
  console.log(`\n━━ ${title}\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${result.status ?? result.signal})`);
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
run('unit and API tests on embedded PGlite', 'npx', ['vitest', 'run'], { TEST_DATABASE_URL: '' });

const pgUrl = await choosePostgresUrl();
if (pgUrl) {
  run(
    `API tests on PostgreSQL (${pgUrl.replace(/\/\/[^@]*@/, '//…@')})`,
    'npx',
    ['vitest', 'run', '--project', 'server'],
    {
      TEST_DATABASE_URL: pgUrl,
    },
  );
} else {
  console.log(
    '\n━━ API tests on PostgreSQL: SKIPPED — no server on 127.0.0.1:5432; set TEST_DATABASE_URL to run them',
  );
}

run('build the client', 'npm', ['run', 'build', '--silent']);
run('browser e2e (Chromium, production build)', 'node', ['e2e/run.mjs']);
console.log('\n✓ all checks passed');
