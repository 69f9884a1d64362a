// What the process-separated benchmarks (overload.ts, request-cost.ts) share: the load generator in a
// process of its own pinned to core 1, RSS read from /proc, and a fresh PostgreSQL database per run.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { OverloadResult, OverloadSpec } from './overload-load';

/** autocannon (bench/overload-load.ts) pinned to core 1; resolves with its one JSON result line. */
export function runLoad(spec: OverloadSpec): Promise<OverloadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'taskset',
      ['-c', '1', process.execPath, '--import', 'tsx', 'bench/overload-load.ts', JSON.stringify(spec)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1)!) as OverloadResult);
    });
  });
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

/** The database named by `url`, dropped and created afresh; null (with a note) when PostgreSQL is unreachable. */
export async function prepareDatabaseUrl(
  url: string,
): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await run(`CREATE DATABASE "${name}"`);
  } catch (error) {
    console.log(`PostgreSQL skipped: ${(error as Error).message}`);
    return null;
  }
  return { url, drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
