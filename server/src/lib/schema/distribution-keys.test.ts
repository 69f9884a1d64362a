// Issue 23, docs/decisions/020: the town-sharded tables keep the keys a distributed PostgreSQL (Citus)
// needs, read from the catalog of a migrated database (PGlite and PostgreSQL).
import type { Database } from '@gridgov/db';
import { type BareDatabase, findMigrationName, readMigrationSql } from '@gridgov/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing/test-database';
import { LEGACY, openLegacyDatabase } from './legacy-world';

/** Distributed by "townId" (docs/decisions/020). A new table with a row per case belongs here. */
const BIG_TABLES = ['Case', 'CaseEvent', 'StatsDaily', 'CaseCounter'];

/**
 * Tables outside the distributed set that still reference one of its tables by id alone. Each must
 * take "townId" (or become a reference table without that key) before the distribution: see 020.
 */
const LOCAL_REFERENCES_TO_BIG_TABLES = ['IdempotencyKey_caseId_fkey', 'Upload_caseId_fkey'];

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

interface Key {
  name: string;
  /** f: foreign key; u: unique index (the primary key's included). */
  kind: 'u' | 'f';
  source: string;
  target: string | null;
  columns: string[];
  targetColumns: string[] | null;
}

/** Foreign keys (pg_constraint) and unique indexes (pg_index: Prisma makes indexes, not constraints). */
function readKeys(): Promise<Key[]> {
  return db.sql.query<Key>({
    text: `
      SELECT c.conname::text AS name, 'f' AS kind, src.relname::text AS source, dst.relname::text AS target,
        ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
        ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
          JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS "targetColumns"
      FROM pg_constraint c
      JOIN pg_class src ON src.oid = c.conrelid
      JOIN pg_class dst ON dst.oid = c.confrelid
      WHERE src.relnamespace = current_schema()::regnamespace AND c.contype = 'f'
      UNION ALL
      SELECT ix.relname::text, 'u', tbl.relname::text, NULL,
        ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o)
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o), NULL
      FROM pg_index i
      JOIN pg_class ix ON ix.oid = i.indexrelid
      JOIN pg_class tbl ON tbl.oid = i.indrelid
      WHERE tbl.relnamespace = current_schema()::regnamespace AND i.indisunique
      ORDER BY 1`,
    values: [],
  });
}

describe('keys ready for distribution by town', () => {
  it('when the catalog is read, then every big table has a non-null uuid "townId"', async () => {
    const columns = await db.sql.query<{ table: string; type: string; nullable: string }>({
      text: `SELECT table_name::text AS table, data_type::text AS type, is_nullable::text AS nullable
        FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name = 'townId' AND table_name = ANY($1::text[])
        ORDER BY table_name`,
      values: [BIG_TABLES],
    });
    expect(columns).toEqual([...BIG_TABLES].sort().map((table) => ({ table, type: 'uuid', nullable: 'NO' })));
  });

  it('when the catalog is read, then every foreign key between big tables pairs "townId" with "townId"', async () => {
    const between = (await readKeys()).filter(
      (c) => c.kind === 'f' && BIG_TABLES.includes(c.source) && BIG_TABLES.includes(c.target!),
    );
    expect(between.map((c) => c.name).sort()).toEqual([
      'CaseEvent_townId_caseId_fkey',
      'Case_townId_duplicateOfId_fkey',
    ]);
    for (const fk of between) {
      const at = fk.columns.indexOf('townId');
      expect(at, `${fk.name} lacks townId`).toBeGreaterThanOrEqual(0);
      expect(fk.targetColumns![at], `${fk.name} pairs townId with another column`).toBe('townId');
    }
  });

  it('when the catalog is read, then every unique key of a big table includes "townId", the ORM\'s id key aside', async () => {
    const unique = (await readKeys()).filter((c) => c.kind === 'u' && BIG_TABLES.includes(c.source));
    const lacking = unique.filter((c) => !c.columns.includes('townId')).map((c) => c.name);
    // Kept for Prisma (decision 020). Case's stands beside the UNIQUE ("townId", id) that foreign keys
    // use and that becomes its primary key at distribution; nothing references CaseEvent's.
    expect(lacking.sort()).toEqual(['CaseEvent_pkey', 'Case_pkey']);
    expect(unique.some((c) => c.source === 'Case' && c.columns.join() === 'townId,id')).toBe(true);
  });

  it('when the catalog is read, then only the listed tables outside the set reference a big table', async () => {
    const inbound = (await readKeys()).filter(
      (c) => c.kind === 'f' && BIG_TABLES.includes(c.target!) && !BIG_TABLES.includes(c.source),
    );
    expect(inbound.map((c) => c.name).sort()).toEqual(LOCAL_REFERENCES_TO_BIG_TABLES);
  });
});

describe('distribution_keys migration on existing rows', { timeout: 120_000 }, () => {
  const MIGRATION = findMigrationName('distribution_keys');
  let legacy: BareDatabase;
  beforeAll(async () => {
    legacy = await openLegacyDatabase(MIGRATION, 'dist_keys');
  });
  afterAll(() => legacy?.close());
  afterEach(() => legacy.exec('ROLLBACK'));

  it('when every duplicate names a case of its town, then it applies and an event of another town is refused', async () => {
    await legacy.exec('BEGIN');
    await legacy.exec(readMigrationSql(MIGRATION));
    await expect(
      legacy.exec(`INSERT INTO "CaseEvent" (id, "caseId", "townId", seq, kind, "actorId", "toStatus")
        VALUES ('00000000-0000-7000-8000-000000000029', '${LEGACY.firstCase}', '${LEGACY.otherTown}', 9, 'note',
          '${LEGACY.leader}', 'reported')`),
    ).rejects.toThrow(/CaseEvent_townId_caseId_fkey/);
  });

  it('when a duplicate names a case of another town, then the migration refuses and says so', async () => {
    await legacy.exec(`BEGIN;
      INSERT INTO "Case" (id, "townId", number, "categoryId", "gridId", "villageId", description, "reporterId", "updatedAt")
        VALUES ('00000000-0000-7000-8000-000000000012', '${LEGACY.otherTown}', '2026-000001', '${LEGACY.category}',
          '${LEGACY.grid}', '${LEGACY.village}', '邻镇', '${LEGACY.worker}', now());
      UPDATE "Case" SET "duplicateOfId" = '00000000-0000-7000-8000-000000000012' WHERE id = '${LEGACY.secondCase}';`);
    await expect(legacy.exec(readMigrationSql(MIGRATION))).rejects.toThrow(
      /distribution_keys refused: Case.duplicateOfId names a case of another town \(1 rows\)/,
    );
  });
});
