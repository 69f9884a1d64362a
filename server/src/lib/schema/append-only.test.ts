// Issue 23: the timeline and the audit log refuse change in the database, on PGlite and PostgreSQL,
// except through an audited correction (docs/decisions/020-database-integrity-and-distribution-keys.md).
import { type BareDatabase, findMigrationName, readMigrationSql } from '@gridgov/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LEGACY, openLegacyDatabase } from './legacy-world';

const MIGRATION = findMigrationName('append_only_history');
const FIRST_EVENT = '00000000-0000-7000-8000-000000000020';
const THIRD_EVENT = '00000000-0000-7000-8000-000000000022';
let db: BareDatabase;

// One database for the file (built from every migration, slow on PGlite): each test runs in a
// transaction rolled back after it, except where a commit is the point.
beforeAll(async () => {
  db = await openLegacyDatabase(MIGRATION, 'append_only');
  await db.exec(readMigrationSql(MIGRATION));
});
afterAll(() => db?.close());
afterEach(() => db.exec('ROLLBACK'));

/** The legacy rows with this migration applied, inside a transaction of the test's own. */
async function historyDatabase(): Promise<BareDatabase> {
  await db.exec('BEGIN');
  return db;
}

describe('append-only history', { timeout: 120_000 }, () => {
  it.each([
    ['CaseEvent', 'UPDATE', `UPDATE "CaseEvent" SET note = 'rewritten' WHERE id = '${FIRST_EVENT}'`],
    ['CaseEvent', 'DELETE', `DELETE FROM "CaseEvent" WHERE id = '${FIRST_EVENT}'`],
    ['CaseEvent', 'TRUNCATE', `TRUNCATE "CaseEvent"`],
    ['AuditLog', 'UPDATE', `UPDATE "AuditLog" SET summary = 'rewritten'`],
    ['AuditLog', 'DELETE', `DELETE FROM "AuditLog"`],
    ['AuditLog', 'TRUNCATE', `TRUNCATE "AuditLog"`],
  ])('when %s takes a plain %s, then it is refused and every row stays', async (table, verb, statement) => {
    const before = await db.query(`SELECT * FROM "${table}" ORDER BY id`);
    expect(before.length).toBeGreaterThan(0);
    // Outside any transaction of the test's: a refusal must not depend on one.
    await expect(db.exec(statement)).rejects.toThrow(`"${table}" is append-only: ${verb} refused`);
    expect(await db.query(`SELECT * FROM "${table}" ORDER BY id`)).toEqual(before);
  });

  it('when new rows are appended, then they are accepted', async () => {
    const history = await historyDatabase();
    await history.exec(`INSERT INTO "CaseEvent" (id, "caseId", "townId", seq, kind, "actorId", "toStatus")
      VALUES ('00000000-0000-7000-8000-000000000029', '${LEGACY.firstCase}', '${LEGACY.town}', 3, 'accept',
        '${LEGACY.leader}', 'accepted')`);
    expect(await history.query(`SELECT count(*)::int AS n FROM "CaseEvent"`)).toEqual([{ n: 4 }]);
  });

  it('when a correction is opened with a reason, then the change goes through and the audit log keeps the row before and after, who and why', async () => {
    const history = await historyDatabase();
    // Committed: the point is that the correction ends with its transaction.
    await history.exec(`SELECT gridgov_begin_history_correction('工单备注写错了人名', '${LEGACY.leader}');
      UPDATE "CaseEvent" SET note = '已更正' WHERE id = '${THIRD_EVENT}';
      COMMIT;`);
    expect(await history.query(`SELECT note FROM "CaseEvent" WHERE id = $1`, [THIRD_EVENT])).toEqual([
      { note: '已更正' },
    ]);
    const entries = await history.query<Record<string, unknown>>(
      `SELECT "actorId", "actorName", action, entity, "entityId", "townId", summary,
        before ->> 'note' AS "noteBefore", after ->> 'note' AS "noteAfter"
       FROM "AuditLog" WHERE action LIKE 'history.%' AND "entityId" = $1`,
      [THIRD_EVENT],
    );
    expect(entries).toHaveLength(1);
    const entry = entries[0];
    expect(entry).toEqual({
      actorId: LEGACY.leader,
      actorName: '旧组长',
      action: 'history.update',
      entity: 'CaseEvent',
      entityId: THIRD_EVENT,
      townId: LEGACY.town,
      summary: '工单备注写错了人名',
      noteBefore: null,
      noteAfter: '已更正',
    });
    await expect(history.exec(`DELETE FROM "CaseEvent" WHERE id = '${THIRD_EVENT}'`)).rejects.toThrow(
      /append-only: DELETE refused/,
    );
  });

  it('when a correction deletes an audit entry, then a new entry records the deleted one', async () => {
    const history = await historyDatabase();
    await history.exec(`SELECT gridgov_begin_history_correction('erasure request 42');
      DELETE FROM "AuditLog" WHERE action = 'staff.update';`);
    const rows = await history.query<{ action: string; deleted: string | null; actorName: string }>(
      `SELECT action, before ->> 'action' AS deleted, "actorName" FROM "AuditLog"
       WHERE action IN ('staff.update', 'history.delete')`,
    );
    expect(rows.map((r) => [r.action, r.deleted])).toEqual([['history.delete', 'staff.update']]);
    // No person named: the database role that ran it.
    expect(rows[0]!.actorName).not.toBe('');
  });

  it.each([
    ['an empty reason', `SELECT gridgov_begin_history_correction('  ')`, /needs a reason/],
    [
      'an unknown person',
      `SELECT gridgov_begin_history_correction('r', '${LEGACY.ghost}')`,
      /does not exist/,
    ],
  ])('when a correction has %s, then it is refused', async (_what, call, message) => {
    const history = await historyDatabase();
    await expect(history.exec(call)).rejects.toThrow(message);
  });
});
