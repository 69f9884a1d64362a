import { PGlite } from '@electric-sql/pglite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MEMORY_DIR, openDatabase } from './database';
import { maintainPglite, maintenanceDue, scheduleMaintenance } from './pglite-maintenance';

/** The pass's report for this schema's tables (catalogs such as pg_class change with every DDL). */
const own = (tables: string[]) => tables.filter((t) => t.startsWith('public.'));

const activity = (over: Partial<Parameters<typeof maintenanceDue>[0]>) => ({
  table: 't',
  reltuples: 10_000,
  deadRows: 0,
  modifiedSinceAnalyze: 0,
  insertedSinceVacuum: 0,
  xidAge: 1000,
  toastTuples: 0,
  toastDeadRows: 0,
  ...over,
});

describe('autovacuum thresholds', () => {
  it('analyzes past 50 + 10 % of the rows changed, vacuums past 50 + 20 % dead or 1000 + 20 % inserted', () => {
    expect(maintenanceDue(activity({ modifiedSinceAnalyze: 1050 }))).toEqual({
      analyze: false,
      vacuum: false,
    });
    expect(maintenanceDue(activity({ modifiedSinceAnalyze: 1051 }))).toEqual({
      analyze: true,
      vacuum: false,
    });
    expect(maintenanceDue(activity({ deadRows: 2051 }))).toEqual({ analyze: false, vacuum: true });
    expect(maintenanceDue(activity({ deadRows: 2050 }))).toEqual({ analyze: false, vacuum: false });
    expect(maintenanceDue(activity({ insertedSinceVacuum: 3001 }))).toEqual({ analyze: false, vacuum: true });
    // Its TOAST table by its own size: 50 + 20 % of 100 rows.
    expect(maintenanceDue(activity({ toastTuples: 100, toastDeadRows: 71 }))).toEqual({
      analyze: false,
      vacuum: true,
    });
    expect(maintenanceDue(activity({ toastTuples: 100, toastDeadRows: 70 })).vacuum).toBe(false);
  });

  it('vacuums a table whose rows were last frozen 200 million transactions ago, however quiet', () => {
    expect(maintenanceDue(activity({ xidAge: 200_000_001 }))).toEqual({ analyze: false, vacuum: true });
    expect(maintenanceDue(activity({ xidAge: 199_999_999 }))).toEqual({ analyze: false, vacuum: false });
  });

  it('a table never measured (reltuples -1) counts as empty', () => {
    expect(maintenanceDue(activity({ reltuples: -1, modifiedSinceAnalyze: 51 }))).toEqual({
      analyze: true,
      vacuum: false,
    });
  });
});

describe('PGlite maintenance pass', () => {
  let pglite: PGlite;
  beforeEach(async () => {
    pglite = new PGlite();
    await pglite.exec(`
      CREATE TABLE big (id int PRIMARY KEY, town int NOT NULL, at int NOT NULL, v text NOT NULL);
      CREATE INDEX big_town ON big (town, at);
      CREATE TABLE small (id int PRIMARY KEY);
      INSERT INTO small VALUES (1), (2);`);
  });
  afterEach(async () => {
    await pglite.close();
  });

  const reltuples = async (table: string) =>
    (
      await pglite.query<{ n: number }>(`SELECT reltuples::float8 AS n FROM pg_class WHERE relname = $1`, [
        table,
      ])
    ).rows[0]?.n;

  it('when rows were bulk-inserted, then it gathers statistics and the planner reads the index in order', async () => {
    await pglite.exec(`INSERT INTO big SELECT g, 1, g, repeat('x', 300) FROM generate_series(1, 2000) g`);
    const plan = async () =>
      (
        await pglite.query<{ 'QUERY PLAN': string }>(
          'EXPLAIN SELECT * FROM big WHERE town = 1 ORDER BY at DESC LIMIT 51',
        )
      ).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    expect(await reltuples('big')).toBe(-1);
    // Without statistics the planner takes the town for a few dozen rows and sorts all of them.
    expect(await plan()).toMatch(/Sort/);

    const report = await maintainPglite(pglite);

    expect(own(report.analyzed)).toEqual(['public.big']);
    expect(own(report.vacuumed)).toEqual(['public.big']); // 2000 inserts > 1000: autovacuum's insert rule
    expect(await reltuples('big')).toBe(2000);
    expect(await plan()).not.toMatch(/Sort/);
    expect(await plan()).toMatch(/Index Scan Backward using big_town/);
    // Nothing has changed since: the next pass does nothing.
    const again = await maintainPglite(pglite);
    expect([own(again.analyzed), own(again.vacuumed)]).toEqual([[], []]);
  });

  it('when a fifth of the rows died, then it vacuums the table and the dead rows are gone', async () => {
    await pglite.exec(`INSERT INTO big SELECT g, 0, g, 'x' FROM generate_series(1, 5000) g`);
    await maintainPglite(pglite);
    await pglite.exec(`UPDATE big SET v = 'y' WHERE id <= 1500`);

    const report = await maintainPglite(pglite);

    expect(own(report.vacuumed)).toEqual(['public.big']);
    expect(own(report.analyzed)).toEqual(['public.big']);
    await pglite.query('SELECT pg_stat_force_next_flush()');
    const { rows } = await pglite.query<{ dead: number }>(
      `SELECT n_dead_tup::int AS dead FROM pg_stat_user_tables WHERE relname = 'big'`,
    );
    expect(rows[0]?.dead).toBe(0);
  });

  it('when tables are analyzed again and again, then the statistics catalog is vacuumed too and stays small', async () => {
    await pglite.exec(
      `INSERT INTO big SELECT g, g % 7, g, repeat(md5(g::text), 20) FROM generate_series(1, 3000) g`,
    );
    const vacuumedCatalog: boolean[] = [];
    for (let round = 0; round < 40; round++) {
      await pglite.exec(`UPDATE big SET v = v || 'x' WHERE id % 2 = ${round % 2}`);
      const report = await maintainPglite(pglite);
      vacuumedCatalog.push(report.vacuumed.includes('pg_catalog.pg_statistic'));
    }
    expect(vacuumedCatalog).toContain(true);
    await pglite.query('SELECT pg_stat_force_next_flush()');
    const { rows } = await pglite.query<{ dead: number; toastDead: number }>(
      `SELECT s.n_dead_tup::int AS dead, t.n_dead_tup::int AS "toastDead"
        FROM pg_stat_all_tables s JOIN pg_class c ON c.oid = s.relid
        JOIN pg_stat_all_tables t ON t.relid = c.reltoastrelid
        WHERE s.relid = 'pg_catalog.pg_statistic'::regclass`,
    );
    // Bounded by the thresholds, not by the number of passes (4 columns re-analyzed each round).
    expect(rows[0]!.dead).toBeLessThan(200);
    expect(rows[0]!.toastDead).toBeLessThan(200);
  });

  it('waits for an open transaction instead of failing (VACUUM cannot run inside one)', async () => {
    await pglite.exec(`INSERT INTO big SELECT g, 0, g, 'x' FROM generate_series(1, 3000) g`);
    let releaseTransaction = () => {};
    const held = new Promise<void>((resolve) => {
      releaseTransaction = resolve;
    });
    const transaction = pglite.transaction(async (tx) => {
      await tx.query('INSERT INTO small VALUES (3)');
      await held;
    });
    const pass = maintainPglite(pglite);
    await new Promise((resolve) => setTimeout(resolve, 50));
    releaseTransaction();
    await transaction;
    expect(own((await pass).vacuumed)).toEqual(['public.big']);
  });

  it('a scheduled pass runs on its own, never twice at once, and stop waits for it', async () => {
    await pglite.exec(`INSERT INTO big SELECT g, 0, g, 'x' FROM generate_series(1, 3000) g`);
    const reports: string[][] = [];
    const schedule = scheduleMaintenance(pglite, {
      intervalMs: 20,
      onReport: (report) => reports.push(own(report.analyzed)),
    });
    try {
      const [a, b] = [schedule.runNow(), schedule.runNow()];
      expect(a).toBe(b);
      await a;
      await expect.poll(() => reports.length, { timeout: 2000 }).toBeGreaterThan(0);
      expect(await reltuples('big')).toBe(3000);
    } finally {
      await schedule.stop();
    }
  });
});

describe('Database.maintain', () => {
  it('on PGlite runs a pass now; the timed pass is off with interval 0', async () => {
    const db = await openDatabase({ pgliteDir: MEMORY_DIR, maintenanceIntervalMs: 0 });
    try {
      await db.prisma.$executeRawUnsafe('CREATE TABLE t (id int PRIMARY KEY)');
      await db.prisma.$executeRawUnsafe('INSERT INTO t SELECT generate_series(1, 100)');
      const report = await db.maintain();
      expect(report?.analyzed).toContain('public.t');
    } finally {
      await db.close();
    }
  });
});
