import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEMORY_DIR, openDatabase } from './database';
import {
  applyPendingMigrations,
  diffMigrationsToSchema,
  findUnappliedMigrations,
  isEmptyDiff,
  readMigrationList,
  readMigrationStatus,
} from './migrations';
import { MIGRATIONS_DIR } from './paths';

describe('schema drift', () => {
  it('when the migration history is replayed, then it matches schema.prisma exactly (run `npm run db:migration -- <name>` if not)', async () => {
    const sql = await diffMigrationsToSchema();
    expect(isEmptyDiff(sql), `schema.prisma and prisma/migrations differ:\n${sql}`).toBe(true);
  });
});

describe('applying migrations', () => {
  it('when applied to an empty database, then every migration is recorded like `prisma migrate deploy` does, and a second run is a no-op', async () => {
    const db = await openDatabase({ pgliteDir: MEMORY_DIR });
    try {
      const local = (await readMigrationList()).migrationDirectories.map((d) => d.path);
      expect((await readMigrationStatus(db.adapterFactory())).pending).toEqual(local);
      expect(await findUnappliedMigrations(db.sql, local)).toEqual(local);
      expect(await applyPendingMigrations(db.adapterFactory())).toEqual(local);
      expect(await applyPendingMigrations(db.adapterFactory())).toEqual([]);
      // What a start asks before it loads the schema engine: nothing, and a new local one is seen.
      expect(await findUnappliedMigrations(db.sql, local)).toEqual([]);
      expect(await findUnappliedMigrations(db.sql, [...local, '99999999999999_next'])).toEqual([
        '99999999999999_next',
      ]);
      await db.prisma.$executeRawUnsafe(
        `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '${local.at(-1)}'`,
      );
      expect(await findUnappliedMigrations(db.sql, local)).toEqual([local.at(-1)]);
      await db.prisma.$executeRawUnsafe(
        `UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = '${local.at(-1)}'`,
      );
      const status = await readMigrationStatus(db.adapterFactory());
      expect(status).toMatchObject({ applied: local, pending: [], problems: [] });
      const rows = await db.prisma.$queryRaw<
        { migration_name: string; checksum: string; applied_steps_count: number }[]
      >`
        SELECT migration_name, checksum, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`;
      for (const row of rows) {
        const file = readFileSync(join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
        // The Prisma CLI stores the SHA-256 of migration.sql: both tools agree on the history.
        expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
        expect(row.applied_steps_count).toBe(1);
      }
    } finally {
      await db.close();
    }
  });
});
