// What PostgreSQL's autovacuum does, for the embedded database, which has no autovacuum worker: PGlite
// is one backend in this process, so nothing ever gathers planner statistics or clears dead rows
// unless the process asks. Without statistics the planner takes a town's cases for a handful of rows
// and sorts all of them for every list page instead of reading the (townId, reportedAt) index in order
// (docs/decisions/015-pglite-maintenance.md). Autovacuum's thresholds and defaults, including its
// anti-wraparound rule; not its cost-based throttling (a pass runs to the end).
import type { PGlite } from '@electric-sql/pglite';

/** PostgreSQL's autovacuum defaults (autovacuum_*_threshold and *_scale_factor). */
export const AUTOVACUUM_RULES = {
  analyzeBase: 50,
  analyzeScale: 0.1,
  vacuumBase: 50,
  vacuumScale: 0.2,
  insertBase: 1000,
  insertScale: 0.2,
  /** autovacuum_freeze_max_age: past it a table is vacuumed whatever its activity (wraparound). */
  freezeMaxAge: 200_000_000,
} as const;

export interface TableActivity {
  /** Schema-qualified and quoted, ready for a statement. */
  table: string;
  /** Rows as of the last ANALYZE or VACUUM (-1 or 0 when never measured). */
  reltuples: number;
  deadRows: number;
  modifiedSinceAnalyze: number;
  insertedSinceVacuum: number;
  /** Transactions since its rows were last frozen (age of relfrozenxid). */
  xidAge: number;
  /** Its TOAST table's rows and dead rows (0 when it has none): autovacuum judges that table alone. */
  toastTuples: number;
  toastDeadRows: number;
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
      t.insertedSinceVacuum > r.insertBase + r.insertScale * rows ||
      t.xidAge > r.freezeMaxAge ||
      t.toastDeadRows > r.vacuumBase + r.vacuumScale * Math.max(0, t.toastTuples),
  };
}

/**
 * One pass over this schema's tables and the system catalogs (each ANALYZE rewrites rows of
 * `pg_statistic` and its TOAST table, whose dead rows would otherwise pile up): reads the activity counters and ANALYZEs
 * or VACUUMs each table past autovacuum's thresholds, one statement per table. Each statement waits
 * its turn on PGlite's single connection like any query, so never inside a transaction (VACUUM
 * cannot be).
 */
export async function maintainPglite(pglite: PGlite): Promise<MaintenanceReport> {
  const started = performance.now();
  // The backend publishes its activity counters when idle at most once a second: ask for the
  // next publication, which happens between this statement and the next.
  await pglite.query('SELECT pg_stat_force_next_flush()');
  const { rows } = await pglite.query<TableActivity>(
    `SELECT format('%I.%I', s.schemaname, s.relname) AS "table", c.reltuples::float8 AS reltuples,
        s.n_dead_tup::float8 AS "deadRows", s.n_mod_since_analyze::float8 AS "modifiedSinceAnalyze",
        s.n_ins_since_vacuum::float8 AS "insertedSinceVacuum", age(c.relfrozenxid)::float8 AS "xidAge",
        COALESCE(tc.reltuples, 0)::float8 AS "toastTuples", COALESCE(ts.n_dead_tup, 0)::float8 AS "toastDeadRows"
      FROM pg_stat_all_tables s JOIN pg_class c ON c.oid = s.relid
        LEFT JOIN pg_class tc ON tc.oid = c.reltoastrelid
        LEFT JOIN pg_stat_all_tables ts ON ts.relid = c.reltoastrelid
      WHERE s.schemaname IN (current_schema(), 'pg_catalog') AND c.relkind = 'r'
      ORDER BY s.schemaname <> current_schema(), s.relname`,
  );
  const report: MaintenanceReport = { analyzed: [], vacuumed: [], ms: 0 };
  for (const table of rows) {
    const due = maintenanceDue(table);
    if (due.vacuum) {
      await pglite.exec(`VACUUM ${due.analyze ? '(ANALYZE) ' : ''}${table.table}`);
      report.vacuumed.push(table.table);
      if (due.analyze) report.analyzed.push(table.table);
    } else if (due.analyze) {
      await pglite.exec(`ANALYZE ${table.table}`);
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
          runNow()
            .then((report) => options.onReport?.(report))
            .catch((error: unknown) => options.onError?.(error));
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
