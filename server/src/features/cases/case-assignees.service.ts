import type { CaseAssignees } from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { forbidden, notFound } from '../../lib/errors';
import { canViewCase } from './case-access';
import { findCaseKey, findEligibleAssignees } from './cases.repository';

/**
 * Exactly the people a case may be given (issue 13): the dispatch and reassign lists offer these, and
 * the action checks the same rule (`isEligibleAssignee`), so the list never offers someone it refuses.
 */
export async function listCaseAssignees(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
): Promise<CaseAssignees> {
  const key = await findCaseKey(ctx.prisma, caseId);
  if (!key) throw notFound('Case');
  if (!canViewCase(actor, key)) throw forbidden('This case is outside your scope');
  return { items: await findEligibleAssignees(ctx.prisma, key) };
}
