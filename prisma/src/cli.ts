// `npm run db:*` — database tooling that works offline on PGlite and PostgreSQL alike.
// Reads DATABASE_URL / PGLITE_DIR / DEMO_PASSWORD from the environment like the server does.
import { openDatabase } from './database';
import { applyPendingMigrations, createMigration, readMigrationStatus } from './migrations';

const USAGE = `usage: tsx prisma/src/cli.ts <command>
  migrate           apply pending migrations
  migration <name>  write prisma/migrations/<timestamp>_<name>/migration.sql from schema.prisma
  status            list applied and pending migrations
(db:seed and db:reset live in server/src/scripts/db-seed.ts: the demo history needs the server's code)`;

function describeTarget(): string {
  return process.env.DATABASE_URL
    ? 'PostgreSQL (DATABASE_URL)'
    : `PGlite at ${process.env.PGLITE_DIR ?? './data/pglite'}`;
}

async function withDatabase<T>(
  run: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  // A short-lived command: no timed maintenance pass racing a reset or a migration.
  const db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    pgliteDir: process.env.PGLITE_DIR,
    maintenanceIntervalMs: 0,
  });
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, arg] = argv;
  switch (command) {
    case 'migration': {
      if (!arg) {
        console.error('usage: npm run db:migration -- <name>');
        return 2;
      }
      const dir = await createMigration(arg);
      console.log(dir ? `Created ${dir}` : 'schema.prisma matches the migrations: nothing to create.');
      return 0;
    }
    case 'migrate':
      return withDatabase(async (db) => {
        const applied = await applyPendingMigrations(db.adapterFactory());
        console.log(
          `${describeTarget()}: ${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'}`,
        );
        return 0;
      });
    case 'status':
      return withDatabase(async (db) => {
        const status = await readMigrationStatus(db.adapterFactory());
        console.log(`${describeTarget()}`);
        for (const name of status.local)
          console.log(`  ${status.pending.includes(name) ? 'pending' : 'applied'}  ${name}`);
        for (const problem of status.problems) console.log(`  problem  ${problem}`);
        console.log(`${status.applied.length} applied, ${status.pending.length} pending`);
        return status.problems.length ? 1 : 0;
      });
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
