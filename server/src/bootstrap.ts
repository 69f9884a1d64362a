import {
  applyPendingMigrations,
  type Database,
  ensureReferenceData,
  findUnappliedMigrations,
  openDatabase,
  readMigrationList,
  seedDemo,
} from '@gridgov/db';
import { beginDemoHistory, writeDemoHistory } from './features/demo/demo-history';
import { resolveHistoryEnd } from './features/demo/demo-timeline';
import { ensureStatsBuilt } from './features/stats/stats-rebuild';
import type { Config } from './lib/config';
import { type AppContext, createAppContext } from './lib/context';
import { createCaseEventBus } from './lib/events';
import type { Logger } from './lib/logger';

/**
 * The demo county, then the claim on its two years of case history (each skipped when already there).
 * The history itself is written by `writeDemoHistoryInBackground` once the server answers (issue 22).
 */
export async function seedEverything(ctx: AppContext): Promise<void> {
  const result = await seedDemo(ctx.prisma, { password: ctx.config.DEMO_PASSWORD });
  ctx.logger.info(result.summary);
  const end = resolveHistoryEnd(ctx.config.DEMO_ANCHOR, new Date());
  if (await beginDemoHistory(ctx, { cases: ctx.config.DEMO_HISTORY_CASES, end })) {
    ctx.logger.info('demo history: to be written after start (health says demoHistory "generating")');
  }
}

/**
 * Writes the claimed demo history while the server already answers; resolves when it is complete or has
 * failed (logged: the progress row stays incomplete and the next start resumes it).
 */
export async function writeDemoHistoryInBackground(ctx: AppContext, db?: Database): Promise<void> {
  const started = Date.now();
  try {
    const history = await writeDemoHistory(ctx, {
      // Each batch is committed with its progress: a start cut short here resumes where it stopped.
      onBatch: ({ casesDone, total }) => {
        if (casesDone % 1000 === 0 && casesDone < total)
          ctx.logger.info(`demo history: ${casesDone} of ${total}`);
      },
    });
    ctx.logger.info(`${history} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    // Thousands of new rows: planner statistics now rather than at the next timed pass (PGlite only).
    const report = await db?.maintain();
    if (report?.analyzed.length || report?.vacuumed.length)
      ctx.logger.info(report, 'embedded database maintenance');
  } catch (error) {
    ctx.logger.error(
      { err: error },
      'demo history stopped before it was complete; the next start resumes it',
    );
  }
}

/** Opens the database, applies pending migrations and seeds the demo town, as configured. */
export async function prepareDatabase(
  config: Config,
  logger: Logger,
): Promise<{ db: Database; ctx: AppContext }> {
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: config.PGLITE_DIR,
    poolSize: config.DB_POOL_SIZE,
    prepareStatements: config.DB_PREPARED_STATEMENTS,
    onPoolError: (error) =>
      logger.warn({ err: error }, 'an idle database connection failed; the pool replaces it'),
    maintenanceIntervalMs: config.PGLITE_MAINTENANCE_SECONDS * 1000,
    pgliteSharedBuffers: config.PGLITE_SHARED_BUFFERS,
    onMaintenance: (report) => logger.info(report, 'embedded database maintenance'),
    onMaintenanceError: (error) => logger.error({ err: error }, 'embedded database maintenance failed'),
  });
  try {
    const migrationNames = (await readMigrationList()).migrationDirectories.map((d) => d.path);
    // Most starts have nothing to apply: then the schema engine is never loaded (issue 21).
    if (config.MIGRATE_ON_START && (await findUnappliedMigrations(db.sql, migrationNames)).length) {
      const applied = await applyPendingMigrations(db.adapterFactory());
      if (applied.length) logger.info({ applied }, 'applied migrations');
    }
    const events = await createCaseEventBus({ databaseUrl: config.DATABASE_URL, logger });
    const ctx = createAppContext(db, {
      config,
      logger,
      migrationNames,
      events,
    });
    try {
      await ensureReferenceData(db.prisma);
      if (config.SEED_DEMO) await seedEverything(ctx);
      // A database that had cases before the statistics table existed gets it filled once.
      if (await ensureStatsBuilt(ctx.prisma)) logger.info('statistics built from the existing cases');
      // Seeded or migrated rows get planner statistics before the first request (PGlite only).
      // Not fatal: without it the server is slower, not wrong, and the timed pass tries again.
      await db.maintain().then(
        (report) => {
          if (report?.analyzed.length || report?.vacuumed.length) {
            logger.info(report, 'embedded database maintenance');
          }
        },
        (error: unknown) => logger.error({ err: error }, 'embedded database maintenance failed'),
      );
    } catch (error) {
      await events.close();
      throw error;
    }
    return { db, ctx };
  } catch (error) {
    await db.close();
    throw error;
  }
}
