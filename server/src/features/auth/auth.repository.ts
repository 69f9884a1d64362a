import type { PrismaClient } from '@gridgov/db';

/** What sign-in checks: the hash and whether the account may be used. */
export function findStaffCredentials(prisma: PrismaClient, username: string) {
  return prisma.staff.findUnique({
    where: { username },
    select: {
      id: true,
      username: true,
      name: true,
      regionId: true,
      passwordHash: true,
      status: true,
      disabledAt: true,
    },
  });
}
