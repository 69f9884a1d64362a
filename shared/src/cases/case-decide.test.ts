// decideCaseAction, rule by rule, with every expected value written out by hand: which inputs each
// action requires, what an event records, and how deadlines move. Calendar: the default one
// (08:30–12:00 and 14:30–17:30 Beijing time, 6.5 working hours a day); 2–16 March 2026 has no holiday.
import { describe, expect, it } from 'vitest';
import { buildDefaultCalendar } from '../calendar';
import type { CaseActionRequest } from './case-api.schema';
import { CaseDecisionError, type DecisionContext, decideCaseAction } from './case-decide';
import { type CaseActor, nextStatus } from './case-machine';
import { type CaseProjection, EMPTY_PROJECTION } from './case-projection';
import type { CaseAction, CaseStatus } from './case-states';

const HOUR = 3_600_000;
const WORKING_DAY = 6.5 * HOUR;
const WORKER = 'worker-1';
const lead: CaseActor = { id: 'lead-1', roles: ['town_leader'], leadsGrid: true, leadsTown: true };
const worker: CaseActor = { id: WORKER, roles: ['grid_worker'], leadsGrid: false, leadsTown: false };
const stranger: CaseActor = { id: 'stranger', roles: ['grid_worker'], leadsGrid: false, leadsTown: false };
/** Tuesday 10 March 2026, 17:30 Beijing time: the end of a working day. */
const DEADLINE = '2026-03-10T09:30:00.000Z';
/** Monday 9 March 2026, 10:00 Beijing time. */
const NOW = new Date('2026-03-09T02:00:00.000Z');

function ctx(actor: CaseActor, overrides: Partial<DecisionContext> = {}): DecisionContext {
  return {
    now: NOW,
    calendar: buildDefaultCalendar(),
    actor,
    reporterId: 'reporter-1',
    sla: { unit: 'working_days', amount: 3 },
    autoAssigneeId: null,
    ...overrides,
  };
}

function caseIn(status: CaseStatus, overrides: Partial<CaseProjection> = {}): CaseProjection {
  return { ...EMPTY_PROJECTION, status, assigneeId: WORKER, deadline: DEADLINE, ...overrides };
}

function decide(p: CaseProjection, request: Omit<CaseActionRequest, 'version'>, context: DecisionContext) {
  return decideCaseAction(p, { version: 0, ...request } as CaseActionRequest, context);
}

function refusal(run: () => unknown): CaseDecisionError {
  try {
    run();
  } catch (error) {
    if (error instanceof CaseDecisionError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('inputs each action requires', () => {
  const pending = { extensionDeadline: '2026-03-11T09:30:00.000Z' };
  const table: [CaseAction, CaseProjection, CaseActor, string[]][] = [
    ['accept', caseIn('reported', { assigneeId: null, deadline: null }), lead, []],
    ['reject', caseIn('reported'), lead, ['note']],
    ['dispatch', caseIn('accepted', { assigneeId: null }), lead, ['assigneeId']],
    ['reassign', caseIn('dispatched'), lead, ['assigneeId']],
    ['start', caseIn('dispatched'), worker, []],
    ['feedback', caseIn('in_progress'), worker, ['note', 'photoIds']],
    ['verify', caseIn('handled'), lead, []],
    ['return', caseIn('handled'), lead, ['note']],
    ['suspend', caseIn('accepted'), lead, ['note']],
    ['resume', caseIn('suspended', { resumeStatus: 'in_progress' }), lead, []],
    ['request_extension', caseIn('in_progress'), worker, ['note', 'deadline']],
    ['approve_extension', caseIn('in_progress', pending), lead, []],
    ['reject_extension', caseIn('in_progress', pending), lead, ['note']],
    ['escalate', caseIn('in_progress'), lead, ['note']],
    ['cancel', caseIn('reported'), lead, ['note']],
    ['mark_duplicate', caseIn('reported'), lead, ['duplicateOfId']],
  ];

  it.each(table)(
    'when %s comes with nothing but a blank note, then it is missing %j',
    (action, p, actor, missing) => {
      const run = () => decide(p, { action, note: '   ' }, ctx(actor));
      if (missing.length === 0) {
        expect(run()[0]).toMatchObject({ kind: action, note: null });
        return;
      }
      const error = refusal(run);
      expect(error.code).toBe('unprocessable');
      expect(error.details).toEqual({ reason: 'missing_inputs', missing });
    },
  );
});

describe('refusals', () => {
  it('when someone who may not act asks, then forbidden; when the state does not allow it, then not_possible', () => {
    const forbidden = refusal(() => decide(caseIn('reported'), { action: 'accept' }, ctx(stranger)));
    expect(forbidden).toMatchObject({ name: 'CaseDecisionError', code: 'forbidden' });
    expect(forbidden.message).toBe('You may not accept this case');
    const impossible = refusal(() => decide(caseIn('closed'), { action: 'accept' }, ctx(lead)));
    expect(impossible.code).toBe('unprocessable');
    expect(impossible.details).toEqual({ reason: 'not_possible', action: 'accept', status: 'closed' });
  });

  it('when a case is accepted without the category’s SLA, then that is a programming error, not a refusal', () => {
    expect(() =>
      decide(caseIn('reported', { deadline: null }), { action: 'accept' }, ctx(lead, { sla: undefined })),
    ).toThrow('accept needs the category SLA');
  });
});

describe('what the event records', () => {
  it('when a note has spaces around it, then it is trimmed', () => {
    const [event] = decide(caseIn('reported'), { action: 'reject', note: '  重复上报  ' }, ctx(lead));
    expect(event).toMatchObject({
      kind: 'reject',
      fromStatus: 'reported',
      toStatus: 'rejected',
      note: '重复上报',
    });
  });

  it('when start carries a stray assignee and photos, then neither is recorded', () => {
    const [event] = decide(
      caseIn('dispatched'),
      { action: 'start', assigneeId: 'someone-else', photoIds: ['p1'] },
      ctx(worker),
    );
    expect(event).toMatchObject({ assigneeId: null, photoIds: [], data: {} });
  });

  it('when feedback repeats a photo, then each photo is recorded once, in order', () => {
    const [event] = decide(
      caseIn('in_progress'),
      { action: 'feedback', note: '已清理', photoIds: ['p1', 'p2', 'p1'] },
      ctx(worker),
    );
    expect(event!.photoIds).toEqual(['p1', 'p2']);
  });

  it('when a case is dispatched, then the assignee is recorded', () => {
    const [event] = decide(
      caseIn('accepted', { assigneeId: null }),
      { action: 'dispatch', assigneeId: 'worker-2' },
      ctx(lead),
    );
    expect(event).toMatchObject({ toStatus: 'dispatched', assigneeId: 'worker-2' });
  });

  it('when a case is marked a duplicate, then the original is recorded', () => {
    const [event] = decide(
      caseIn('reported'),
      { action: 'mark_duplicate', duplicateOfId: 'case-0' },
      ctx(lead),
    );
    expect(event).toMatchObject({ toStatus: 'cancelled', data: { duplicateOfId: 'case-0' } });
  });

  it('when a case is accepted with 3 working days, then the deadline is 3 working days later; with an auto-assignee it is dispatched too', () => {
    const p = caseIn('reported', { assigneeId: null, deadline: null });
    const alone = decide(p, { action: 'accept' }, ctx(lead));
    // Monday 10:00 + 19.5 working hours = Thursday 10:00 Beijing time.
    expect(alone).toEqual([
      expect.objectContaining({
        kind: 'accept',
        toStatus: 'accepted',
        data: { slaWorkingMs: 3 * WORKING_DAY, deadline: '2026-03-12T02:00:00.000Z' },
      }),
    ]);
    const [, dispatch] = decide(p, { action: 'accept' }, ctx(lead, { autoAssigneeId: WORKER }));
    expect(dispatch).toEqual({
      kind: 'auto_dispatch',
      actorId: lead.id,
      at: NOW.toISOString(),
      fromStatus: 'accepted',
      toStatus: 'dispatched',
      note: null,
      assigneeId: WORKER,
      photoIds: [],
      data: {},
    });
    const [, toDepartment] = decide(
      p,
      { action: 'accept' },
      ctx(lead, { autoAssigneeId: WORKER, department: '城管执法' }),
    );
    expect(toDepartment!.data).toEqual({ department: '城管执法' });
  });
});

describe('deadlines', () => {
  const extend = (deadline: string, now = NOW, p = caseIn('in_progress')) =>
    decide(p, { action: 'request_extension', note: '等配件', deadline }, ctx(worker, { now }));

  it('when the asked deadline is the current one, then refused; 1 ms later, then requested', () => {
    expect(refusal(() => extend(DEADLINE)).details).toEqual({ reason: 'deadline_not_later' });
    expect(extend('2026-03-10T09:30:00.001Z')[0]!.data).toEqual({
      extensionDeadline: '2026-03-10T09:30:00.001Z',
    });
  });

  it('when the case is already overdue, then a new deadline must still be after now', () => {
    const now = new Date('2026-03-12T02:00:00.000Z');
    expect(refusal(() => extend('2026-03-12T02:00:00.000Z', now)).details).toEqual({
      reason: 'deadline_not_later',
    });
    expect(extend('2026-03-12T02:00:00.001Z', now)[0]!.data).toEqual({
      extensionDeadline: '2026-03-12T02:00:00.001Z',
    });
  });

  it('when the asked deadline is more than 365 days away, then refused; exactly 365 days, then requested', () => {
    const yearAhead = NOW.getTime() + 365 * 86_400_000;
    expect(extend(new Date(yearAhead).toISOString())[0]!.data).toEqual({
      extensionDeadline: new Date(yearAhead).toISOString(),
    });
    expect(refusal(() => extend(new Date(yearAhead + 1).toISOString())).details).toEqual({
      reason: 'deadline_too_far',
    });
  });

  it('when an extension to Wednesday 17:30 is approved, then the SLA grows by one working day', () => {
    const p = caseIn('in_progress', {
      extensionDeadline: '2026-03-11T09:30:00.000Z',
      slaWorkingMs: 3 * WORKING_DAY,
    });
    const [event] = decide(p, { action: 'approve_extension' }, ctx(lead));
    expect(event!.data).toEqual({ deadline: '2026-03-11T09:30:00.000Z', slaWorkingMs: 4 * WORKING_DAY });
  });

  it('when the leader approves with a deadline of their own, then theirs is used', () => {
    const p = caseIn('in_progress', {
      extensionDeadline: '2026-03-11T09:30:00.000Z',
      slaWorkingMs: 3 * WORKING_DAY,
    });
    const [event] = decide(
      p,
      { action: 'approve_extension', deadline: '2026-03-12T09:30:00.000Z' },
      ctx(lead),
    );
    expect(event!.data).toEqual({ deadline: '2026-03-12T09:30:00.000Z', slaWorkingMs: 5 * WORKING_DAY });
  });

  it('when a case paused with 5.5 working hours left resumes on Monday 08:30, then its deadline is Monday 16:30', () => {
    // Paused Tuesday 09:30 Beijing time with the deadline at 17:30: 2.5 h + 3 h left.
    const p = caseIn('suspended', { resumeStatus: 'in_progress', pausedAt: '2026-03-10T01:30:00.000Z' });
    const [event] = decide(p, { action: 'resume' }, ctx(lead, { now: new Date('2026-03-16T00:30:00.000Z') }));
    expect(event).toMatchObject({ toStatus: 'in_progress', data: { deadline: '2026-03-16T08:30:00.000Z' } });
  });

  it('when a case paused at or after its deadline resumes, then it gets no new time; without a deadline it has none', () => {
    const resumeAt = { now: new Date('2026-03-16T00:30:00.000Z') };
    const atDeadline = caseIn('suspended', { resumeStatus: 'in_progress', pausedAt: DEADLINE });
    expect(decide(atDeadline, { action: 'resume' }, ctx(lead, resumeAt))[0]!.data).toEqual({
      deadline: DEADLINE,
    });
    const noDeadline = caseIn('suspended', { resumeStatus: 'accepted', deadline: null, pausedAt: DEADLINE });
    expect(decide(noDeadline, { action: 'resume' }, ctx(lead, resumeAt))[0]!.data).toEqual({
      deadline: null,
    });
    const notPaused = caseIn('suspended', { resumeStatus: 'accepted', pausedAt: null });
    expect(decide(notPaused, { action: 'resume' }, ctx(lead, resumeAt))[0]!.data).toEqual({
      deadline: DEADLINE,
    });
  });
});

describe('extension requests need a deadline and no pending request', () => {
  it('when the case has no deadline or already has a pending request, then request_extension is not possible', () => {
    const request = {
      action: 'request_extension' as const,
      note: '等配件',
      deadline: '2026-03-11T09:30:00.000Z',
    };
    for (const p of [
      caseIn('in_progress', { deadline: null }),
      caseIn('in_progress', { extensionDeadline: '2026-03-11T09:30:00.000Z' }),
    ]) {
      expect(refusal(() => decide(p, request, ctx(worker))).details).toMatchObject({
        reason: 'not_possible',
      });
    }
  });

  it('when no extension is pending, then it can be neither approved nor rejected', () => {
    for (const action of ['approve_extension', 'reject_extension'] as const) {
      expect(
        refusal(() => decide(caseIn('in_progress'), { action, note: '不行' }, ctx(lead))).details,
      ).toMatchObject({ reason: 'not_possible' });
    }
  });
});

describe('nextStatus', () => {
  const snapshot = (status: CaseStatus, resumeStatus: CaseStatus | null = null) => ({
    status,
    resumeStatus,
    assigneeId: WORKER,
    reporterId: 'reporter-1',
    hasPendingExtension: false,
    deadline: DEADLINE,
  });

  it('when a suspended case without a remembered status resumes, then it goes back to accepted', () => {
    expect(nextStatus(snapshot('suspended'), 'resume')).toBe('accepted');
    expect(nextStatus(snapshot('suspended', 'in_progress'), 'resume')).toBe('in_progress');
  });

  it('when an action leaves the status as it is, then the status stays; when impossible, then it throws', () => {
    expect(nextStatus(snapshot('in_progress'), 'escalate')).toBe('in_progress');
    expect(() => nextStatus(snapshot('closed'), 'verify')).toThrow(
      'verify is impossible while the case is closed',
    );
  });
});
