import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPendingMigrations, openDatabase } from '@gridgov/db';
import pg from 'pg';

export interface ScratchDatabase {
  /** Set on the PostgreSQL pass: a database of its own, beside the shared test database. */
  databaseUrl?: string;
  /** Set on the PGlite pass: a directory on disk, so a process killed on it leaves real files. */
  pgliteDir?: string;
  drop: () => Promise<void>;
}

async function adminQuery(url: URL, sql: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A migrated database that only one test file uses, for tests that must own the whole database (the
 * demo town, a server process killed and restarted): `<TEST_DATABASE_URL's name>_<suffix>` on
 * PostgreSQL, a temporary PGlite directory otherwise.
 */
export async function createScratchDatabase(suffix: string): Promise<ScratchDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    const parent = await mkdtemp(join(tmpdir(), `gridgov-${suffix}-`));
    const pgliteDir = join(parent, 'pglite');
    const db = await openDatabase({ pgliteDir, maintenanceIntervalMs: 0 });
    try {
      await applyPendingMigrations(db.adapterFactory());
    } finally {
      await db.close();
    }
    return { pgliteDir, drop: () => rm(parent, { recursive: true, force: true }) };
  }
  const url = new URL(base);
  const name = `${url.pathname.slice(1)}_${suffix}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad scratch database name ${name}`);
  url.pathname = `/${name}`;
  await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(url, `CREATE DATABASE "${name}"`);
  const databaseUrl = url.toString();
  const db = await openDatabase({ databaseUrl, poolSize: 2 });
  try {
    await applyPendingMigrations(db.adapterFactory());
  } finally {
    await db.close();
  }
  return { databaseUrl, drop: () => adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
