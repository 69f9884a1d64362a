import { applyPendingMigrations, type Database, MEMORY_DIR, openDatabase } from '@gridgov/db';

/**
 * The database a test file runs against: the PostgreSQL database prepared by global-setup when
 * TEST_DATABASE_URL is set, otherwise a fresh in-memory PGlite with the migrations applied.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return openDatabase({ databaseUrl: url, poolSize: 4 });
  // Plans as on a fresh database, the same in every run: no timed maintenance pass mid-test.
  const db = await openDatabase({ pgliteDir: MEMORY_DIR, maintenanceIntervalMs: 0 });
  await applyPendingMigrations(db.adapterFactory());
  return db;
}
