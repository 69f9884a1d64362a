import { randomUUID } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database at ${dir} is in use by another GridGov process (pid ${holderPid}). ` +
        'Stop that process, or point PGLITE_DIR at another directory.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** Who holds (or held) a generation of the lock. */
export interface LockHolder {
  pid: number;
  /** Start time of the process (Linux: clock ticks after boot, /proc/<pid>/stat field 22); null elsewhere. */
  start: string | null;
  /** Linux boot id: a lock written before a reboot is stale whatever its pid. */
  boot: string | null;
  host: string;
  token: string;
  released?: boolean;
}

const GENERATION = /^gen-(\d+)$/;
const MAX_ATTEMPTS = 50;

function readProcessStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function readBootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process that wrote a lock still holds it: not released, same machine and boot, the pid
 * alive and — where the system tells — started when the lock says (a reused pid is another process).
 * A lock from another host cannot be checked and counts as held.
 */
export function isHolderAlive(holder: LockHolder): boolean {
  if (holder.released) return false;
  if (holder.host !== hostname()) return true;
  const boot = readBootId();
  if (holder.boot && boot && holder.boot !== boot) return false;
  if (!isProcessAlive(holder.pid)) return false;
  const start = holder.start ? readProcessStart(holder.pid) : null;
  return !(start && start !== holder.start);
}

function describeSelf(token: string): LockHolder {
  return {
    pid: process.pid,
    start: readProcessStart(process.pid),
    boot: readBootId(),
    host: hostname(),
    token,
  };
}

function listGenerations(lockDir: string): number[] {
  return readdirSync(lockDir)
    .map((name) => GENERATION.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
}

function readHolder(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The lock file of versions before the generation scheme: respected while its process lives. */
function checkLegacyLock(dir: string): void {
  const legacy = join(dirname(dir), `.${basename(dir)}.lock`);
  if (!existsSync(legacy)) return;
  const pid = Number.parseInt(readFileSync(legacy, 'utf8'), 10);
  if (Number.isInteger(pid) && isProcessAlive(pid)) throw new DataDirLockedError(dir, pid);
}

/**
 * Takes an exclusive lock on a PGlite data directory: PGlite is one connection in one process, and
 * two processes opening the same files corrupt them.
 *
 * The lock is a directory of generations `gen-1`, `gen-2`, … beside the data directory; the highest
 * one is the lock, holding its owner's pid, process start time and boot id. Each generation is created
 * at most once, complete, by a hard link from a private file (fails if it exists, like O_EXCL), so
 * taking over a stale lock is one atomic step: create the next generation. Of any number of racing
 * starts exactly one creates it; none ever removes the file another process just created (the old
 * check-then-remove could). A start that read an outdated listing may create a lower generation; it
 * sees the higher one right after and backs off. The highest generation is never deleted — release
 * marks it released — so the number only grows. See docs/decisions/018.
 * Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const lockDir = join(dirname(dir), `.${basename(dir)}.locks`);
  mkdirSync(lockDir, { recursive: true });
  checkLegacyLock(dir);
  const self = describeSelf(randomUUID());
  const draft = join(lockDir, `draft-${self.token}`);
  writeFileSync(draft, JSON.stringify(self));
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const top = Math.max(0, ...listGenerations(lockDir));
      if (top > 0) {
        const holder = readHolder(join(lockDir, `gen-${top}`));
        if (!holder) continue; // Cleaned away by a newer generation's owner: look again.
        if (isHolderAlive(holder)) throw new DataDirLockedError(dir, holder.pid);
      }
      const mine = top + 1;
      const path = join(lockDir, `gen-${mine}`);
      try {
        linkSync(draft, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      if (Math.max(...listGenerations(lockDir)) > mine) {
        // Created from an outdated listing below the real lock: withdraw and look again.
        unlinkSync(path);
        continue;
      }
      for (const older of listGenerations(lockDir).filter((n) => n < mine)) {
        rmSync(join(lockDir, `gen-${older}`), { force: true });
      }
      return releaseFunction(lockDir, path, self);
    }
  } finally {
    rmSync(draft, { force: true });
  }
  throw new Error(`Could not lock ${dir}: the lock kept changing hands`);
}

function releaseFunction(lockDir: string, path: string, self: LockHolder): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // Replace the content in one step (rename), keeping the generation number in place.
    const draft = join(lockDir, `draft-${self.token}`);
    writeFileSync(draft, JSON.stringify({ ...self, released: true }));
    renameSync(draft, path);
  };
}
