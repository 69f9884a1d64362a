// A person's own password (issue 13): changing it (also when an admin's initial password forces it),
// and activating an imported account with its one-time code. Wrong current passwords and codes count
// against the same sign-in throttles as wrong passwords at sign-in (docs/decisions/016).
import { createHash } from 'node:crypto';
import { hashPassword, verifyPassword } from '@gridgov/db';
import {
  type ActivateAccountInput,
  type ChangePasswordInput,
  findPasswordProblems,
  normaliseActivationCode,
} from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit/audit.repository';
import { findActivation, findPasswordState, findStaffCredentials, replacePassword } from './auth.repository';
import {
  admitAuditedAttempt,
  attemptKey,
  getDummyHash,
  PASSWORD_UNSET,
  type SignedIn,
  startSession,
} from './auth.service';
import { markLoginAttemptSucceeded } from './login-attempts.repository';

function assertPasswordRule(password: string, person: { username: string; phone: string }): void {
  const problems = findPasswordProblems(password, person);
  if (problems.length) {
    throw new AppError(
      'validation_failed',
      'The new password does not meet the rule',
      problems.map((code) => ({ path: 'newPassword', message: code })),
    );
  }
}

export async function changeOwnPassword(
  ctx: AppContext,
  source: { actor: Actor; sessionId: string; ip: string; deviceToken: string | undefined },
  input: ChangePasswordInput,
): Promise<{ endedSessions: number }> {
  const { actor } = source;
  const key = await attemptKey(ctx, actor.username, source.ip, source.deviceToken);
  const attemptId = await admitAuditedAttempt(ctx, key);
  const current = await findPasswordState(ctx.prisma, actor.id);
  const isRight =
    current.passwordHash !== PASSWORD_UNSET &&
    (await verifyPassword(current.passwordHash, input.currentPassword));
  if (!isRight)
    throw new AppError('unprocessable', 'The current password is wrong', [{ path: 'currentPassword' }]);
  await markLoginAttemptSucceeded(ctx.prisma, attemptId);
  assertPasswordRule(input.newPassword, current);
  if (input.newPassword === input.currentPassword) {
    throw new AppError('validation_failed', 'The new password must differ from the current one', [
      { path: 'newPassword', message: 'same_as_current' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  const endedSessions = await replacePassword(
    ctx.prisma,
    actor.id,
    { passwordHash, mustChangePassword: false },
    source.sessionId,
  );
  await recordAudit(ctx.prisma, {
    actorId: actor.id,
    actorName: actor.name,
    action: 'auth.password_changed',
    entity: 'session',
    entityId: actor.id,
    ip: source.ip,
    after: { endedSessions },
    summary: actor.username,
  });
  return { endedSessions };
}

/** First sign-in of an imported person: their one-time code and a password of their own. */
export async function activateAccount(
  ctx: AppContext,
  options: {
    ip: string;
    userAgent: string | undefined;
    previousToken: string | undefined;
    deviceToken: string | undefined;
  },
  input: ActivateAccountInput,
): Promise<SignedIn> {
  const username = input.username.toLowerCase();
  const key = await attemptKey(ctx, username, options.ip, options.deviceToken);
  const attemptId = await admitAuditedAttempt(ctx, key);
  const codeHash = hashActivationCode(input.code);
  const staffId = await findActivation(ctx.prisma, username, codeHash);
  const staff = staffId ? await findStaffCredentials(ctx.prisma, username) : null;
  if (!staff || staff.status === 'departed' || staff.disabledAt) {
    // As long as a wrong password takes, so codes cannot be told apart by timing.
    await verifyPassword(await getDummyHash(), input.newPassword);
    throw new AppError('unauthenticated', 'Wrong username or activation code');
  }
  await markLoginAttemptSucceeded(ctx.prisma, attemptId);
  assertPasswordRule(input.newPassword, staff);
  const passwordHash = await hashPassword(input.newPassword);
  await replacePassword(ctx.prisma, staff.id, { passwordHash, mustChangePassword: false }, null);
  await recordAudit(ctx.prisma, {
    actorId: staff.id,
    actorName: staff.name,
    action: 'auth.activated',
    entity: 'session',
    entityId: staff.id,
    townId: staff.regionId,
    ip: options.ip,
    summary: staff.username,
  });
  return startSession(ctx, staff, key, options);
}

export function hashActivationCode(code: string): string {
  return createHash('sha256').update(normaliseActivationCode(code)).digest('hex');
}
