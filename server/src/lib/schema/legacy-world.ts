// Rows as the schema held them before issue 23, written with plain SQL for upgrade tests.
import {
  type BareDatabase,
  findMigrationName,
  listMigrationNames,
  migrateUpTo,
  openBareDatabase,
  readMigrationSql,
} from '@gridgov/db/testing';

export const LEGACY = {
  county: '00000000-0000-7000-8000-000000000001',
  town: '00000000-0000-7000-8000-000000000002',
  otherTown: '00000000-0000-7000-8000-000000000003',
  village: '00000000-0000-7000-8000-000000000004',
  grid: '00000000-0000-7000-8000-000000000005',
  category: '00000000-0000-7000-8000-000000000006',
  worker: '00000000-0000-7000-8000-000000000007',
  leader: '00000000-0000-7000-8000-000000000008',
  firstCase: '00000000-0000-7000-8000-000000000010',
  secondCase: '00000000-0000-7000-8000-000000000011',
  /** Names nothing: a person or case that never existed (or was deleted before the foreign keys). */
  ghost: '00000000-0000-7000-8000-0000000000ff',
} as const;

/** A county, two towns, one grid, two people and two cases (the second a duplicate of the first). */
export async function insertLegacyWorld(db: BareDatabase): Promise<void> {
  const L = LEGACY;
  await db.exec(`
    INSERT INTO "Region" (id, code, name, level, "parentId") VALUES
      ('${L.county}', '990001', '旧县', 'county', NULL),
      ('${L.town}', '990001001', '旧镇', 'town', '${L.county}'),
      ('${L.otherTown}', '990001002', '邻镇', 'town', '${L.county}'),
      ('${L.village}', '990001001001', '旧村', 'village', '${L.town}');
    INSERT INTO "Grid" (id, code, name, "villageId", "townId", boundary, "minLon", "minLat", "maxLon", "maxLat",
      "areaSqm", "updatedAt")
      VALUES ('${L.grid}', '990001001001001', '旧网格', '${L.village}', '${L.town}', '{}', 0, 0, 1, 1, 1, now());
    INSERT INTO "Staff" (id, username, name, phone, "passwordHash", "regionId", "updatedAt") VALUES
      ('${L.worker}', 'legacy-worker', '旧网格员', '13800000000', '!unset', '${L.town}', now()),
      ('${L.leader}', 'legacy-leader', '旧组长', '13800000001', '!unset', '${L.town}', now());
    INSERT INTO "Category" (id, code, name, "nameEn", "slaUnit", "slaAmount", "updatedAt")
      VALUES ('${L.category}', 'legacy', '旧类', 'Legacy', 'working_days', 3, now());
    INSERT INTO "Case" (id, "townId", number, "categoryId", "gridId", "villageId", description, "reporterId",
      "assigneeId", "reportedAt", "escalatedById", "extensionById", "duplicateOfId", "updatedAt") VALUES
      ('${L.firstCase}', '${L.town}', '2026-000001', '${L.category}', '${L.grid}', '${L.village}', '一', '${L.worker}',
        '${L.worker}', '2026-01-02 03:04:05.678', '${L.leader}', '${L.worker}', NULL, '2026-01-02 03:04:05.678'),
      ('${L.secondCase}', '${L.town}', '2026-000002', '${L.category}', '${L.grid}', '${L.village}', '二', '${L.worker}',
        NULL, '2026-06-30 16:00:00', NULL, NULL, '${L.firstCase}', '2026-06-30 16:00:00');
    INSERT INTO "CaseEvent" (id, "caseId", "townId", seq, kind, "actorId", "toStatus", "assigneeId", data, "createdAt")
      VALUES
      ('00000000-0000-7000-8000-000000000020', '${L.firstCase}', '${L.town}', 1, 'report', '${L.worker}', 'reported',
        NULL, '{}', '2026-01-02 03:04:05.678'),
      ('00000000-0000-7000-8000-000000000021', '${L.firstCase}', '${L.otherTown}', 2, 'dispatch', '${L.leader}',
        'dispatched', '${L.worker}', '{"deadline": "2026-01-05T03:04:05.678"}', '2026-01-02 04:00:00'),
      ('00000000-0000-7000-8000-000000000022', '${L.secondCase}', '${L.town}', 1, 'report', '${L.worker}',
        'reported', NULL, '{}', '2026-06-30 16:00:00');
    INSERT INTO "IdempotencyKey" ("staffId", key, "requestHash", "caseId") VALUES
      ('${L.worker}', 'kept', 'h', '${L.firstCase}'),
      ('${L.worker}', 'orphan-case', 'h', '${L.ghost}'),
      ('${L.ghost}', 'orphan-staff', 'h', '${L.firstCase}');
    INSERT INTO "AuditLog" (id, "actorId", "actorName", action, entity, "townId", before, after, at) VALUES
      ('00000000-0000-7000-8000-000000000030', '${L.leader}', '旧组长', 'staff.update', 'staff', '${L.town}',
        '{"name": "甲"}', '{"name": "乙"}', '2026-03-04 05:06:07.089'),
      ('00000000-0000-7000-8000-000000000031', NULL, 'nobody', 'auth.login_failed', 'session', NULL, NULL, NULL,
        '2026-03-04 05:06:08');
  `);
}

/**
 * A bare database at the state just before migration `name`, holding the legacy world: written
 * before the foreign-key migration (so its repairs ran on it), then carried through every migration
 * after that one and before `name`.
 */
export async function openLegacyDatabase(name: string, suffix: string): Promise<BareDatabase> {
  const fks = findMigrationName('integrity_foreign_keys');
  const db = await openBareDatabase(process.env.TEST_DATABASE_URL, suffix);
  try {
    await migrateUpTo(db, fks);
    await insertLegacyWorld(db);
    for (const each of listMigrationNames().filter((n) => n >= fks && n < name)) {
      await db.exec(readMigrationSql(each));
    }
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
