// The read fast path: one SQL statement straight on the driver, for the two reads every busy request
// makes (the session with its roles, and the case list page). Prisma's raw-query pipeline costs
// more CPU per row than the query itself on these pages, and on PostgreSQL a named prepared statement
// saves planning the list's six-table join on every request. See docs/decisions/014-read-fast-path.md.
// Writes and transactions stay on Prisma.
import { createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

/** A statement in PostgreSQL's numbered-parameter form (what `Prisma.sql` gives as `text`/`values`). */
export interface SqlStatement {
  text: string;
  values: readonly unknown[];
}

export interface SqlClient {
  /**
   * Runs one read-only statement and returns its rows. Timestamps come back as `Date` (UTC, as Prisma
   * stores them), bigint columns as strings or numbers, json columns parsed.
   */
  query<T>(statement: SqlStatement): Promise<T[]>;
}

/**
 * Distinct statement texts prepared by name per process. The texts come from a few query builders
 * (filters and scope sizes vary them), so this bounds what each pooled connection keeps prepared even
 * if some caller produced texts without end; past it, statements run unnamed.
 */
export const MAX_PREPARED_STATEMENTS = 500;

const TIMESTAMP_OID = 1114;

/**
 * Prisma keeps `DateTime` in `timestamp(3)` columns as UTC wall time, which PostgreSQL writes without
 * a zone (`2026-01-02 03:04:05.678` as a column, `2026-01-02T03:04:05.678` inside JSON).
 */
export function parseUtcTimestamp(text: string): Date {
  const iso = text.replace(' ', 'T');
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
}

/** node-postgres with per-query type parsing (never the global parsers Prisma's adapter relies on). */
export function createPgSqlClient(
  pool: pg.Pool,
  types: typeof pg.types,
  options: { prepare: boolean } = { prepare: true },
): SqlClient {
  const prepared = new Set<string>();
  const queryTypes = {
    getTypeParser: ((oid: number, format?: string) =>
      oid === TIMESTAMP_OID
        ? parseUtcTimestamp
        : types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser,
  };
  return {
    async query<T>(statement: SqlStatement): Promise<T[]> {
      const name = options.prepare
        ? `gg_${createHash('sha1').update(statement.text).digest('hex').slice(0, 24)}`
        : '';
      const named = name !== '' && (prepared.has(name) || prepared.size < MAX_PREPARED_STATEMENTS);
      if (named) prepared.add(name);
      const result = await pool.query({
        ...(named ? { name } : {}),
        text: statement.text,
        // A Date goes as ISO UTC: `timestamp` parameters take the wall time and ignore the offset.
        values: statement.values.map((v) => (v instanceof Date ? v.toISOString() : v)),
        types: queryTypes,
      } as pg.QueryConfig);
      return result.rows as T[];
    },
  };
}

/**
 * PGlite: one connection, so the same mutex as Prisma's queries and transactions orders these. Its
 * own parser reads `timestamp` as local time, which is wrong wherever TZ is not UTC.
 */
export function createPgliteSqlClient(pglite: PGlite): SqlClient {
  const options = { parsers: { [TIMESTAMP_OID]: parseUtcTimestamp } };
  return {
    async query<T>(statement: SqlStatement): Promise<T[]> {
      const result = await pglite.query<T>(statement.text, [...statement.values], options);
      return result.rows;
    },
  };
}
