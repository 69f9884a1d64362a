import type { PrismaClient } from '@gridgov/db';

export async function recordLoginAttempt(
  prisma: PrismaClient,
  attempt: { username: string; ip: string; succeeded: boolean },
): Promise<string> {
  return (await prisma.loginAttempt.create({ data: attempt, select: { id: true } })).id;
}

export async function markLoginAttemptSucceeded(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.loginAttempt.update({ where: { id }, data: { succeeded: true }, select: { id: true } });
}

/** Failed attempts since `since`, oldest first (the oldest one decides when the lock lifts). */
export async function findRecentFailures(
  prisma: PrismaClient,
  where: { username: string } | { ip: string },
  since: Date,
) {
  return prisma.loginAttempt.findMany({
    where: { ...where, succeeded: false, createdAt: { gte: since } },
    select: { createdAt: true },
    orderBy: { createdAt: 'asc' },
    take: 1000,
  });
}
