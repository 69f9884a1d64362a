import type { PrismaClient } from '@gridgov/db';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Who a sign-in attempt counts against: the untrusted pool (username and address) or one known device. */
export type AttemptKey =
  | { kind: 'pool'; username: string; ip: string }
  | { kind: 'device'; username: string; ip: string; deviceId: string };

export interface RecentFailures {
  byUsername: Date[];
  byAddress: Date[];
  byDevice: Date[];
}

// A transaction-scoped advisory lock per counter: concurrent attempts on one username, address or
// device take turns between reading the count and recording themselves, on a pool of connections as on
// the single embedded one. Always taken in the same order (username, then address), so no deadlock.
async function lockCounter(tx: Tx, name: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended(${name}, 7163))) AS l`;
}

async function failuresSince(
  tx: Tx,
  where: { username?: string; ip?: string; deviceId?: string | null },
  since: Date,
) {
  const rows = await tx.loginAttempt.findMany({
    where: { ...where, succeeded: false, clearedAt: null, createdAt: { gte: since } },
    select: { createdAt: true },
    orderBy: { createdAt: 'asc' },
    take: 1000,
  });
  return rows.map((r) => r.createdAt);
}

/**
 * Reads the counters the attempt falls under and, unless `isRefused` says no, records the attempt as a
 * failure — in one transaction under the counters' locks, so a burst cannot slip more attempts past the
 * limit than it allows. Returns the new attempt's id, or null when refused.
 */
export async function admitLoginAttempt(
  prisma: PrismaClient,
  key: AttemptKey,
  since: Date,
  isRefused: (failures: RecentFailures) => boolean,
): Promise<string | null> {
  return prisma.$transaction(
    async (tx) => {
      const failures: RecentFailures = { byUsername: [], byAddress: [], byDevice: [] };
      if (key.kind === 'device') {
        await lockCounter(tx, `login:device:${key.deviceId}`);
        failures.byDevice = await failuresSince(tx, { deviceId: key.deviceId }, since);
      } else {
        await lockCounter(tx, `login:user:${key.username}`);
        await lockCounter(tx, `login:ip:${key.ip}`);
        failures.byUsername = await failuresSince(tx, { username: key.username, deviceId: null }, since);
        failures.byAddress = await failuresSince(tx, { ip: key.ip, deviceId: null }, since);
      }
      if (isRefused(failures)) return null;
      const attempt = await tx.loginAttempt.create({
        data: {
          username: key.username,
          ip: key.ip,
          succeeded: false,
          deviceId: key.kind === 'device' ? key.deviceId : null,
        },
        select: { id: true },
      });
      return attempt.id;
    },
    // Attempts on one counter queue behind each other's (short) transactions.
    { maxWait: 30_000, timeout: 30_000 },
  );
}

export async function markLoginAttemptSucceeded(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.loginAttempt.update({ where: { id }, data: { succeeded: true }, select: { id: true } });
}

/** Failed, uncleared attempts since `since` (oldest first), for the admins' throttle list. */
export async function findUnclearedFailures(prisma: PrismaClient, since: Date) {
  return prisma.loginAttempt.findMany({
    where: { succeeded: false, clearedAt: null, createdAt: { gte: since } },
    select: { username: true, ip: true, deviceId: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
    take: 20_000,
  });
}

export async function findStaffByUsernames(prisma: PrismaClient, usernames: string[]) {
  return prisma.staff.findMany({
    where: { username: { in: usernames } },
    select: { id: true, name: true, username: true, regionId: true },
  });
}

export async function findDeviceOwners(prisma: PrismaClient, deviceIds: string[]) {
  const devices = await prisma.knownDevice.findMany({
    where: { id: { in: deviceIds } },
    select: { id: true, staff: { select: { id: true, name: true, username: true, regionId: true } } },
  });
  return new Map(devices.map((d) => [d.id, d.staff]));
}

/** Marks the counter's failures in the window as cleared; they no longer count. Returns how many. */
export async function clearFailures(
  db: Tx | PrismaClient,
  where: { username: string; deviceId: null } | { ip: string; deviceId: null } | { deviceId: string },
  since: Date,
): Promise<number> {
  const { count } = await db.loginAttempt.updateMany({
    where: { ...where, succeeded: false, clearedAt: null, createdAt: { gte: since } },
    data: { clearedAt: new Date() },
  });
  return count;
}
