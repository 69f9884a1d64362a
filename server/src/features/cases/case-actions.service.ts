// Acting on a case: load → check scope and version → decide (shared state machine) → append the
// events and write the folded projection, all in one transaction.
import type { Prisma } from '@gridgov/db';
import {
  applyCaseEvent,
  type CaseActionRequest,
  CaseDecisionError,
  type CaseDetail,
  decideCaseAction,
  isTerminalStatus,
} from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { loadWorkingCalendar } from '../calendar/calendar.repository';
import { findCategorySla } from '../categories/categories.repository';
import { toSlaDuration } from '../categories/categories.service';
import { publishCaseChanges } from '../live/live.service';
import { trackCaseStats } from '../stats/stats-tracking';
import { claimUploads } from '../uploads/uploads.repository';
import { canViewCase, toCaseActor } from './case-access';
import { getCaseDetail } from './case-view.service';
import {
  appendEvents,
  findAutoAssignee,
  findCaseState,
  findIdempotencyKey,
  findLastSeq,
  isEligibleAssignee,
  toProjection,
  updateProjection,
} from './cases.repository';
import { hashRequest, isUniqueViolation } from './idempotency';

const staleVersion = () =>
  new AppError('conflict', 'The case was changed by someone else; reload it and try again');

async function applyAction(
  tx: Prisma.TransactionClient,
  actor: Actor,
  caseId: string,
  request: CaseActionRequest,
) {
  const row = await findCaseState(tx, caseId);
  if (!row) throw notFound('Case');
  if (!canViewCase(actor, row)) throw forbidden('This case is outside your scope');
  if (row.version !== request.version) throw staleVersion();

  const projection = toProjection(row);
  const calendar = await loadWorkingCalendar(tx);
  const extra: {
    sla?: ReturnType<typeof toSlaDuration>;
    autoAssigneeId?: string | null;
    department?: string | null;
  } = {};
  if (request.action === 'accept') {
    const category = await findCategorySla(tx, row.categoryId);
    extra.sla = toSlaDuration(category);
    extra.autoAssigneeId = await findAutoAssignee(tx, row.gridId);
    if (category.defaultHandler === 'department') extra.department = category.departmentName;
  }
  let events: ReturnType<typeof decideCaseAction>;
  try {
    events = decideCaseAction(projection, request, {
      now: new Date(),
      calendar,
      actor: toCaseActor(actor, row),
      reporterId: row.reporterId,
      ...extra,
    });
  } catch (error) {
    if (error instanceof CaseDecisionError) throw new AppError(error.code, error.message, error.details);
    throw error;
  }

  if (request.assigneeId && (request.action === 'dispatch' || request.action === 'reassign')) {
    if (!(await isEligibleAssignee(tx, request.assigneeId, row))) {
      throw new AppError(
        'unprocessable',
        'The assignee must be an active member of this grid or a leader of its town',
        { reason: 'assignee_not_eligible', assigneeId: request.assigneeId },
      );
    }
  }
  if (request.action === 'mark_duplicate') {
    const original = await findCaseState(tx, request.duplicateOfId!);
    const isUsable =
      original &&
      original.id !== row.id &&
      original.townId === row.townId &&
      canViewCase(actor, original) &&
      !isTerminalStatus(original.status);
    if (!isUsable) {
      throw new AppError(
        'unprocessable',
        'The original must be another open case of the same town that you can see',
        { reason: 'duplicate_not_usable' },
      );
    }
  }
  const photoIds = events.flatMap((e) => e.photoIds);
  if (photoIds.length) await claimUploads(tx, { ids: photoIds, ownerId: actor.id, caseId: row.id });

  // The version-guarded update comes first: it locks the row, so a concurrent action on the same
  // case waits here and then finds the version changed (409), instead of colliding on event numbers.
  const next = events.reduce(applyCaseEvent, projection);
  // The daily statistics change in the same transaction (docs/decisions/007).
  await trackCaseStats(tx, row.id, async () => {
    if (!(await updateProjection(tx, { id: row.id, version: row.version }, next))) throw staleVersion();
    await appendEvents(
      tx,
      { caseId: row.id, townId: row.townId, firstSeq: (await findLastSeq(tx, row.id)) + 1 },
      events,
    );
  });
}

/**
 * With an Idempotency-Key, the action and its key are stored in one transaction; the same key again
 * (the outbox retrying after a lost answer) answers with the case as it is now instead of acting twice
 * or failing on the version the first attempt already moved.
 */
export async function actOnCase(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  request: CaseActionRequest,
  options: { idempotencyKey?: string | undefined } = {},
): Promise<CaseDetail> {
  const { idempotencyKey } = options;
  const requestHash = hashRequest({ caseId, request });
  const replay = async () => {
    const existing = idempotencyKey ? await findIdempotencyKey(ctx.sql, actor.id, idempotencyKey) : null;
    if (!existing) return null;
    if (existing.requestHash !== requestHash || existing.caseId !== caseId) {
      throw new AppError('unprocessable', 'This Idempotency-Key was used for a different request', {
        reason: 'idempotency_key_reused',
        caseId: existing.caseId,
      });
    }
    return getCaseDetail(ctx, actor, caseId);
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    await ctx.prisma.$transaction(async (tx) => {
      await applyAction(tx, actor, caseId, request);
      if (idempotencyKey)
        await tx.idempotencyKey.create({
          data: { staffId: actor.id, key: idempotencyKey, requestHash, caseId },
          select: { key: true },
        });
    });
  } catch (error) {
    // A concurrent send with the same key won the race (this one then meets its key, or the version it
    // moved): answer as it did.
    if (
      idempotencyKey &&
      (isUniqueViolation(error) || (error instanceof AppError && error.code === 'conflict'))
    ) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  }
  await publishCaseChanges(ctx, 'changed', [caseId]);
  return getCaseDetail(ctx, actor, caseId);
}

/** Dispatches (or re-dispatches) several cases to one person: all of them, or none. */
export async function dispatchCases(
  ctx: AppContext,
  actor: Actor,
  options: { assigneeId: string; cases: { id: string; version: number }[]; note?: string | undefined },
): Promise<{ items: CaseDetail[] }> {
  await ctx.prisma.$transaction(
    async (tx) => {
      for (const c of options.cases) {
        const status = (await findCaseState(tx, c.id))?.status;
        const action = status === 'accepted' ? 'dispatch' : 'reassign';
        try {
          await applyAction(tx, actor, c.id, {
            action,
            version: c.version,
            assigneeId: options.assigneeId,
            note: options.note,
          });
        } catch (error) {
          if (error instanceof AppError) {
            throw new AppError(error.code, `Case ${c.id}: ${error.message}`, {
              caseId: c.id,
              ...(error.details as object),
            });
          }
          throw error;
        }
      }
    },
    { timeout: 60_000 },
  );
  await publishCaseChanges(
    ctx,
    'changed',
    options.cases.map((c) => c.id),
  );
  return { items: await Promise.all(options.cases.map((c) => getCaseDetail(ctx, actor, c.id))) };
}
