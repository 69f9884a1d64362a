import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import { PrismaClient } from './generated/client';
import { PrismaPGliteWholeScripts, PrismaPgWholeScripts } from './migration-adapters';
import { type MaintenanceReport, scheduleMaintenance } from './pglite-maintenance';
import { createPgliteSqlClient, createPgSqlClient, type SqlClient } from './sql-client';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface DatabaseOptions {
  /** postgresql://… → real PostgreSQL through node-postgres; absent → embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory, or 'memory://' for a throw-away in-memory database. */
  pgliteDir?: string;
  /** Connection pool size for PostgreSQL. */
  poolSize?: number;
  /** Named prepared statements on the read fast path (default true; off behind PgBouncer's transaction mode). */
  prepareStatements?: boolean;
  /**
   * An idle pooled PostgreSQL connection failed (server restart, network): the pool drops it and
   * opens another when needed. Without a listener node-postgres would crash the process.
   */
  onPoolError?: (error: Error) => void;
  /**
   * PGlite only: how often to run an autovacuum pass (pglite-maintenance.ts), in ms; 0 runs it only
   * through `maintain()`. Default one minute, autovacuum's own naptime.
   */
  maintenanceIntervalMs?: number;
  /**
   * PGlite only: PostgreSQL's `shared_buffers` for the embedded database (e.g. '32MB'). PGlite's default
   * is PostgreSQL's 128MB, all of it resident in the process once touched; pages not kept there are
   * read from the data directory through the operating system's file cache (issue 21).
   */
  pgliteSharedBuffers?: string;
  /** PGlite only: a timed pass ANALYZEd or VACUUMed something. */
  onMaintenance?: (report: MaintenanceReport) => void;
  /** PGlite only: a timed pass failed (the next one tries again). */
  onMaintenanceError?: (error: unknown) => void;
}

const reportMaintenanceError = (error: unknown) =>
  console.error(`[db] the embedded database's maintenance pass failed: ${String(error)}`);

const reportPoolError = (error: Error) =>
  console.error(`[db] an idle PostgreSQL connection failed and was dropped: ${error.message}`);

export interface Database {
  prisma: PrismaClient;
  /** The read fast path on the same connections (sql-client.ts). */
  sql: SqlClient;
  kind: DatabaseKind;
  /** A fresh adapter factory for the schema engine (migrations, status, reset). */
  adapterFactory: () => SqlMigrationAwareDriverAdapterFactory;
  /**
   * Gathers planner statistics and clears dead rows where autovacuum would, now: on PGlite, which has
   * no autovacuum (pglite-maintenance.ts); null on PostgreSQL, whose autovacuum does it.
   */
  maintain: () => Promise<MaintenanceReport | null>;
  close: () => Promise<void>;
}

export const DEFAULT_MAINTENANCE_INTERVAL_MS = 60_000;

export const MEMORY_DIR = 'memory://';

/** Opens the database the configuration names. One code path for both engines. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const connectionString = options.databaseUrl;
    // One pool for Prisma and the read fast path, so the pool size is the connection budget.
    const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
    pool.on('error', options.onPoolError ?? reportPoolError);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      prisma,
      sql: createPgSqlClient(pool, { prepare: options.prepareStatements ?? true }),
      kind: 'postgresql',
      adapterFactory: () => new PrismaPgWholeScripts({ connectionString, max: 2 }),
      maintain: async () => null,
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }

  const dir = options.pgliteDir ?? './data/pglite';
  const isMemory = dir === MEMORY_DIR;
  let release = () => {};
  if (!isMemory) {
    const absolute = resolve(dir);
    release = lockDataDir(absolute);
    mkdirSync(absolute, { recursive: true });
  }
  try {
    // Memory inside PGlite's WebAssembly memory, which never shrinks (issue 21): the page cache as
    // configured; maintenance and WAL buffers only bound the high-water mark of bulk work (seeding, VACUUM).
    const startParams = options.pgliteSharedBuffers
      ? {
          startParams: [
            ...PGlite.defaultStartParams,
            ...['-c', `shared_buffers=${options.pgliteSharedBuffers}`],
            ...['-c', 'maintenance_work_mem=16MB', '-c', 'wal_buffers=1MB'],
          ],
        }
      : {};
    const pglite = isMemory ? new PGlite(startParams) : new PGlite(resolve(dir), startParams);
    await pglite.waitReady;
    const factory = new PrismaPGliteWholeScripts(pglite);
    const prisma = new PrismaClient({ adapter: factory });
    const maintenance = scheduleMaintenance(pglite, {
      intervalMs: options.maintenanceIntervalMs ?? DEFAULT_MAINTENANCE_INTERVAL_MS,
      onReport: (report) => {
        if (report.analyzed.length || report.vacuumed.length) options.onMaintenance?.(report);
      },
      onError: options.onMaintenanceError ?? reportMaintenanceError,
    });
    return {
      prisma,
      sql: createPgliteSqlClient(pglite),
      kind: 'pglite',
      adapterFactory: () => factory,
      maintain: maintenance.runNow,
      close: async () => {
        await maintenance.stop();
        await prisma.$disconnect();
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
