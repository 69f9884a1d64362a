import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';
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
    const dir = join(mkdtempSync(join(tmpdir(), 'gridgov-lock-')), 'pglite');
    const lockFile = join(dir, '..', '.pglite.lock');
    writeFileSync(lockFile, '999999999');
    const release = lockDataDir(dir);
    release();
    expect(existsSync(lockFile)).toBe(false);
  });

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
