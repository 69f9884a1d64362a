import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const ROOT = resolve(import.meta.dirname, '..', '..');

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

async function waitForHealth(url: string, server: ChildProcess, logs: string[]): Promise<void> {
  // First start seeds two years of demo history; on a busy machine that can take a few minutes.
  const deadline = Date.now() + (Number(process.env.E2E_SERVER_TIMEOUT_MS) || 900_000);
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${logs.join('')}`);
    try {
      // A probe must not hang on a busy server: each one gives up after 5 s and the loop tries again.
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      // The server answers within seconds; the tests also want the demo history written (issue 22).
      if (res.ok && ((await res.json()) as { demoHistory?: string }).demoHistory !== 'generating') return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not become healthy:\n${logs.join('')}`);
}

/** Starts the production build the way a user does (`npm run serve` after `npm run build`) on a fresh database. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'gridgov-e2e-'));
  const port = String(4100 + Math.floor(Math.random() * 800));
  const logs: string[] = [];
  const server = spawn(process.execPath, ['server/dist/index.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: port,
      HOST: '127.0.0.1',
      PGLITE_DIR: join(dataDir, 'pglite'),
      // Info: when the server is slow to come up, the failure shows how far seeding got.
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
      // One demo town every day (decision 021): the same draws, and its open cases overdue by now.
      DEMO_ANCHOR: process.env.DEMO_ANCHOR || '2026-12-07',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d) => logs.push(String(d)));
  server.stderr?.on('data', (d) => logs.push(String(d)));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server, logs);
  project.provide('baseUrl', baseUrl);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
