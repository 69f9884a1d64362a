import type { Prisma, PrismaClient } from '@gridgov/db';
import { importProblemSchema } from '@gridgov/shared';
import { z } from 'zod';
import type { Db } from '../../../lib/db';
import { parseStoredJson } from '../../../lib/stored-json';
import { importRowSchema } from './roster-rows';

export const importJobSelect = {
  id: true,
  actorId: true,
  status: true,
  fileName: true,
  totalRows: true,
  processedRows: true,
  problemCount: true,
  createdCount: true,
  message: true,
  createdAt: true,
} satisfies Prisma.StaffImportJobSelect;

export function insertImportJob(
  prisma: PrismaClient,
  data: { actorId: string; fileName: string; totalRows: number },
) {
  return prisma.staffImportJob.create({ data: { ...data, status: 'validating' }, select: importJobSelect });
}

export async function findImportJob(prisma: PrismaClient, id: string) {
  const job = await prisma.staffImportJob.findUnique({
    where: { id },
    select: { ...importJobSelect, problems: true },
  });
  if (!job) return null;
  const where = `StaffImportJob.problems (${id})`;
  return { ...job, problems: parseStoredJson(z.array(importProblemSchema), job.problems, where) };
}

/** The normalised rows a valid job holds; none for an unknown job. */
export async function findImportJobRows(db: Db, id: string) {
  const job = await db.staffImportJob.findUnique({ where: { id }, select: { rows: true } });
  return job ? parseStoredJson(z.array(importRowSchema), job.rows, `StaffImportJob.rows (${id})`) : [];
}

export function updateImportJob(db: Db, id: string, data: Prisma.StaffImportJobUpdateInput) {
  return db.staffImportJob.update({ where: { id }, data, select: { id: true } });
}

/** Moves a job from one status to another only if nobody else did first (double commits). */
export async function claimImportJob(prisma: PrismaClient, id: string, from: string, to: string) {
  const { count } = await prisma.staffImportJob.updateMany({
    where: { id, status: from },
    data: { status: to },
  });
  return count === 1;
}

export function findVillagesOfTowns(db: Db, townIds: string[]) {
  return db.region.findMany({
    where: { level: 'village', parentId: { in: townIds } },
    select: { id: true, code: true, name: true, parentId: true },
  });
}

export function findGridsOfTowns(db: Db, townIds: string[]) {
  return db.grid.findMany({
    where: { townId: { in: townIds } },
    select: {
      id: true,
      code: true,
      villageId: true,
      assignments: {
        where: { endedAt: null, role: { in: ['grid_worker', 'grid_leader'] } },
        select: { role: true, staff: { select: { name: true } } },
      },
    },
  });
}

/** Of the given phones, those held by someone who has not departed. */
export async function findTakenPhones(db: Db, phones: string[]): Promise<string[]> {
  const taken: string[] = [];
  for (let i = 0; i < phones.length; i += 2000) {
    const rows = await db.staff.findMany({
      where: { phone: { in: phones.slice(i, i + 2000) }, status: { not: 'departed' } },
      select: { phone: true },
    });
    taken.push(...rows.map((r) => r.phone));
  }
  return taken;
}

export async function findTakenUsernames(db: Db, usernames: string[]): Promise<string[]> {
  const taken: string[] = [];
  for (let i = 0; i < usernames.length; i += 2000) {
    const rows = await db.staff.findMany({
      where: { username: { in: usernames.slice(i, i + 2000) } },
      select: { username: true },
    });
    taken.push(...rows.map((r) => r.username));
  }
  return taken;
}

export async function insertStaffBatch(
  tx: Prisma.TransactionClient,
  batch: {
    staff: Prisma.StaffCreateManyInput[];
    roles: Prisma.StaffRoleCreateManyInput[];
    assignments: Prisma.GridAssignmentCreateManyInput[];
    activationCodes: Prisma.ActivationCodeCreateManyInput[];
  },
): Promise<void> {
  for (let i = 0; i < batch.staff.length; i += 1000) {
    await tx.staff.createMany({ data: batch.staff.slice(i, i + 1000) });
  }
  for (let i = 0; i < batch.roles.length; i += 2000) {
    await tx.staffRole.createMany({ data: batch.roles.slice(i, i + 2000) });
  }
  for (let i = 0; i < batch.assignments.length; i += 2000) {
    await tx.gridAssignment.createMany({ data: batch.assignments.slice(i, i + 2000) });
  }
  for (let i = 0; i < batch.activationCodes.length; i += 2000) {
    await tx.activationCode.createMany({ data: batch.activationCodes.slice(i, i + 2000) });
  }
}
