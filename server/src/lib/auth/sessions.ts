import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@gridgov/db';
import { actorRowsSelect } from './scope';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Starts a session; the cookie carries the token, the table only its hash. */
export async function createSession(
  prisma: PrismaClient,
  input: { staffId: string; ttlHours: number; ip: string | undefined; userAgent: string | undefined },
): Promise<string> {
  const token = createToken();
  await prisma.session.create({
    data: {
      id: hashToken(token),
      staffId: input.staffId,
      expiresAt: new Date(Date.now() + input.ttlHours * 3_600_000),
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    },
    select: { id: true },
  });
  return token;
}

/**
 * Finds the live session for a token, or null. A session of a person who departed or was disabled
 * ends here, at their next request, whatever path changed their status.
 */
export async function findLiveSession(prisma: PrismaClient, token: string) {
  const id = hashToken(token);
  const session = await prisma.session.findUnique({
    where: { id },
    select: {
      id: true,
      expiresAt: true,
      lastSeenAt: true,
      staff: {
        select: { id: true, username: true, name: true, status: true, disabledAt: true, ...actorRowsSelect },
      },
    },
  });
  if (!session) return null;
  const { staff } = session;
  if (session.expiresAt <= new Date() || staff.status === 'departed' || staff.disabledAt) {
    await prisma.session.deleteMany({
      where: staff.status === 'departed' || staff.disabledAt ? { staffId: staff.id } : { id },
    });
    return null;
  }
  // Touch at most once a minute: cheap enough for every request, precise enough for "last seen".
  if (Date.now() - session.lastSeenAt.getTime() > 60_000) {
    await prisma.session.update({ where: { id }, data: { lastSeenAt: new Date() }, select: { id: true } });
  }
  return { sessionId: id, staff };
}

export async function deleteSession(prisma: PrismaClient, token: string): Promise<void> {
  await prisma.session.deleteMany({ where: { id: hashToken(token) } });
}

export async function deleteStaffSessions(prisma: PrismaClient, staffId: string): Promise<void> {
  await prisma.session.deleteMany({ where: { staffId } });
}
