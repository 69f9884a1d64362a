import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '@gridgov/db';
import type { LoginRequest, Me } from '@gridgov/shared';
import { type Actor, loadActorScope } from '../../lib/auth/scope';
import { createSession, createToken, deleteSession, hashToken } from '../../lib/auth/sessions';
import type { AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { auditSignIn, type SignInOutcome } from '../audit/sign-in-audit';
import { findPasswordState, findStaffCredentials } from './auth.repository';
import { createKnownDevice, findKnownDevice, touchKnownDevice } from './known-devices.repository';
import { type AttemptKey, admitLoginAttempt, markLoginAttemptSucceeded } from './login-attempts.repository';
import { describeScope } from './scope.service';
import { backOffUntil, retryAfterMs, type ThrottleLimits, windowLimitUntil } from './throttle-policy';

// Unknown usernames are checked against a real hash, so they cost as much time as known ones
// (no user enumeration by timing).
let dummyHash: Promise<string> | undefined;
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

const THROTTLE_BASE_DELAY_MS = 60_000;

export function throttleLimits(config: AppContext['config']): ThrottleLimits {
  return {
    windowMs: config.LOGIN_WINDOW_MINUTES * 60_000,
    maxPerUsername: config.LOGIN_MAX_FAILURES_PER_USERNAME,
    maxPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
    baseDelayMs: THROTTLE_BASE_DELAY_MS,
  };
}

function tooManyAttempts(waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError(
    'too_many_requests',
    'Too many failed sign-ins; try again later',
    { retryAfterSeconds: seconds },
    { 'Retry-After': String(seconds) },
  );
}

/**
 * Counts the attempt against its counters and records it as a failure until proven otherwise, atomically
 * (docs/decisions/016): parallel guesses all see each other, so a burst cannot pass more than the limit.
 */
async function admitAttempt(ctx: AppContext, key: AttemptKey): Promise<string> {
  const limits = throttleLimits(ctx.config);
  const now = Date.now();
  let waitMs = 0;
  const attemptId = await admitLoginAttempt(ctx.prisma, key, new Date(now - limits.windowMs), (failures) => {
    waitMs = retryAfterMs(
      [
        backOffUntil(failures.byDevice, limits.maxPerUsername, limits),
        backOffUntil(failures.byUsername, limits.maxPerUsername, limits),
        windowLimitUntil(failures.byAddress, limits.maxPerAddress, limits),
      ],
      now,
    );
    return waitMs > 0;
  });
  if (attemptId === null) throw tooManyAttempts(waitMs);
  return attemptId;
}

/** The attempt's counters: its own device's when this browser signed in as this person before. */
export async function attemptKey(
  ctx: AppContext,
  username: string,
  ip: string,
  deviceToken: string | undefined,
): Promise<AttemptKey> {
  const device = deviceToken ? await findKnownDevice(ctx.prisma, hashToken(deviceToken)) : null;
  return device && device.username === username
    ? { kind: 'device', username, ip, deviceId: device.id }
    : { kind: 'pool', username, ip };
}

/** The hash of an imported account nobody has activated yet: no password matches it. */
export const PASSWORD_UNSET = '!unset';

type SessionOptions = { ip: string; userAgent: string | undefined; previousToken: string | undefined };
export type SignedIn = { token: string; me: Me; deviceToken: string | null };

export async function signIn(
  ctx: AppContext,
  options: SessionOptions & { credentials: LoginRequest; deviceToken: string | undefined },
): Promise<SignedIn> {
  const username = options.credentials.username.toLowerCase();
  const key = await attemptKey(ctx, username, options.ip, options.deviceToken);
  const attemptId = await admitAuditedAttempt(ctx, key);
  const staff = await findStaffCredentials(ctx.prisma, username);
  const hash = staff && staff.passwordHash !== PASSWORD_UNSET ? staff.passwordHash : await getDummyHash();
  const isPasswordRight = await verifyPassword(hash, options.credentials.password);
  const canSignIn = staff && isPasswordRight && staff.status !== 'departed' && !staff.disabledAt;
  if (!canSignIn) {
    const outcome: SignInOutcome = !staff
      ? 'unknown_user'
      : !isPasswordRight
        ? 'wrong_password'
        : staff.disabledAt
          ? 'disabled'
          : 'departed';
    await auditSignIn(ctx.prisma, { username, staff, ip: options.ip, outcome });
    throw new AppError('unauthenticated', 'Wrong username or password');
  }
  await auditSignIn(ctx.prisma, { username, staff, ip: options.ip, outcome: 'success' });
  await markLoginAttemptSucceeded(ctx.prisma, attemptId);
  return startSession(ctx, staff, key, options);
}

/** Admits an attempt against its counters; a refused one is audited as throttled. */
export async function admitAuditedAttempt(ctx: AppContext, key: AttemptKey): Promise<string> {
  try {
    return await admitAttempt(ctx, key);
  } catch (error) {
    await auditSignIn(ctx.prisma, { username: key.username, staff: null, ip: key.ip, outcome: 'throttled' });
    throw error;
  }
}

/** After a proven sign-in (password or activation): a new session, and this browser becomes known. */
export async function startSession(
  ctx: AppContext,
  staff: { id: string; username: string; name: string },
  key: AttemptKey,
  options: SessionOptions,
): Promise<SignedIn> {
  // This browser is now known for this person: its own failures are counted apart from strangers'.
  let deviceToken: string | null = null;
  if (key.kind === 'device') await touchKnownDevice(ctx.prisma, key.deviceId);
  else {
    deviceToken = createToken();
    await createKnownDevice(ctx.prisma, staff.id, hashToken(deviceToken));
  }

  if (options.previousToken) await deleteSession(ctx.prisma, options.previousToken);
  const token = await createSession(ctx.prisma, {
    staffId: staff.id,
    ttlHours: ctx.config.SESSION_TTL_HOURS,
    ip: options.ip,
    userAgent: options.userAgent,
  });
  const { roles, scope } = await loadActorScope(ctx.prisma, staff.id);
  const actor: Actor = { id: staff.id, username: staff.username, name: staff.name, roles, scope };
  const { mustChangePassword } = await findPasswordState(ctx.prisma, staff.id);
  return { token, me: await describeMe(ctx, actor, mustChangePassword), deviceToken };
}

export async function signOut(ctx: AppContext, token: string | undefined): Promise<void> {
  if (token) await deleteSession(ctx.prisma, token);
}

export async function describeMe(ctx: AppContext, actor: Actor, mustChangePassword: boolean): Promise<Me> {
  return {
    id: actor.id,
    username: actor.username,
    name: actor.name,
    roles: actor.roles,
    scope: await describeScope(ctx, actor.scope),
    mustChangePassword,
  };
}
