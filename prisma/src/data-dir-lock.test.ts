import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, type LockHolder, lockDataDir } from './data-dir-lock';
import { openDatabase } from './database';

const OPEN_SCRIPT = `
import { openDatabase } from './prisma/src/database.ts';
try {
  const db = await openDatabase({ pgliteDir: process.argv[1] });
  await db.close();
  console.log('opened');
} catch (error) {
  console.error(error.message);
  process.exit(3);
}`;

const CONTEND_SCRIPT = `
import { lockDataDir } from './prisma/src/data-dir-lock.ts';
let release;
try {
  release = lockDataDir(process.argv[1]);
  process.stdout.write('won\\n');
} catch (error) {
  process.stdout.write(error.name === 'DataDirLockedError' ? 'locked\\n' : \`failed \${error.message}\\n\`);
}
process.stdin.resume();
process.stdin.on('end', () => {
  release?.();
  process.exit(0);
});`;

function freshDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'gridgov-lock-')), 'pglite');
}

function readStart(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
}

/** A lock as a process would have left it (generation 3 of the lock directory). */
function plantLock(dir: string, holder: Pick<LockHolder, 'pid' | 'start'>): void {
  const lockDir = join(dir, '..', '.pglite.locks');
  mkdirSync(lockDir, { recursive: true });
  const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  const record: LockHolder = { ...holder, boot, host: hostname(), token: 'planted' };
  writeFileSync(join(lockDir, 'gen-3'), JSON.stringify(record));
}

describe('PGlite data directory lock', () => {
  it('when a second process opens a directory in use, then it exits with a clear error and leaves the files alone', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'gridgov-lock-')), 'pglite');
    const db = await openDatabase({ pgliteDir: dir });
    try {
      const before = readdirSync(dir).sort();
      const second = spawnSync(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', OPEN_SCRIPT, dir],
        {
          cwd: join(import.meta.dirname, '..', '..'),
          encoding: 'utf8',
        },
      );
      expect(second.status).toBe(3);
      expect(second.stderr).toContain(`in use by another GridGov process (pid ${process.pid})`);
      expect(readdirSync(dir).sort()).toEqual(before);
    } finally {
      await db.close();
    }
    // Released on close: the next opener gets it.
    const again = await openDatabase({ pgliteDir: dir });
    await again.close();
  });

  it('when the lock was left by a process that died, then it is taken over', () => {
    const dir = freshDir();
    plantLock(dir, { pid: 999_999_999, start: '1' });
    const release = lockDataDir(dir);
    release();
    // Released: the next start takes it.
    lockDataDir(dir)();
  });

  it('when the lock names a live pid that a later process reused, then it is taken over', () => {
    const dir = freshDir();
    plantLock(dir, { pid: process.ppid, start: '1' });
    const release = lockDataDir(dir);
    release();
  });

  it('when the lock names a live process with its own start time, then the start stops', () => {
    const dir = freshDir();
    plantLock(dir, { pid: process.ppid, start: readStart(process.ppid) });
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });

  it('when a lock file of an older version names a live process, then the start stops', () => {
    const dir = freshDir();
    writeFileSync(join(dir, '..', '.pglite.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });

  it.each([
    ['a free directory', () => {}],
    ['a stale lock of a dead process', (dir: string) => plantLock(dir, { pid: 999_999_999, start: '1' })],
  ])(
    'when %s is locked by many starts at once, then exactly one wins',
    async (_, arrange) => {
      const dir = freshDir();
      arrange(dir);
      const contenders = Array.from({ length: 8 }, () =>
        spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CONTEND_SCRIPT, dir], {
          cwd: join(import.meta.dirname, '..', '..'),
          stdio: ['pipe', 'pipe', 'inherit'],
        }),
      );
      // Each says won or locked, then holds on until its stdin closes: the winner keeps the lock meanwhile.
      const outcomes = await Promise.all(
        contenders.map(
          (child) =>
            new Promise<string>((resolve) => {
              let out = '';
              child.stdout.on('data', (chunk: Buffer) => {
                out += chunk.toString();
                if (out.includes('\n')) resolve(out.trim());
              });
              child.on('exit', () => resolve(out.trim() || 'exited'));
            }),
        ),
      );
      for (const child of contenders) child.stdin.end();
      await Promise.all(contenders.map((child) => new Promise((resolve) => child.on('close', resolve))));
      expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'locked')).toHaveLength(contenders.length - 1);
    },
    60_000,
  );

  it('when the same process opens a directory twice, then the second open fails', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'gridgov-lock-')), 'pglite');
    const release = lockDataDir(dir);
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    } finally {
      release();
    }
  });
});
