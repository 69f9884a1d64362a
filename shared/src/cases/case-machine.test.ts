import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDefaultCalendar } from '../calendar';
import type { CaseActionRequest } from './case-api.schema';
import { CaseDecisionError, type DecisionContext, decideCaseAction } from './case-decide';
import { ACTION_RULES, type CaseActor, listAllowedActions } from './case-machine';
import { applyCaseEvent, type CaseProjection, EMPTY_PROJECTION, projectCase } from './case-projection';
import {
  CASE_ACTIONS,
  CASE_STATUSES,
  type CaseAction,
  type CaseStatus,
  TERMINAL_STATUSES,
} from './case-states';

const calendar = buildDefaultCalendar();
const WORKER = 'worker-1';
const REPORTER = 'reporter-1';
const leader: CaseActor = { id: 'leader-1', roles: ['grid_leader'], leadsGrid: true, leadsTown: false };
const townLeader: CaseActor = { id: 'town-1', roles: ['town_leader'], leadsGrid: false, leadsTown: true };
const worker: CaseActor = { id: WORKER, roles: ['grid_worker'], leadsGrid: false, leadsTown: false };
const reporter: CaseActor = { id: REPORTER, roles: ['grid_worker'], leadsGrid: false, leadsTown: false };
const stranger: CaseActor = { id: 'stranger', roles: ['grid_worker'], leadsGrid: false, leadsTown: false };
const ACTORS = [leader, townLeader, worker, reporter, stranger];

function fullRequest(action: CaseAction, p: CaseProjection, now: Date): CaseActionRequest {
  const later = new Date((p.deadline ? new Date(p.deadline) : now).getTime() + 3 * 86_400_000).toISOString();
  return {
    action,
    version: 0,
    note: 'note',
    assigneeId: WORKER,
    photoIds: ['00000000-0000-7000-8000-000000000001'],
    deadline: later,
    duplicateOfId: '00000000-0000-7000-8000-000000000002',
  };
}

function context(actor: CaseActor, now: Date, auto = true): DecisionContext {
  // Without an auto-assignee (a department category, nobody active) the case waits in `accepted`.
  const autoAssigneeId = auto ? WORKER : null;
  return {
    now,
    calendar,
    actor,
    reporterId: REPORTER,
    sla: { unit: 'working_days', amount: 3 },
    autoAssigneeId,
  };
}

/** Tries an action as an actor; returns the new projection, or null when refused. */
function tryAction(p: CaseProjection, action: CaseAction, actor: CaseActor, now: Date, auto = true) {
  try {
    const events = decideCaseAction(p, fullRequest(action, p, now), context(actor, now, auto));
    return { events, next: events.reduce(applyCaseEvent, p) };
  } catch (error) {
    if (error instanceof CaseDecisionError) return null;
    throw error;
  }
}

const step = fc.record({
  action: fc.constantFrom(...CASE_ACTIONS),
  actor: fc.constantFrom(...ACTORS),
  minutes: fc.integer({ min: 1, max: 5000 }),
  auto: fc.boolean(),
});

describe('the case state machine', () => {
  it('when any sequence of actions is attempted by anyone, then every accepted step follows the rules and the row equals the fold of its events', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let p = EMPTY_PROJECTION;
        let now = new Date('2026-03-02T01:00:00Z');
        const log = [];
        for (const s of steps) {
          now = new Date(now.getTime() + s.minutes * 60_000);
          const before = p.status;
          const result = tryAction(p, s.action, s.actor, now, s.auto);
          if (!result) continue;
          const rule = ACTION_RULES[s.action];
          expect(rule.from).toContain(before);
          expect(CASE_STATUSES).toContain(result.next.status);
          if (rule.to) expect(result.events[0]!.toStatus).toBe(rule.to);
          for (const [i, e] of result.events.entries()) {
            expect(e.fromStatus).toBe(i === 0 ? before : result.events[i - 1]!.toStatus);
          }
          expect(TERMINAL_STATUSES).not.toContain(before);
          log.push(...result.events);
          p = result.next;
        }
        expect(
          projectCase([
            {
              kind: 'report',
              actorId: REPORTER,
              at: '',
              fromStatus: null,
              toStatus: 'reported',
              note: null,
              assigneeId: null,
              photoIds: [],
              data: {},
            },
            ...log,
          ]),
        ).toEqual(p);
      }),
      { numRuns: 300 },
    );
  });

  it('when a case reaches a terminal status, then nobody can do anything with it', () => {
    for (const status of TERMINAL_STATUSES) {
      const p = { ...EMPTY_PROJECTION, status };
      for (const actor of ACTORS) {
        expect(listAllowedActions({ ...p, reporterId: REPORTER, hasPendingExtension: false }, actor)).toEqual(
          [],
        );
      }
    }
  });

  it('when exploring every reachable state, then each one can still end closed, rejected or cancelled', () => {
    // Breadth-first over (status, has-pending-extension) with every actor.
    const key = (p: CaseProjection) => `${p.status}|${p.extensionDeadline !== null}|${p.resumeStatus}`;
    const seen = new Map<string, CaseProjection>([[key(EMPTY_PROJECTION), EMPTY_PROJECTION]]);
    const edges = new Map<string, Set<string>>();
    const queue = [EMPTY_PROJECTION];
    const now = new Date('2026-03-02T01:00:00Z');
    while (queue.length) {
      const p = queue.shift()!;
      for (const action of CASE_ACTIONS) {
        for (const [actor, auto] of ACTORS.flatMap(
          (a) =>
            [
              [a, true],
              [a, false],
            ] as const,
        )) {
          const result = tryAction(p, action, actor, now, auto);
          if (!result) continue;
          const k = key(result.next);
          if (!edges.has(key(p))) edges.set(key(p), new Set());
          edges.get(key(p))!.add(k);
          if (!seen.has(k)) {
            seen.set(k, result.next);
            queue.push(result.next);
          }
        }
      }
    }
    const statuses = new Set([...seen.values()].map((p) => p.status));
    expect([...statuses].sort()).toEqual([...CASE_STATUSES].sort());
    const canFinish = (start: string): boolean => {
      const stack = [start];
      const visited = new Set<string>();
      while (stack.length) {
        const k = stack.pop()!;
        if (TERMINAL_STATUSES.includes(k.split('|')[0] as CaseStatus)) return true;
        if (visited.has(k)) continue;
        visited.add(k);
        stack.push(...(edges.get(k) ?? []));
      }
      return false;
    };
    for (const k of seen.keys()) expect(canFinish(k), `stuck at ${k}`).toBe(true);
  });

  it('when a random walk follows allowed actions towards the end, then it always finishes in closed, rejected or cancelled', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 60, maxLength: 60 }), (choices) => {
        let p = EMPTY_PROJECTION;
        let now = new Date('2026-03-02T01:00:00Z');
        for (const choice of choices) {
          if (TERMINAL_STATUSES.includes(p.status)) break;
          now = new Date(now.getTime() + 3_600_000);
          const options = ACTORS.flatMap((actor) =>
            listAllowedActions(
              { ...p, reporterId: REPORTER, hasPendingExtension: p.extensionDeadline !== null },
              actor,
            ).map((a) => ({ a, actor })),
          );
          // After 40 steps, only take actions that move forward, so every walk ends.
          const forward = options.filter(({ a }) =>
            ['accept', 'start', 'feedback', 'verify', 'resume', 'reject', 'dispatch'].includes(a),
          );
          const pool = choice % 3 === 0 && forward.length ? forward : options;
          const pick = pool[choice % pool.length]!;
          p = tryAction(p, pick.a, pick.actor, now)!.next;
        }
        let guard = 0;
        while (!TERMINAL_STATUSES.includes(p.status) && guard++ < 20) {
          const next = ['resume', 'approve_extension', 'accept', 'start', 'feedback', 'verify']
            .map((a) => ACTORS.map((actor) => tryAction(p, a as CaseAction, actor, now)).find(Boolean))
            .find(Boolean);
          expect(next, `no way forward from ${p.status}`).toBeTruthy();
          p = next!.next;
        }
        expect(TERMINAL_STATUSES).toContain(p.status);
      }),
      { numRuns: 200 },
    );
  });
});

describe('who may do what', () => {
  const dispatched: CaseProjection = {
    ...EMPTY_PROJECTION,
    status: 'dispatched',
    assigneeId: WORKER,
    deadline: '2026-03-05T09:30:00Z',
  };
  const now = new Date('2026-03-03T02:00:00Z');

  it('when the grid worker is the assignee, then they may start, and not verify', () => {
    expect(
      listAllowedActions({ ...dispatched, reporterId: REPORTER, hasPendingExtension: false }, worker),
    ).toEqual(['start', 'request_extension']);
  });

  it('when a grid leader verifies a handled case, then it closes; a worker trying the same is forbidden', () => {
    const handled = { ...dispatched, status: 'handled' as const };
    expect(tryAction(handled, 'verify', leader, now)!.next.status).toBe('closed');
    expect(() =>
      decideCaseAction(handled, fullRequest('verify', handled, now), context(worker, now)),
    ).toThrow(/may not/);
  });

  it('when an action is impossible in the state, then 422-type refusal, not 403', () => {
    let error: unknown;
    try {
      decideCaseAction(dispatched, fullRequest('verify', dispatched, now), context(leader, now));
    } catch (e) {
      error = e;
    }
    expect((error as CaseDecisionError).code).toBe('unprocessable');
  });

  it('when feedback has no photo or a rejection has no reason, then it is refused listing what is missing', () => {
    const inProgress = { ...dispatched, status: 'in_progress' as const };
    expect(() =>
      decideCaseAction(inProgress, { action: 'feedback', version: 0, note: 'done' }, context(worker, now)),
    ).toThrow(/photoIds/);
    expect(() =>
      decideCaseAction(EMPTY_PROJECTION, { action: 'reject', version: 0 }, context(leader, now)),
    ).toThrow(/note/);
  });

  it('when the grid leader handled the case themselves, then they may not verify it; the town leader may', () => {
    const handledByLeader = { ...dispatched, status: 'handled' as const, assigneeId: leader.id };
    expect(tryAction(handledByLeader, 'verify', leader, now)).toBeNull();
    expect(tryAction(handledByLeader, 'return', leader, now)).toBeNull();
    expect(tryAction(handledByLeader, 'verify', townLeader, now)!.next.status).toBe('closed');
  });

  it('when only the town leader escalates, then a grid leader cannot', () => {
    expect(tryAction(dispatched, 'escalate', townLeader, now)!.next.isEscalated).toBe(true);
    expect(tryAction(dispatched, 'escalate', leader, now)).toBeNull();
  });

  it('when a case is returned for rework, then it goes back to dispatched and the count rises', () => {
    const handled = { ...dispatched, status: 'handled' as const, handledAt: now.toISOString() };
    const back = tryAction(handled, 'return', leader, now)!.next;
    expect(back).toMatchObject({ status: 'dispatched', reworkCount: 1, handledAt: null, assigneeId: WORKER });
  });

  it('when accepted with an auto-assignee, then an accept and an automatic dispatch are recorded, with a working-time deadline', () => {
    const monday10 = new Date('2026-03-02T02:00:00Z'); // 10:00 in China
    const events = decideCaseAction(
      EMPTY_PROJECTION,
      { action: 'accept', version: 0 },
      context(leader, monday10),
    );
    expect(events.map((e) => e.kind)).toEqual(['accept', 'auto_dispatch']);
    const p = events.reduce(applyCaseEvent, EMPTY_PROJECTION);
    expect(p).toMatchObject({
      status: 'dispatched',
      assigneeId: WORKER,
      deadline: '2026-03-05T02:00:00.000Z',
    });
  });

  it('when suspended over a weekend and resumed, then the remaining working time is carried over', () => {
    const accepted = decideCaseAction(
      EMPTY_PROJECTION,
      { action: 'accept', version: 0 },
      context(leader, new Date('2026-03-02T02:00:00Z')),
    ).reduce(applyCaseEvent, EMPTY_PROJECTION);
    // Suspended Friday 10:00, resumed Monday 10:00: the same working time remains, five days later.
    const friday = new Date('2026-03-06T02:00:00Z');
    const suspended = tryAction(
      { ...accepted, deadline: '2026-03-10T02:00:00.000Z' },
      'suspend',
      leader,
      friday,
    )!.next;
    expect(suspended.status).toBe('suspended');
    const resumed = tryAction(suspended, 'resume', leader, new Date('2026-03-09T02:00:00Z'))!.next;
    expect(resumed).toMatchObject({
      status: 'dispatched',
      deadline: '2026-03-11T02:00:00.000Z',
      pausedAt: null,
    });
  });
});

describe('a reporter withdrawing (cancel)', () => {
  // Written out by hand: a reporter who neither leads nor holds the case may only withdraw it while
  // nobody has taken it up, that is while it is still `reported`.
  const expected: Record<CaseStatus, CaseAction[]> = {
    reported: ['cancel'],
    accepted: [],
    dispatched: [],
    in_progress: [],
    handled: [],
    suspended: [],
    closed: [],
    rejected: [],
    cancelled: [],
  };

  it.each(Object.entries(expected))('when the case is %s, then the reporter may do %j', (status, actions) => {
    const snapshot = {
      status: status as CaseStatus,
      resumeStatus: status === 'suspended' ? ('dispatched' as const) : null,
      assigneeId: status === 'reported' || status === 'accepted' ? null : WORKER,
      reporterId: REPORTER,
      hasPendingExtension: false,
      deadline: null,
    };
    expect(listAllowedActions(snapshot, reporter)).toEqual(actions);
  });

  it('when someone else (not reporter, assignee or leader) looks at a reported case, then they may do nothing', () => {
    const snapshot = {
      status: 'reported' as const,
      resumeStatus: null,
      assigneeId: null,
      reporterId: REPORTER,
      hasPendingExtension: false,
      deadline: null,
    };
    expect(listAllowedActions(snapshot, stranger)).toEqual([]);
  });

  it('when the reporter asks to cancel an accepted case, then the decision refuses it', () => {
    const now = new Date('2026-03-02T02:00:00.000Z');
    const accepted = tryAction(projectCase([]), 'accept', leader, now, false);
    expect(accepted?.next.status).toBe('accepted');
    expect(tryAction(accepted!.next, 'cancel', reporter, now)).toBeNull();
  });
});
