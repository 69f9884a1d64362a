// What PostgreSQL's autovacuum does, for the embedded database, which has no autovacuum worker: PGlite
// is one backend in this process, so nothing ever gathers planner statistics or clears dead rows
// unless the process asks. Without statistics the planner takes a town's cases for a handful of rows
// and sorts all of them for every list page instead of reading the (townId, reportedAt) index in order
// (docs/decisions/015-pglite-maintenance.md). Same rule and defaults as autovacuum's.
import type { PGlite } from '@electric-sql/pglite';

/** PostgreSQL's autovacuum defaults (autovacuum_*_threshold and *_scale_factor). */
export const AUTOVACUUM_RULES = {
  analyzeBase: 50,
  analyzeScale: 0.1,
  vacuumBase: 50,
  vacuumScale: 0.2,
  insertBase: 1000,
  insertScale: 0.2,
} as const;

export interface TableActivity {
  table: string;
  /** Rows as of the last ANALYZE or VACUUM (-1 or 0 when never measured). */
  reltuples: number;
  deadRows: number;
  modifiedSinceAnalyze: number;
  insertedSinceVacuum: number;
}

export interface MaintenanceReport {
  /** Tables ANALYZEd (alone, or by VACUUM (ANALYZE)). */
  analyzed: string[];
  /** Tables VACUUMed. */
  vacuumed: string[];
  ms: number;
}

/** What autovacuum would do to a table now: nothing, ANALYZE, or VACUUM (with ANALYZE when due too). */
export function maintenanceDue(t: TableActivity): { analyze: boolean; vacuum: boolean } {
  const rows = Math.max(0, t.reltuples);
  const r = AUTOVACUUM_RULES;
  return {
    analyze: t.modifiedSinceAnalyze > r.analyzeBase + r.analyzeScale * rows,
    vacuum:
      t.deadRows > r.vacuumBase + r.vacuumScale * rows ||
      t.insertedSinceVacuum > r.insertBase + r.insertScale * rows,
  };
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * One autovacuum pass over this schema's tables: reads the activity counters and ANALYZEs or VACUUMs
 * each table past autovacuum's thresholds, one statement per table. Each statement waits its turn on
 * PGlite's single connection like any query, so never inside a transaction (VACUUM cannot be).
 */
export async function maintainPglite(pglite: PGlite): Promise<MaintenanceReport> {
  const started = performance.now();
  // The backend publishes its activity counters when idle at most once a second: ask for the
  // next publication, which happens between this statement and the next.
  await pglite.query('SELECT pg_stat_force_next_flush()');
  const { rows } = await pglite.query<TableActivity>(
    `SELECT s.relname AS "table", c.reltuples::float8 AS reltuples, s.n_dead_tup::float8 AS "deadRows",
        s.n_mod_since_analyze::float8 AS "modifiedSinceAnalyze",
        s.n_ins_since_vacuum::float8 AS "insertedSinceVacuum"
      FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
      WHERE s.schemaname = current_schema()
      ORDER BY s.relname`,
  );
  const report: MaintenanceReport = { analyzed: [], vacuumed: [], ms: 0 };
  for (const table of rows) {
    const due = maintenanceDue(table);
    if (due.vacuum) {
      await pglite.exec(`VACUUM ${due.analyze ? '(ANALYZE) ' : ''}${quoteIdent(table.table)}`);
      report.vacuumed.push(table.table);
      if (due.analyze) report.analyzed.push(table.table);
    } else if (due.analyze) {
      await pglite.exec(`ANALYZE ${quoteIdent(table.table)}`);
      report.analyzed.push(table.table);
    }
  }
  report.ms = performance.now() - started;
  return report;
}

export interface MaintenanceSchedule {
  /** Runs a pass now (or joins the one running) and reports it. */
  runNow: () => Promise<MaintenanceReport>;
  /** Stops the timer and waits for a running pass to end. */
  stop: () => Promise<void>;
}

/**
 * A pass every `intervalMs` (0: only when asked), never two at once. The timer does not keep the
 * process alive; a failed pass is reported and the next one tries again.
 */
export function scheduleMaintenance(
  pglite: PGlite,
  options: {
    intervalMs: number;
    onReport?: ((report: MaintenanceReport) => void) | undefined;
    onError?: ((error: unknown) => void) | undefined;
  },
): MaintenanceSchedule {
  let running: Promise<MaintenanceReport> | undefined;
  let stopped = false;
  const runNow = () => {
    running ??= maintainPglite(pglite).finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer =
    options.intervalMs > 0
      ? setInterval(() => {
          if (stopped) return;
          runNow().then(
            (report) => options.onReport?.(report),
            (error: unknown) => options.onError?.(error),
          );
        }, options.intervalMs)
      : undefined;
  timer?.unref();
  return {
    runNow,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
