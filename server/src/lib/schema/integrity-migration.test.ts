// Issue 23: the foreign-key migration on rows written before it, on PGlite and on PostgreSQL.
import {
  type BareDatabase,
  findMigrationName,
  migrateUpTo,
  openBareDatabase,
  readMigrationSql,
} from '@gridgov/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertLegacyWorld, LEGACY } from './legacy-world';

const MIGRATION = findMigrationName('integrity_foreign_keys');
let db: BareDatabase;

// One database for the file (built from every migration, slow on PGlite); each test works in a
// transaction rolled back after it (PostgreSQL DDL is transactional).
beforeAll(async () => {
  db = await openBareDatabase(process.env.TEST_DATABASE_URL, 'fk_upgrade');
  await migrateUpTo(db, MIGRATION);
  await insertLegacyWorld(db);
});
afterAll(() => db?.close());
afterEach(() => db.exec('ROLLBACK'));

/** The legacy rows as they were before this migration, inside a transaction of the test's own. */
async function legacyDatabase(): Promise<BareDatabase> {
  await db.exec('BEGIN');
  return db;
}

describe('integrity_foreign_keys migration', { timeout: 120_000 }, () => {
  it('when existing rows are sound, then it applies: event towns follow their case, orphan retry keys go, the rest stays', async () => {
    const legacy = await legacyDatabase();
    await legacy.exec(readMigrationSql(MIGRATION));
    const events = await legacy.query<{ seq: number; townId: string }>(
      `SELECT seq, "townId" FROM "CaseEvent" WHERE "caseId" = $1 ORDER BY seq`,
      [LEGACY.firstCase],
    );
    expect(events).toEqual([
      { seq: 1, townId: LEGACY.town },
      { seq: 2, townId: LEGACY.town },
    ]);
    const keys = await legacy.query<{ key: string }>(`SELECT key FROM "IdempotencyKey"`);
    expect(keys).toEqual([{ key: 'kept' }]);
    expect(await legacy.query(`SELECT count(*)::int AS n FROM "AuditLog"`)).toEqual([{ n: 2 }]);
    expect(
      await legacy.query(`SELECT "duplicateOfId" FROM "Case" WHERE id = $1`, [LEGACY.secondCase]),
    ).toEqual([{ duplicateOfId: LEGACY.firstCase }]);
  });

  it.each([
    [
      'Case.escalatedById',
      `UPDATE "Case" SET "escalatedById" = '${LEGACY.ghost}' WHERE id = '${LEGACY.firstCase}'`,
    ],
    [
      'Case.extensionById',
      `UPDATE "Case" SET "extensionById" = '${LEGACY.ghost}' WHERE id = '${LEGACY.firstCase}'`,
    ],
    [
      'Case.duplicateOfId',
      `UPDATE "Case" SET "duplicateOfId" = '${LEGACY.ghost}' WHERE id = '${LEGACY.secondCase}'`,
    ],
    ['AuditLog.actorId', `UPDATE "AuditLog" SET "actorId" = '${LEGACY.ghost}' WHERE "actorId" IS NOT NULL`],
    ['AuditLog.townId', `UPDATE "AuditLog" SET "townId" = '${LEGACY.ghost}' WHERE "townId" IS NOT NULL`],
  ])(
    'when %s names nothing, then the migration refuses, names the column, and changes nothing',
    async (column, spoil) => {
      const legacy = await legacyDatabase();
      await legacy.exec(spoil);
      await legacy.exec('SAVEPOINT before_migration');
      await expect(legacy.exec(readMigrationSql(MIGRATION))).rejects.toThrow(
        new RegExp(`integrity_foreign_keys refused: .*${column.replace('.', '\\.')} names no`),
      );
      await legacy.exec('ROLLBACK TO SAVEPOINT before_migration');
      // Nothing of it remains: the repairs after the check were not kept either.
      expect(await legacy.query(`SELECT count(*)::int AS n FROM "IdempotencyKey"`)).toEqual([{ n: 3 }]);
    },
  );

  it('when applied, then deleting a person who acted or was assigned is refused, not rewritten to null', async () => {
    const legacy = await legacyDatabase();
    await legacy.exec(readMigrationSql(MIGRATION));
    await legacy.exec('SAVEPOINT refused');
    await expect(legacy.exec(`DELETE FROM "Staff" WHERE id = '${LEGACY.leader}'`)).rejects.toThrow(
      /foreign key constraint/,
    );
    await legacy.exec('ROLLBACK TO SAVEPOINT refused');
    await legacy.exec(`DELETE FROM "CaseEvent" WHERE "assigneeId" IS NOT NULL`);
    await legacy.exec(
      `UPDATE "Case" SET "assigneeId" = NULL, "extensionById" = NULL, "reporterId" = '${LEGACY.leader}'`,
    );
    await legacy.exec(`DELETE FROM "CaseEvent" WHERE "actorId" = '${LEGACY.worker}'`);
    await legacy.exec(`DELETE FROM "AuditLog" WHERE "actorId" = '${LEGACY.worker}'`);
    // No longer named anywhere in history: now it may go, and its retry keys go with it.
    await legacy.exec(`DELETE FROM "Staff" WHERE id = '${LEGACY.worker}'`);
    expect(await legacy.query(`SELECT count(*)::int AS n FROM "IdempotencyKey"`)).toEqual([{ n: 0 }]);
  });
});
