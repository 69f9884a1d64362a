// Issue 23: JSON read back from the database is parsed with its schema where it leaves the
// repository; a corrupt row names itself instead of failing somewhere below.
import type { Database } from '@gridgov/db';
import { createTestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCategory } from '../features/categories/categories.service';
import { findImportJob, findImportJobRows } from '../features/staff-admin/import/roster-import.repository';
import { openTestDatabase } from '../testing/test-database';
import { StoredJsonError } from './stored-json';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

describe('JSON columns read back', () => {
  it('when an import job stores well-formed problems and rows, then they come back typed', async () => {
    const town = await createTestTown(db.prisma);
    const problem = { row: 2, column: '手机号', code: 'phone_exists', value: '13800000000' };
    const row = {
      row: 3,
      name: '张三',
      phone: '13800000001',
      username: 'zhangsan',
      role: 'patroller',
      townId: town.townId,
      villageId: town.villageIds[0],
      gridIds: [],
      isPartyMember: false,
    };
    const job = await db.prisma.staffImportJob.create({
      data: { actorId: town.admin.id, status: 'valid', fileName: 'r.csv', problems: [problem], rows: [row] },
      select: { id: true },
    });
    expect((await findImportJob(db.prisma, job.id))!.problems).toEqual([problem]);
    expect(await findImportJobRows(db.prisma, job.id)).toEqual([row]);
  });

  it('when an import job row is corrupt, then the error names the column and the job', async () => {
    const town = await createTestTown(db.prisma);
    const job = await db.prisma.staffImportJob.create({
      data: {
        actorId: town.admin.id,
        status: 'valid',
        fileName: 'r.csv',
        problems: [{ row: 'two', code: 'no_such_code' }],
        rows: [{ row: 3, name: '张三' }],
      },
      select: { id: true },
    });
    await expect(findImportJob(db.prisma, job.id)).rejects.toThrow(
      new RegExp(`^StaffImportJob\\.problems \\(${job.id}\\) does not match its schema: 0\\.row: `),
    );
    await expect(findImportJobRows(db.prisma, job.id)).rejects.toBeInstanceOf(StoredJsonError);
  });

  it('when a category stores fields that are not a field list, then the error names the category', async () => {
    const row = {
      id: '01a22a37-2e26-777c-958d-73e54129e4ae',
      code: 'env.litter',
      name: '垃圾',
      nameEn: 'Litter',
      parent: { code: 'env' },
      slaUnit: 'working_days',
      slaAmount: 3,
      defaultPriority: 'normal',
      defaultHandler: 'grid_worker',
      departmentName: null,
      isActive: true,
    };
    expect(toCategory({ ...row, fields: [] } as never).fields).toEqual([]);
    expect(() => toCategory({ ...row, fields: { key: 'not a list' } } as never)).toThrow(
      /^Category\.fields \(env\.litter\) does not match its schema/,
    );
  });
});
