import {
  applyPendingMigrations,
  type Database,
  ensureReferenceData,
  openDatabase,
  readMigrationList,
  seedDemo,
} from '@gridgov/db';
import type { Config } from './lib/config';
import type { AppContext } from './lib/context';
import type { Logger } from './lib/logger';

/** Opens the database, applies pending migrations and seeds the demo town, as configured. */
export async function prepareDatabase(
  config: Config,
  logger: Logger,
): Promise<{ db: Database; ctx: AppContext }> {
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: config.PGLITE_DIR,
    poolSize: config.DB_POOL_SIZE,
  });
  try {
    const migrationNames = (await readMigrationList()).migrationDirectories.map((d) => d.path);
    if (config.MIGRATE_ON_START) {
      const applied = await applyPendingMigrations(db.adapterFactory());
      if (applied.length) logger.info({ applied }, 'applied migrations');
    }
    await ensureReferenceData(db.prisma);
    if (config.SEED_DEMO) {
      const result = await seedDemo(db.prisma, { password: config.DEMO_PASSWORD });
      logger.info(result.summary);
    }
    return { db, ctx: { prisma: db.prisma, dbKind: db.kind, config, logger, migrationNames } };
  } catch (error) {
    await db.close();
    throw error;
  }
}
