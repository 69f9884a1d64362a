// Upgrade tests (issue 23): a database built from the migration files up to one point, filled with
// rows as they were then, before the next migration runs on them. Plain SQL, no Prisma client: the
// generated client only knows today's schema.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { MIGRATIONS_DIR } from './paths';

export interface BareDatabase {
  /** Runs a script of one or more statements (a migration file). */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** The migration directory names, oldest first. */
export function listMigrationNames(): string[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** The one migration whose name ends with `_<suffix>`. */
export function findMigrationName(suffix: string): string {
  const found = listMigrationNames().filter((n) => n.endsWith(`_${suffix}`));
  if (found.length !== 1) throw new Error(`expected one migration named *_${suffix}, found ${found.length}`);
  return found[0]!;
}

export function readMigrationSql(name: string): string {
  return readFileSync(join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');
}

/** Applies every migration older than `name` (exclusive). */
export async function migrateUpTo(db: BareDatabase, name: string): Promise<void> {
  for (const each of listMigrationNames().filter((n) => n < name)) await db.exec(readMigrationSql(each));
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
 * An empty database of the test's own: `<baseUrl's name>_<suffix>` on PostgreSQL (dropped on close),
 * an in-memory PGlite without a base URL.
 */
export async function openBareDatabase(baseUrl: string | undefined, suffix: string): Promise<BareDatabase> {
  if (!baseUrl) {
    const pglite = new PGlite();
    await pglite.waitReady;
    return {
      exec: async (sql) => {
        await pglite.exec(sql);
      },
      query: async <T>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
      close: () => pglite.close(),
    };
  }
  const url = new URL(baseUrl);
  const name = `${url.pathname.slice(1)}_${suffix}`;
  if (!/^[a-z0-9_]+$/.test(name) || !name.includes('test')) throw new Error(`bad test database name ${name}`);
  url.pathname = `/${name}`;
  await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(url, `CREATE DATABASE "${name}"`);
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    close: async () => {
      await client.end();
      await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
