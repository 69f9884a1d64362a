// The read fast path must read and write instants exactly as Prisma does, whatever the server's TZ.
import { type Database, openDatabase } from '@gridgov/db';
import { createStaff, createTestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../testing/test-database';

let db: Database;
const originalTz = process.env.TZ;

beforeAll(async () => {
  db = await openTestDatabase();
  // A server in China: node-postgres and PGlite would both read `timestamp` columns as local time.
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(async () => {
  process.env.TZ = originalTz;
  await db?.close();
});

describe('SqlClient', () => {
  it('when a timestamp column is read, then it is the UTC instant Prisma stored', async () => {
    const [row] = await db.sql.query<{ t: Date }>({
      text: `SELECT '2026-01-02 03:04:05.678'::timestamp(3) AS t`,
      values: [],
    });
    expect(row!.t).toBeInstanceOf(Date);
    expect(row!.t.toISOString()).toBe('2026-01-02T03:04:05.678Z');
  });

  it('when a Date is a parameter, then a timestamp comparison uses the same instant', async () => {
    const at = new Date('2026-05-01T12:00:00.000Z');
    const [row] = await db.sql.query<{ same: boolean; t: Date }>({
      text: `SELECT $1::timestamp(3) = '2026-05-01 12:00:00'::timestamp AS same, $1::timestamp(3) AS t`,
      values: [at],
    });
    expect(row).toEqual({ same: true, t: at });
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
});
