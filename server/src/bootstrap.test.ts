// Start-up on the embedded database: migrations, the demo seed, then a maintenance pass, so the first
// request is planned with statistics (PGlite has no autovacuum; decision 015).
import { MEMORY_DIR } from '@gridgov/db';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { prepareDatabase, writeDemoHistoryInBackground } from './bootstrap';
import { loadConfig } from './lib/config';

// PGlite only (it ignores TEST_DATABASE_URL): the PostgreSQL run of the suite skips it.
describe.skipIf(process.env.TEST_DATABASE_URL)('server start on PGlite', () => {
  it('when the demo is seeded at start and its history written, then the tables have planner statistics', async () => {
    const logged: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => logged.push(line) });
    const config = loadConfig({
      NODE_ENV: 'test',
      PGLITE_DIR: MEMORY_DIR,
      SEED_DEMO: 'true',
      DEMO_HISTORY_CASES: '120',
      PGLITE_MAINTENANCE_SECONDS: '0',
    });
    const { db, ctx } = await prepareDatabase(config, logger);
    try {
      // As index.ts does once the server listens: the history, then a maintenance pass.
      await writeDemoHistoryInBackground(ctx, db);
      const rows = await db.sql.query<{ table: string; reltuples: number }>({
        text: `SELECT relname AS "table", reltuples::float8 AS reltuples FROM pg_class
          WHERE relname IN ('Case', 'Grid', 'Staff')`,
        values: [],
      });
      const grids = await db.prisma.grid.count();
      const cases = await db.prisma.case.count();
      const staff = await db.prisma.staff.count();
      expect(Object.fromEntries(rows.map((r) => [r.table, r.reltuples]))).toMatchObject({
        Case: cases,
        Grid: grids,
        Staff: staff,
      });
      expect(cases).toBe(120);
      expect(logged.some((line) => line.includes('embedded database maintenance'))).toBe(true);
      // Nothing of the app's changed since: a pass now leaves its tables alone (the statistics
      // catalog, which the first pass filled, may be analyzed in turn).
      const again = await db.maintain();
      expect([...again!.analyzed, ...again!.vacuumed].filter((t) => !t.startsWith('pg_catalog.'))).toEqual(
        [],
      );
    } finally {
      await ctx.events.close();
      await db.close();
    }
  }, 300_000);
});
