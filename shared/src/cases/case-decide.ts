// Turns a request for an action into the events to append, or a reasoned refusal. Pure: the
// server supplies the clock, the calendar and what it looked up (auto-assignee, SLA).

import type { SlaDuration, WorkingCalendar } from '../calendar';
import { addWorkingMs, toWorkingMs, workingMsBetween } from '../calendar/working-time';
import type { CaseActionRequest } from './case-api.schema';
import { ACTION_RULES, type CaseActor, isActionPossible, isActorPermitted, nextStatus } from './case-machine';
import type { CaseEventRecord, CaseProjection } from './case-projection';

export class CaseDecisionError extends Error {
  constructor(
    readonly code: 'forbidden' | 'unprocessable',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CaseDecisionError';
  }
}

export interface DecisionContext {
  now: Date;
  calendar: WorkingCalendar;
  actor: CaseActor;
  reporterId: string;
  /** accept: the category's SLA, and who gets the case automatically. */
  sla?: SlaDuration;
  autoAssigneeId?: string | null;
  department?: string | null;
}

function requireInputs(request: CaseActionRequest): void {
  const needs = ACTION_RULES[request.action].needs;
  const missing: string[] = [];
  if (needs.note && !request.note?.trim()) missing.push('note');
  if (needs.photos && !request.photoIds?.length) missing.push('photoIds');
  if (needs.assignee && !request.assigneeId) missing.push('assigneeId');
  if (needs.deadline && !request.deadline) missing.push('deadline');
  if (needs.duplicateOf && !request.duplicateOfId) missing.push('duplicateOfId');
  if (missing.length) {
    throw new CaseDecisionError('unprocessable', `${request.action} needs ${missing.join(', ')}`, {
      reason: 'missing_inputs',
      missing,
    });
  }
}

/** Remaining working time is carried over a suspension: the clock stops while suspended. */
function deadlineAfterResume(p: CaseProjection, ctx: DecisionContext): string | null {
  if (!p.deadline || !p.pausedAt) return p.deadline;
  const deadline = new Date(p.deadline);
  const pausedAt = new Date(p.pausedAt);
  // Suspending an already overdue case does not give it new time.
  if (pausedAt >= deadline) return p.deadline;
  const remaining = workingMsBetween(ctx.calendar, pausedAt, deadline);
  return addWorkingMs(ctx.calendar, ctx.now, remaining).toISOString();
}

const MAX_EXTENSION_MS = 365 * 86_400_000;

function parseLaterDeadline(value: string, current: string | null, now: Date): Date {
  const deadline = new Date(value);
  if ((current && deadline <= new Date(current)) || deadline <= now) {
    throw new CaseDecisionError(
      'unprocessable',
      'The new deadline must be later than the current one and in the future',
      { reason: 'deadline_not_later' },
    );
  }
  if (deadline.getTime() - now.getTime() > MAX_EXTENSION_MS) {
    throw new CaseDecisionError('unprocessable', 'The new deadline must be within a year', {
      reason: 'deadline_too_far',
    });
  }
  return deadline;
}

export function decideCaseAction(
  p: CaseProjection,
  request: CaseActionRequest,
  ctx: DecisionContext,
): CaseEventRecord[] {
  const snapshot = {
    status: p.status,
    resumeStatus: p.resumeStatus,
    assigneeId: p.assigneeId,
    reporterId: ctx.reporterId,
    hasPendingExtension: p.extensionDeadline !== null,
    deadline: p.deadline,
  };
  const { action } = request;
  if (!isActorPermitted(snapshot, ctx.actor, action)) {
    throw new CaseDecisionError('forbidden', `You may not ${action} this case`);
  }
  if (!isActionPossible(snapshot, action)) {
    throw new CaseDecisionError('unprocessable', `${action} is not possible while the case is ${p.status}`, {
      reason: 'not_possible',
      action,
      status: p.status,
    });
  }
  requireInputs(request);
  const at = ctx.now.toISOString();
  const event: CaseEventRecord = {
    kind: action,
    actorId: ctx.actor.id,
    at,
    fromStatus: p.status,
    toStatus: nextStatus(snapshot, action),
    note: request.note?.trim() || null,
    // Only what the action takes is recorded: a stray assigneeId or photo on `start` is ignored.
    assigneeId: ACTION_RULES[action].needs.assignee ? (request.assigneeId ?? null) : null,
    photoIds: ACTION_RULES[action].needs.photos ? [...new Set(request.photoIds ?? [])] : [],
    data: {},
  };
  switch (action) {
    case 'accept': {
      if (!ctx.sla) throw new Error('accept needs the category SLA');
      const slaWorkingMs = toWorkingMs(ctx.calendar, ctx.sla);
      event.data = {
        slaWorkingMs,
        deadline: addWorkingMs(ctx.calendar, ctx.now, slaWorkingMs).toISOString(),
      };
      if (!ctx.autoAssigneeId) return [event];
      const dispatch: CaseEventRecord = {
        kind: 'auto_dispatch',
        actorId: ctx.actor.id,
        at,
        fromStatus: 'accepted',
        toStatus: 'dispatched',
        note: null,
        assigneeId: ctx.autoAssigneeId,
        photoIds: [],
        data: ctx.department ? { department: ctx.department } : {},
      };
      return [event, dispatch];
    }
    case 'resume':
      event.data = { deadline: deadlineAfterResume(p, ctx) };
      return [event];
    case 'request_extension':
      event.data = {
        extensionDeadline: parseLaterDeadline(request.deadline!, p.deadline, ctx.now).toISOString(),
      };
      return [event];
    case 'approve_extension': {
      const deadline = parseLaterDeadline(request.deadline ?? p.extensionDeadline!, p.deadline, ctx.now);
      const added = p.deadline ? workingMsBetween(ctx.calendar, new Date(p.deadline), deadline) : 0;
      event.data = { deadline: deadline.toISOString(), slaWorkingMs: (p.slaWorkingMs ?? 0) + added };
      return [event];
    }
    case 'mark_duplicate':
      event.data = { duplicateOfId: request.duplicateOfId! };
      return [event];
    default:
      return [event];
  }
}
