// The read fast path must read and write instants exactly as Prisma does, whatever the server's TZ.
import { type Database, MAX_PGLITE_PREPARED_STATEMENTS, MEMORY_DIR, openDatabase } from '@gridgov/db';
import { createStaff, createTestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../testing/test-database';

let db: Database;
const originalTz = process.env.TZ;

beforeAll(async () => {
  db = await openTestDatabase();
  // A server in China: instants must come back exact (they are timestamptz since issue 23).
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(async () => {
  process.env.TZ = originalTz;
  await db?.close();
});

describe('SqlClient', () => {
  it('when a timestamptz is read, then it is the same instant whatever the session and process zones', async () => {
    const [row] = await db.sql.query<{ t: Date; json: { t: string } }>({
      text: `SELECT '2026-01-02 11:04:05.678+08'::timestamptz(3) AS t,
        json_build_object('t', '2026-01-02 11:04:05.678+08'::timestamptz(3)) AS json`,
      values: [],
    });
    expect(row!.t).toBeInstanceOf(Date);
    expect(row!.t.toISOString()).toBe('2026-01-02T03:04:05.678Z');
    // Inside JSON (the case page's aggregates): text with its offset, exact once parsed.
    expect(new Date(row!.json.t).toISOString()).toBe('2026-01-02T03:04:05.678Z');
  });

  it('when a Date is a parameter, then a timestamptz comparison uses the same instant', async () => {
    const at = new Date('2026-05-01T12:00:00.000Z');
    const [row] = await db.sql.query<{ same: boolean; t: Date }>({
      text: `SELECT $1::timestamptz(3) = '2026-05-01 20:00:00+08'::timestamptz AS same, $1::timestamptz(3) AS t`,
      values: [at],
    });
    expect(row).toEqual({ same: true, t: at });
  });

  it('when the schema is read, then every instant column is timestamptz (issue 23)', async () => {
    const rows = await db.sql.query<{ column: string }>({
      text: `SELECT table_name || '.' || column_name AS column FROM information_schema.columns
        WHERE table_schema = current_schema() AND data_type = 'timestamp without time zone'`,
      values: [],
    });
    expect(rows).toEqual([]);
  });

  it('when Prisma writes a row, then the fast path reads the same values, arrays included', async () => {
    const town = await createTestTown(db.prisma);
    const staff = await createStaff(db.prisma, { regionId: town.townId, roles: [] });
    const stored = await db.prisma.staff.findUniqueOrThrow({
      where: { id: staff.id },
      select: { id: true, createdAt: true, name: true },
    });
    const rows = await db.sql.query<{ id: string; createdAt: Date; name: string }>({
      text: 'SELECT id, "createdAt", name FROM "Staff" WHERE id = ANY($1::uuid[])',
      values: [[staff.id, town.townLeader.id]],
    });
    expect(rows.find((r) => r.id === staff.id)).toEqual(stored);
    expect(rows).toHaveLength(2);
  });

  it('when the same statement runs again with other values, then each run answers its own values', async () => {
    const statement = (n: number) => ({ text: 'SELECT $1::int + 1 AS n', values: [n] });
    const answers = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => db.sql.query<{ n: number }>(statement(n))),
    );
    expect(answers.map(([r]) => r!.n)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    'when PostgreSQL drops an idle pooled connection, then the process survives and the next query works',
    async () => {
      const failures: Error[] = [];
      const local = await openDatabase({
        databaseUrl: process.env.TEST_DATABASE_URL,
        poolSize: 1,
        onPoolError: (error) => failures.push(error),
      });
      try {
        const [own] = await local.sql.query<{ pid: number }>({
          text: 'SELECT pg_backend_pid() AS pid',
          values: [],
        });
        await db.sql.query({ text: 'SELECT pg_terminate_backend($1::int)', values: [own!.pid] });
        await vi.waitFor(() => expect(failures).toHaveLength(1));
        const [again] = await local.sql.query<{ n: number }>({ text: 'SELECT 2 AS n', values: [] });
        expect(again!.n).toBe(2);
      } finally {
        await local.close();
      }
    },
  );

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    'when prepared statements are on, then the connection keeps them; when off (PgBouncer), none',
    async () => {
      const count = 'SELECT count(*)::int AS n FROM pg_prepared_statements';
      for (const prepareStatements of [true, false]) {
        const local = await openDatabase({
          databaseUrl: process.env.TEST_DATABASE_URL,
          poolSize: 1,
          prepareStatements,
        });
        try {
          await local.sql.query({ text: 'SELECT $1::int AS one', values: [1] });
          const [row] = await local.sql.query<{ n: number }>({ text: count, values: [] });
          // With them on, the count statement is itself prepared by the time it runs.
          expect(row!.n).toBe(prepareStatements ? 2 : 0);
        } finally {
          await local.close();
        }
      }
    },
  );

  it('when parameters are arrays, null, booleans, numbers, objects or bytes, then they arrive as PostgreSQL reads them', async () => {
    const [row] = await db.sql.query<Record<string, unknown>>({
      text: `SELECT $1::text[] AS texts, $2::text IS NULL AS missing, $3::boolean AS yes, $4::int + 1 AS n,
        $5::jsonb ->> 'name' AS name, array_length($6::uuid[], 1) AS empty, $7::text AS plain,
        encode($8::bytea, 'hex') AS bytes`,
      values: [
        ['a"b', 'c\\d', '{x,y}', null, ''],
        null,
        true,
        41,
        { name: '张伟' },
        [],
        "it's",
        Buffer.from([0, 1, 254, 255]),
      ],
    });
    expect(row).toEqual({
      texts: ['a"b', 'c\\d', '{x,y}', null, ''],
      missing: true,
      yes: true,
      n: 42,
      name: '张伟',
      empty: null,
      plain: "it's",
      bytes: '0001feff',
    });
  });

  it('when a statement fails, then the error says why and the same text then runs normally', async () => {
    const text = 'SELECT $1::uuid AS id';
    // Parsed (and prepared), then the value fails: the name must still count as prepared.
    await expect(db.sql.query({ text, values: ['not-a-uuid'] })).rejects.toThrow(
      /invalid input syntax for type uuid/,
    );
    const id = '01a22a37-2e26-777c-958d-73e54129e4ae';
    await expect(db.sql.query({ text, values: [id] })).resolves.toEqual([{ id }]);
    // A text that never parsed is tried afresh each time.
    await expect(db.sql.query({ text: 'SELEC 1', values: [] })).rejects.toThrow(/syntax error/);
    await expect(db.sql.query({ text: 'SELEC 1', values: [] })).rejects.toThrow(/syntax error/);
    await expect(db.sql.query({ text: 'SELECT 1 AS one', values: [] })).resolves.toEqual([{ one: 1 }]);
  });

  it('when the same text runs again, then it is not parsed again: it runs as a prepared statement', async () => {
    // One connection on PostgreSQL too, so the catalog asked is the connection's that ran the text.
    const url = process.env.TEST_DATABASE_URL;
    const local = url ? await openDatabase({ databaseUrl: url, poolSize: 1 }) : db;
    try {
      const text = 'SELECT $1::int * 2 AS doubled';
      await local.sql.query({ text, values: [1] });
      await local.sql.query({ text, values: [2] });
      const rows = await local.sql.query<{ statement: string; name: string }>({
        text: 'SELECT statement, name FROM pg_prepared_statements WHERE statement = $1',
        values: [text],
      });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.name).toMatch(/^gg_[0-9a-f]{24}$/);
    } finally {
      if (local !== db) await local.close();
    }
  });

  // PGlite's one connection: the read must wait for the open transaction (on PostgreSQL it runs at
  // once on another connection).
  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    'when a statement waits behind a transaction, then it sees the transaction only once committed',
    async () => {
      const town = await createTestTown(db.prisma);
      const before = await db.prisma.region.findUniqueOrThrow({
        where: { id: town.townId },
        select: { name: true },
      });
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const transaction = db.prisma.$transaction(async (tx) => {
        await tx.region.update({ where: { id: town.townId }, data: { name: 'renamed-in-tx' } });
        await held;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const read = db.sql.query<{ name: string }>({
        text: 'SELECT name FROM "Region" WHERE id = $1::uuid',
        values: [town.townId],
      });
      release();
      await transaction;
      const [row] = await read;
      expect(row!.name).toBe('renamed-in-tx');
      expect(before.name).not.toBe('renamed-in-tx');
    },
  );

  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    'when more texts are used than PGlite keeps prepared, then the least recently used are closed and still run',
    async () => {
      const local = await openDatabase({ pgliteDir: MEMORY_DIR, maintenanceIntervalMs: 0 });
      try {
        const text = (i: number) => `SELECT ${i} + $1::int AS n`;
        await local.sql.query({ text: text(0), values: [1] });
        for (let i = 1; i <= MAX_PGLITE_PREPARED_STATEMENTS + 20; i++) {
          await local.sql.query({ text: text(i), values: [1] });
          // Text 0 stays recently used, so it is never the one closed.
          if (i % 10 === 0) await local.sql.query({ text: text(0), values: [1] });
        }
        const kept = await local.sql.query<{ statement: string }>({
          text: 'SELECT statement FROM pg_prepared_statements',
          values: [],
        });
        expect(kept).toHaveLength(MAX_PGLITE_PREPARED_STATEMENTS);
        expect(kept.map((k) => k.statement)).toContain(text(0));
        expect(kept.map((k) => k.statement)).not.toContain(text(1));
        // A closed one is prepared again when it comes back.
        await expect(local.sql.query({ text: text(1), values: [1] })).resolves.toEqual([{ n: 2 }]);
      } finally {
        await local.close();
      }
      await expect(local.sql.query({ text: 'SELECT 1', values: [] })).rejects.toThrow(/closed/);
    },
  );
});
