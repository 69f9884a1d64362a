import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '@gridgov/db';
import type { LoginRequest, Me } from '@gridgov/shared';
import { type Actor, loadActorScope } from '../../lib/auth/scope';
import { createSession, deleteSession } from '../../lib/auth/sessions';
import type { AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { auditSignIn, type SignInOutcome } from '../audit/sign-in-audit';
import { findStaffCredentials } from './auth.repository';
import {
  findRecentFailures,
  markLoginAttemptSucceeded,
  recordLoginAttempt,
} from './login-attempts.repository';
import { describeScope } from './scope.service';

// Unknown usernames are checked against a real hash, so they cost as much time as known ones
// (no user enumeration by timing).
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

async function assertNotThrottled(ctx: AppContext, username: string, ip: string): Promise<void> {
  const windowMs = ctx.config.LOGIN_WINDOW_MINUTES * 60_000;
  const since = new Date(Date.now() - windowMs);
  const [byUser, byAddress] = await Promise.all([
    findRecentFailures(ctx.prisma, { username }, since),
    findRecentFailures(ctx.prisma, { ip }, since),
  ]);
  const limits = [
    { failures: byUser, max: ctx.config.LOGIN_MAX_FAILURES_PER_USERNAME },
    { failures: byAddress, max: ctx.config.LOGIN_MAX_FAILURES_PER_ADDRESS },
  ];
  let retryAfterMs = 0;
  for (const { failures, max } of limits) {
    if (failures.length >= max) {
      // The lock lifts when enough of the failures have left the window.
      const decisive = failures[failures.length - max]!;
      retryAfterMs = Math.max(retryAfterMs, decisive.createdAt.getTime() + windowMs - Date.now());
    }
  }
  if (retryAfterMs > 0) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    throw new AppError(
      'too_many_requests',
      'Too many failed sign-ins; try again later',
      { retryAfterSeconds: seconds },
      {
        'Retry-After': String(seconds),
      },
    );
  }
}

export async function signIn(
  ctx: AppContext,
  options: {
    credentials: LoginRequest;
    ip: string;
    userAgent: string | undefined;
    previousToken: string | undefined;
  },
): Promise<{ token: string; me: Me }> {
  const username = options.credentials.username.toLowerCase();
  try {
    await assertNotThrottled(ctx, username, options.ip);
  } catch (error) {
    await auditSignIn(ctx.prisma, { username, staff: null, ip: options.ip, outcome: 'throttled' });
    throw error;
  }
  // Counted as a failure until proven otherwise: parallel guesses all see each other's attempts,
  // so a burst cannot slip more than the limit past the check above.
  const attemptId = await recordLoginAttempt(ctx.prisma, { username, ip: options.ip, succeeded: false });
  const staff = await findStaffCredentials(ctx.prisma, username);
  const isPasswordRight = await verifyPassword(
    staff?.passwordHash ?? (await getDummyHash()),
    options.credentials.password,
  );
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

  if (options.previousToken) await deleteSession(ctx.prisma, options.previousToken);
  const token = await createSession(ctx.prisma, {
    staffId: staff.id,
    ttlHours: ctx.config.SESSION_TTL_HOURS,
    ip: options.ip,
    userAgent: options.userAgent,
  });
  const { roles, scope } = await loadActorScope(ctx.prisma, staff.id);
  const actor: Actor = { id: staff.id, username: staff.username, name: staff.name, roles, scope };
  return { token, me: await describeMe(ctx, actor) };
}

export async function signOut(ctx: AppContext, token: string | undefined): Promise<void> {
  if (token) await deleteSession(ctx.prisma, token);
}

export async function describeMe(ctx: AppContext, actor: Actor): Promise<Me> {
  return {
    id: actor.id,
    username: actor.username,
    name: actor.name,
    roles: actor.roles,
    scope: await describeScope(ctx, actor.scope),
  };
}
