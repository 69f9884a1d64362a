#!/usr/bin/env node
// Finds (or installs) the system Chromium, then runs the e2e suite against the production build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';

function hasApt() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

if (!existsSync(chromium)) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && hasApt() && !process.env.CHROMIUM_PATH) {
    console.log(`Chromium not found at ${chromium}: installing it (${INSTALL})`);
    const result = spawnSync('sh', ['-c', `${INSTALL.replace('apt-get update', 'apt-get update -qq')} -qq`], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0 || !existsSync(chromium)) {
      console.error('Installing Chromium failed; the e2e tests cannot run.');
      process.exit(1);
    }
  } else {
    console.error(
      `The e2e tests need Chromium, and none was found at ${chromium}.\n` +
        `Install it with:\n  sudo ${INSTALL}\n` +
        'or set CHROMIUM_PATH to an existing Chromium or Chrome binary, then run npm test again.',
    );
    process.exit(1);
  }
}

if (!existsSync('client/dist/index.html')) {
  console.log('No client build found: building it first (npm run build)');
  if (spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' }).status !== 0) process.exit(1);
} else if (spawnSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' }).status !== 0) {
  // The server bundle takes a second: always from the current source, never a stale one.
  process.exit(1);
}

const report = process.env.GRIDGOV_E2E_REPORT
  ? ['--reporter=default', '--reporter=json', `--outputFile.json=${process.env.GRIDGOV_E2E_REPORT}`]
  : [];
const result = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'e2e/vitest.config.ts', ...report, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium },
  },
);
process.exit(result.status ?? 1);
