import type { PrismaClient } from '@gridgov/db';

/** Deletes rows older than their retention, a bounded batch per table, and reports the counts. */
export async function deleteExpiredRows(
  prisma: PrismaClient,
  cutoffs: {
    sessions: Date;
    loginAttempts: Date;
    idempotencyKeys: Date;
    importJobs: Date;
    knownDevices: Date;
  },
  batch: number,
): Promise<{
  sessions: number;
  loginAttempts: number;
  idempotencyKeys: number;
  importJobs: number;
  knownDevices: number;
}> {
  const sessions = await prisma.$executeRaw`
    DELETE FROM "Session" WHERE id IN (
      SELECT id FROM "Session" WHERE "expiresAt" < ${cutoffs.sessions} LIMIT ${batch})`;
  const loginAttempts = await prisma.$executeRaw`
    DELETE FROM "LoginAttempt" WHERE id IN (
      SELECT id FROM "LoginAttempt" WHERE "createdAt" < ${cutoffs.loginAttempts} LIMIT ${batch})`;
  const idempotencyKeys = await prisma.$executeRaw`
    DELETE FROM "IdempotencyKey" WHERE ("staffId", key) IN (
      SELECT "staffId", key FROM "IdempotencyKey" WHERE "createdAt" < ${cutoffs.idempotencyKeys} LIMIT ${batch})`;
  // Roster import jobs hold the uploaded rows (names, phones) and their error report: gone once
  // nobody has touched them for a while, whatever their status (a stuck job is a dead one).
  const importJobs = await prisma.$executeRaw`
    DELETE FROM "StaffImportJob" WHERE id IN (
      SELECT id FROM "StaffImportJob" WHERE "updatedAt" < ${cutoffs.importJobs} LIMIT ${batch})`;
  // A browser not used to sign in for months is a stranger again (docs/decisions/016).
  const knownDevices = await prisma.$executeRaw`
    DELETE FROM "KnownDevice" WHERE id IN (
      SELECT id FROM "KnownDevice" WHERE "lastUsedAt" < ${cutoffs.knownDevices} LIMIT ${batch})`;
  return { sessions, loginAttempts, idempotencyKeys, importJobs, knownDevices };
}

/**
 * Deletes photos never attached to a case and returns what to remove from disk. One statement, so a
 * case claiming a photo at the same moment either wins (the row has a case, it stays) or finds it gone.
 */
export function deleteAbandonedUploads(
  prisma: PrismaClient,
  olderThan: Date,
  batch: number,
): Promise<{ id: string; mime: string }[]> {
  return prisma.$queryRaw<{ id: string; mime: string }[]>`
    DELETE FROM "Upload" WHERE id IN (
      SELECT id FROM "Upload" WHERE "caseId" IS NULL AND "createdAt" < ${olderThan} LIMIT ${batch})
    RETURNING id::text AS id, mime`;
}
