import type { PrismaClient } from '@gridgov/db';

/** The known device behind a device cookie's hash, with the username it signed in as. */
export async function findKnownDevice(prisma: PrismaClient, tokenHash: string) {
  const device = await prisma.knownDevice.findUnique({
    where: { tokenHash },
    select: { id: true, staffId: true, staff: { select: { username: true } } },
  });
  return device ? { id: device.id, staffId: device.staffId, username: device.staff.username } : null;
}

export async function createKnownDevice(
  prisma: PrismaClient,
  staffId: string,
  tokenHash: string,
): Promise<void> {
  await prisma.knownDevice.create({ data: { staffId, tokenHash }, select: { id: true } });
}

export async function touchKnownDevice(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.knownDevice.update({ where: { id }, data: { lastUsedAt: new Date() }, select: { id: true } });
}
