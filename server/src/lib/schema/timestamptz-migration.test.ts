// Issue 23: timestamp(3) → timestamptz(3) keeps every instant exact, whatever the session's zone, on
// PGlite and PostgreSQL.
import { type BareDatabase, findMigrationName, readMigrationSql } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLegacyDatabase } from './legacy-world';

const MIGRATION = findMigrationName('timestamptz');
let db: BareDatabase;

beforeAll(async () => {
  db = await openLegacyDatabase(MIGRATION, 'tstz');
  // A server configured for China: a plain type change would read the old values as China time.
  await db.exec(`SET TimeZone = 'Asia/Shanghai'`);
  await db.exec(readMigrationSql(MIGRATION));
});
afterAll(() => db?.close());

/** An instant written in UTC, whatever the session's zone. */
const utc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')`;

describe('timestamptz migration', { timeout: 120_000 }, () => {
  it('when legacy UTC wall times are converted under a China session, then every instant is the one stored', async () => {
    expect(
      await db.query(`SELECT number, ${utc('"reportedAt"')} AS reported, ${utc('"updatedAt"')} AS updated
        FROM "Case" ORDER BY number`),
    ).toEqual([
      { number: '2026-000001', reported: '2026-01-02 03:04:05.678', updated: '2026-01-02 03:04:05.678' },
      { number: '2026-000002', reported: '2026-06-30 16:00:00.000', updated: '2026-06-30 16:00:00.000' },
    ]);
    expect(await db.query(`SELECT ${utc('at')} AS at FROM "AuditLog" ORDER BY at`)).toEqual([
      { at: '2026-03-04 05:06:07.089' },
      { at: '2026-03-04 05:06:08.000' },
    ]);
    expect(
      await db.query(`SELECT seq, ${utc('"createdAt"')} AS at FROM "CaseEvent"
        WHERE "caseId" = '00000000-0000-7000-8000-000000000010' ORDER BY seq`),
    ).toEqual([
      { seq: 1, at: '2026-01-02 03:04:05.678' },
      { seq: 2, at: '2026-01-02 04:00:00.000' },
    ]);
    // The same instant read in the session's zone: China is UTC+8.
    expect(
      await db.query(
        `SELECT to_char("reportedAt", 'YYYY-MM-DD HH24:MI:SS TZH') AS local FROM "Case" ORDER BY number`,
      ),
    ).toEqual([{ local: '2026-01-02 11:04:05 +08' }, { local: '2026-07-01 00:00:00 +08' }]);
  });

  it('when the schema is read, then no instant column is left without its zone', async () => {
    const left = await db.query(`SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type = 'timestamp without time zone'`);
    expect(left).toEqual([]);
    const converted = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type = 'timestamp with time zone'`);
    expect(converted).toEqual([{ n: 38 }]);
  });
});
