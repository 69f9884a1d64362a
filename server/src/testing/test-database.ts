import { applyPendingMigrations, type Database, MEMORY_DIR, openDatabase } from '@gridgov/db';
import pg from 'pg';

/** Drops and re-creates the PostgreSQL database of `url` (its name must contain `test`), migrated. */
export async function recreateTestDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name) || !name.includes('test')) {
    throw new Error(
      `TEST_DATABASE_URL must name a dedicated test database (got "${name}"); it is dropped and re-created`,
    );
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const db = await openDatabase({ databaseUrl: url, poolSize: 2 });
  try {
    await applyPendingMigrations(db.adapterFactory());
  } finally {
    await db.close();
  }
}

/**
 * A PostgreSQL database of the file's own beside TEST_DATABASE_URL (`<name>_<suffix>`), created and
 * migrated now, for tests that must see no other file's writes; undefined on PGlite (already private).
 */
export async function createPrivateTestDatabase(suffix: string): Promise<string | undefined> {
  const shared = process.env.TEST_DATABASE_URL;
  if (!shared) return undefined;
  const url = new URL(shared);
  url.pathname = `${url.pathname}_${suffix}`;
  await recreateTestDatabase(url.toString());
  return url.toString();
}

/**
 * The database a test file runs against: the PostgreSQL database prepared by global-setup when
 * TEST_DATABASE_URL is set, otherwise a fresh in-memory PGlite with the migrations applied.
 */
export async function openTestDatabase(url = process.env.TEST_DATABASE_URL): Promise<Database> {
  if (url) return openDatabase({ databaseUrl: url, poolSize: 4 });
  // Plans as on a fresh database, the same in every run: no timed maintenance pass mid-test.
  const db = await openDatabase({ pgliteDir: MEMORY_DIR, maintenanceIntervalMs: 0 });
  await applyPendingMigrations(db.adapterFactory());
  return db;
}
