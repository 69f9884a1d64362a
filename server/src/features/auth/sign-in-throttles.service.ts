// Admins see who is throttled at sign-in and lift a throttle (docs/decisions/016). County admins see
// every counter; a town's admin sees the usernames and devices of their towns' staff (addresses
// belong to no town, so only county admins see and clear them).
import type {
  ClearSignInThrottle,
  SignInThrottle,
  SignInThrottleKind,
  SignInThrottleList,
} from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { forbidden } from '../../lib/errors';
import { recordAudit } from '../audit/audit.repository';
import { throttleLimits } from './auth.service';
import {
  clearFailures,
  findDeviceOwners,
  findStaffByUsernames,
  findUnclearedFailures,
} from './login-attempts.repository';
import { backOffUntil, type ThrottleLimits, windowLimitUntil } from './throttle-policy';

const MAX_ITEMS = 200;

type Owner = { id: string; name: string; username: string; regionId: string };

function assertAdmin(actor: Actor): void {
  if (!actor.roles.includes('admin') || actor.scope.adminTownIds.length === 0) {
    throw forbidden('Only administrators may see and clear sign-in throttles');
  }
}

const isCountyAdmin = (actor: Actor) => actor.roles.includes('admin') && actor.scope.level === 'county';

function canSee(actor: Actor, kind: SignInThrottleKind, owner: Owner | null): boolean {
  if (isCountyAdmin(actor)) return true;
  if (kind === 'address' || !owner) return false;
  return actor.scope.adminTownIds.includes(owner.regionId);
}

function lockedUntil(kind: SignInThrottleKind, failures: Date[], limits: ThrottleLimits): number | null {
  return kind === 'address'
    ? windowLimitUntil(failures, limits.maxPerAddress, limits)
    : backOffUntil(failures, limits.maxPerUsername, limits);
}

export async function listSignInThrottles(ctx: AppContext, actor: Actor): Promise<SignInThrottleList> {
  assertAdmin(actor);
  const limits = throttleLimits(ctx.config);
  const now = Date.now();
  const rows = await findUnclearedFailures(ctx.prisma, new Date(now - limits.windowMs));
  const counters = new Map<string, { kind: SignInThrottleKind; key: string; failures: Date[] }>();
  const count = (kind: SignInThrottleKind, key: string, at: Date) => {
    const id = `${kind}:${key}`;
    const counter = counters.get(id) ?? { kind, key, failures: [] };
    counter.failures.push(at);
    counters.set(id, counter);
  };
  for (const row of rows) {
    if (row.deviceId) count('device', row.deviceId, row.createdAt);
    else {
      count('username', row.username, row.createdAt);
      count('address', row.ip, row.createdAt);
    }
  }
  const all = [...counters.values()];
  const [people, deviceOwners] = await Promise.all([
    findStaffByUsernames(ctx.prisma, [
      ...new Set(all.filter((c) => c.kind === 'username').map((c) => c.key)),
    ]),
    findDeviceOwners(
      ctx.prisma,
      all.filter((c) => c.kind === 'device').map((c) => c.key),
    ),
  ]);
  const byUsername = new Map(people.map((p) => [p.username, p]));
  const items: SignInThrottle[] = [];
  for (const counter of all) {
    const owner =
      counter.kind === 'username'
        ? (byUsername.get(counter.key) ?? null)
        : counter.kind === 'device'
          ? (deviceOwners.get(counter.key) ?? null)
          : null;
    if (!canSee(actor, counter.kind, owner)) continue;
    const until = lockedUntil(counter.kind, counter.failures, limits);
    items.push({
      kind: counter.kind,
      key: counter.key,
      staff: owner ? { id: owner.id, name: owner.name, username: owner.username } : null,
      failures: counter.failures.length,
      lastFailureAt: counter.failures.at(-1)!.toISOString(),
      lockedUntil: until !== null && until > now ? new Date(until).toISOString() : null,
    });
  }
  // Locked first, then the most recent.
  items.sort(
    (a, b) =>
      Number(b.lockedUntil !== null) - Number(a.lockedUntil !== null) ||
      b.lastFailureAt.localeCompare(a.lastFailureAt),
  );
  return { windowMinutes: ctx.config.LOGIN_WINDOW_MINUTES, items: items.slice(0, MAX_ITEMS) };
}

export async function clearSignInThrottle(
  ctx: AppContext,
  source: { actor: Actor; ip: string | null },
  input: ClearSignInThrottle,
): Promise<{ cleared: number }> {
  const { actor } = source;
  assertAdmin(actor);
  const owner =
    input.kind === 'username'
      ? ((await findStaffByUsernames(ctx.prisma, [input.key.toLowerCase()]))[0] ?? null)
      : input.kind === 'device'
        ? ((await findDeviceOwners(ctx.prisma, [input.key])).get(input.key) ?? null)
        : null;
  if (!canSee(actor, input.kind, owner)) throw forbidden('This throttle is outside your towns');
  const since = new Date(Date.now() - throttleLimits(ctx.config).windowMs);
  const where =
    input.kind === 'username'
      ? { username: input.key.toLowerCase(), deviceId: null }
      : input.kind === 'address'
        ? { ip: input.key, deviceId: null }
        : { deviceId: input.key };
  return ctx.prisma.$transaction(async (tx) => {
    const cleared = await clearFailures(tx, where, since);
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: 'auth.throttle_cleared',
      entity: 'session',
      entityId: owner?.id ?? null,
      townId: owner?.regionId ?? null,
      ip: source.ip,
      after: { kind: input.kind, key: input.key, cleared },
      summary: owner?.username ?? input.key,
    });
    return { cleared };
  });
}
