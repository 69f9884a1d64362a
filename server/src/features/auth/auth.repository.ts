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
      phone: true,
      mustChangePassword: true,
      status: true,
      disabledAt: true,
    },
  });
}

export interface NewPassword {
  passwordHash: string;
  /** False when the person chose it; true when an admin handed it out. */
  mustChangePassword: boolean;
}

/** Sets a person's password and ends every other session of theirs; returns how many ended. */
export async function replacePassword(
  prisma: PrismaClient,
  staffId: string,
  password: NewPassword,
  keepSessionId: string | null,
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    await tx.staff.update({
      where: { id: staffId },
      data: { ...password, passwordChangedAt: new Date() },
      select: { id: true },
    });
    await tx.activationCode.deleteMany({ where: { staffId } });
    const ended = await tx.session.deleteMany({
      where: { staffId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    });
    return ended.count;
  });
}

/** The person an activation code belongs to, if it is theirs and still valid. */
export async function findActivation(prisma: PrismaClient, username: string, codeHash: string) {
  const row = await prisma.activationCode.findUnique({
    where: { codeHash },
    select: { expiresAt: true, staff: { select: { username: true, id: true } } },
  });
  return row && row.staff.username === username && row.expiresAt > new Date() ? row.staff.id : null;
}

export async function findPasswordState(prisma: PrismaClient, staffId: string) {
  return prisma.staff.findUniqueOrThrow({
    where: { id: staffId },
    select: { mustChangePassword: true, passwordHash: true, phone: true, username: true },
  });
}
