import type { PrismaClient } from '@gridgov/db';
import { recordAudit } from './audit.repository';

export type SignInOutcome =
  | 'success'
  | 'unknown_user'
  | 'wrong_password'
  | 'departed'
  | 'disabled'
  | 'throttled';

/**
 * Records a sign-in attempt in the audit log. Outside any transaction: a failed sign-in has nothing
 * to roll back, and the entry must survive the 401 that follows.
 */
export async function auditSignIn(
  prisma: PrismaClient,
  attempt: {
    username: string;
    staff: { id: string; name: string; regionId: string } | null;
    ip: string;
    outcome: SignInOutcome;
  },
): Promise<void> {
  const isSuccess = attempt.outcome === 'success';
  await recordAudit(prisma, {
    actorId: attempt.staff?.id ?? null,
    actorName: attempt.staff?.name ?? attempt.username,
    action: isSuccess ? 'auth.login' : 'auth.login_failed',
    entity: 'session',
    entityId: attempt.staff?.id ?? null,
    townId: attempt.staff?.regionId ?? null,
    ip: attempt.ip,
    after: { username: attempt.username.slice(0, 64), outcome: attempt.outcome },
    // The subject only: the action (translated in the UI) says what happened.
    summary: attempt.username,
  });
}
