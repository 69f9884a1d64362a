import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
const LISTENING = /GridGov listening on http:\/\/[^\s]+:(\d+)/;

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<string>;
  /** The last log lines, for a failure message. */
  tail: () => string;
}

/**
 * The real server (`node --import tsx server/src/index.ts`) as a child process on a free loopback port,
 * resolved once it listens (or a bundle of it, `.mjs`, on plain node). `command` prefixes the node command (e.g. `taskset -c 0` in benchmarks);
 * `entry` is another script that logs the same "listening" line (bench/overload-server.ts).
 */
export function startServerProcess(
  env: Record<string, string>,
  options: { command?: string[]; nodeArgs?: string[]; entry?: string; startTimeoutMs?: number } = {},
): Promise<ServerProcess> {
  const [program, ...prefix] = [...(options.command ?? []), process.execPath];
  const entry = options.entry ?? 'server/src/index.ts';
  // A built bundle (.mjs, scripts/build-server.mjs) runs on plain node, as in production.
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const args = [...prefix, ...(options.nodeArgs ?? []), ...loader, entry];
  const child = spawn(program!, args, {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', TZ: process.env.TZ ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const remember = (line: string) => {
    lines.push(line);
    if (lines.length > 40) lines.shift();
  };
  const exited = new Promise<string>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? String(code))),
  );
  createInterface({ input: child.stderr! }).on('line', remember);
  const tail = () => lines.join('\n');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start in time:\n${tail()}`));
    }, options.startTimeoutMs ?? 240_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      remember(line);
      const port = LISTENING.exec(line)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${port}`, child, exited, tail });
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${how}) before listening:\n${tail()}`));
    });
  });
}
