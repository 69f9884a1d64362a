// The read fast path: one SQL statement straight on the driver, for the two reads every busy request
// makes (the session with its roles, and the case list page). Prisma's raw-query pipeline costs
// more CPU per row than the query itself on these pages, and on PostgreSQL a named prepared statement
// saves planning the list's six-table join on every request. See docs/decisions/014-read-fast-path.md.
// Writes and transactions stay on Prisma.
import { createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { serialize } from 'pg-protocol';

/** A statement in PostgreSQL's numbered-parameter form (what `Prisma.sql` gives as `text`/`values`). */
export interface SqlStatement {
  text: string;
  values: readonly unknown[];
}

export interface SqlClient {
  /**
   * Runs one read-only statement and returns its rows. Timestamps (`timestamptz`) come back as `Date`,
   * bigint columns as strings or numbers, json columns parsed.
   */
  query<T>(statement: SqlStatement): Promise<T[]>;
}

/**
 * PostgreSQL: distinct statement texts prepared by name per process. The texts come from a few query
 * builders (filters and scope sizes vary them), so this bounds what each pooled connection keeps
 * prepared (a list page's plan holds ~350 KB) even if some caller produced texts without end; past
 * it, statements run unnamed.
 */
export const MAX_PREPARED_STATEMENTS = 200;

/** PGlite: prepared statements kept, least recently used closed first (its memory never shrinks). */
export const MAX_PGLITE_PREPARED_STATEMENTS = 100;

/**
 * node-postgres with its own type parsing: every instant is `timestamptz` (issue 23), which PostgreSQL
 * writes with its offset, so no zone has to be assumed when reading one.
 */
export function createPgSqlClient(
  pool: pg.Pool,
  options: { prepare: boolean } = { prepare: true },
): SqlClient {
  const prepared = new Set<string>();
  return {
    async query<T>(statement: SqlStatement): Promise<T[]> {
      const name = options.prepare ? statementName(statement.text) : '';
      const named = name !== '' && (prepared.has(name) || prepared.size < MAX_PREPARED_STATEMENTS);
      if (named) prepared.add(name);
      const result = await pool.query({
        ...(named ? { name } : {}),
        text: statement.text,
        values: statement.values as unknown[],
      } as pg.QueryConfig);
      return result.rows as T[];
    },
  };
}

/** The name a statement text is prepared under (the same on every connection). */
function statementName(text: string): string {
  return `gg_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
}

/** A parameter in PostgreSQL's text format (what node-postgres would send for it). */
export function toPgText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  // An instant with its zone (Z): exact for `timestamptz`.
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.map(arrayElement).join(',')}}`;
  // bytea's hex form, as node-postgres sends a Buffer.
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function arrayElement(value: unknown): string {
  const text = toPgText(value);
  if (text === null) return 'NULL';
  if (Array.isArray(value)) return text;
  return `"${text.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}

interface ProtocolMessage {
  name: string;
  fields?: unknown[];
}

/**
 * PGlite: one connection, so the same mutexes as Prisma's queries and transactions order these (a
 * statement waits for an open transaction to end). Each statement is one protocol exchange — Parse
 * (the first time only: then prepared by name, like on PostgreSQL, so it is neither parsed nor
 * planned again), Bind, Describe, Execute, Sync — where `pglite.query` makes six, and parses and
 * plans every time. Results are converted with PGlite's own type parsers.
 */
export function createPgliteSqlClient(
  pglite: PGlite,
  options: { prepare: boolean } = { prepare: true },
): SqlClient {
  // Insertion order is recency: a statement used again moves to the end.
  const prepared = new Map<string, true>();
  const parsers = pglite.parsers;
  return {
    async query<T>(statement: SqlStatement): Promise<T[]> {
      if (pglite.closed) throw new Error('The embedded database is closed');
      const name = options.prepare ? statementName(statement.text) : '';
      const values = statement.values.map(toPgText);
      // Decided inside the lock: a concurrent call may be preparing the same text right now.
      const results = await pglite._runExclusiveTransaction(() =>
        pglite._runExclusiveQuery(async () => {
          const isPrepared = prepared.delete(name);
          if (isPrepared) prepared.set(name, true);
          const evict =
            name !== '' && !isPrepared && prepared.size >= MAX_PGLITE_PREPARED_STATEMENTS
              ? prepared.keys().next().value
              : undefined;
          if (evict !== undefined) prepared.delete(evict);
          const message = Buffer.concat([
            ...(evict === undefined ? [] : [serialize.close({ type: 'S', name: evict })]),
            ...(isPrepared ? [] : [serialize.parse({ name, text: statement.text })]),
            serialize.bind({ statement: name, values }),
            serialize.describe({ type: 'P' }),
            serialize.execute({}),
            serialize.sync(),
          ]);
          const { messages } = await pglite.execProtocol(message, { syncToFs: false, throwOnError: false });
          const received = messages as unknown as ProtocolMessage[];
          // Parsed even when Bind or Execute then failed: the name is taken either way.
          if (name !== '' && !isPrepared && received.some((m) => m.name === 'parseComplete')) {
            prepared.set(name, true);
          }
          return received;
        }),
      );
      const failure = results.find((m) => m.name === 'error');
      if (failure) throw failure;
      return rowsOf<T>(results, parsers);
    },
  };
}

function rowsOf<T>(
  messages: ProtocolMessage[],
  parsers: Record<number, (text: string, typeId: number) => unknown>,
): T[] {
  const description = messages.find((m) => m.name === 'rowDescription') as
    | { fields: { name: string; dataTypeID: number }[] }
    | undefined;
  if (!description) return [];
  const columns = description.fields.map((field) => ({
    name: field.name,
    typeId: field.dataTypeID,
    parse: parsers[field.dataTypeID],
  }));
  const rows: T[] = [];
  for (const message of messages) {
    if (message.name !== 'dataRow') continue;
    const row: Record<string, unknown> = {};
    const values = message.fields as (string | null)[];
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const text = values[i] ?? null;
      row[column.name] = text === null || !column.parse ? text : column.parse(text, column.typeId);
    }
    rows.push(row as T);
  }
  return rows;
}
