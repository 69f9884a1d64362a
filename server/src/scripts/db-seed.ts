// `npm run db:seed` and `npm run db:reset`: the demo county and its case history, through the same
// code as the server's first start. Configured by the same environment (DATABASE_URL, PGLITE_DIR, …).
import { applyPendingMigrations, ensureReferenceData, openDatabase, resetDatabase } from '@gridgov/db';
import { seedEverything, writeDemoHistoryInBackground } from '../bootstrap';
import { loadConfig } from '../lib/config';
import { createAppContext } from '../lib/context';
import { createMemoryBus } from '../lib/events/memory-bus';
import { createLogger } from '../lib/logger';

async function main(command: string | undefined): Promise<void> {
  if (command !== 'seed' && command !== 'reset') throw new Error('usage: db-seed.ts seed|reset');
  const config = loadConfig();
  const logger = createLogger({ LOG_LEVEL: 'info' });
  // A short-lived command: no timed maintenance pass racing a reset.
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: config.PGLITE_DIR,
    maintenanceIntervalMs: 0,
  });
  try {
    if (command === 'reset') {
      await resetDatabase(db.adapterFactory());
      logger.info('database reset');
    }
    const applied = await applyPendingMigrations(db.adapterFactory());
    if (applied.length) logger.info({ applied }, 'applied migrations');
    // Seeding writes history rows directly and announces nothing: no live listener exists yet.
    const ctx = createAppContext(db, {
      config,
      logger,
      migrationNames: [],
      events: createMemoryBus(logger),
    });
    await ensureReferenceData(db.prisma);
    await seedEverything(ctx);
    // No server here: the history is written in the foreground.
    await writeDemoHistoryInBackground(ctx, db);
  } finally {
    await db.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
