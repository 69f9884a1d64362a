import { applyPendingMigrations, openDatabase } from '@gridgov/db';
import pg from 'pg';

/** With TEST_DATABASE_URL: drop and re-create that database, then migrate it once for all files. */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
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
