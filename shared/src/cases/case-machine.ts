// The case lifecycle as a pure state machine, shared by the server (which enforces it) and the
// client (which shows exactly the allowed buttons). See docs/decisions/005-case-lifecycle.md.
import type { Role } from '../api/staff.schema';
import type { CaseAction, CaseStatus } from './case-states';

/** Who may act: the case's assignee or reporter, a leader of its grid, a town leader of its town. */
export type CaseParty = 'assignee' | 'reporter' | 'grid_leader' | 'town_leader';

export interface ActionRule {
  from: readonly CaseStatus[];
  /** null: the status does not change (escalate, extension requests), or it is `resumeStatus`. */
  to: CaseStatus | null;
  who: readonly CaseParty[];
  /** Extra conditions on the case beyond its status. */
  when?: (c: CaseSnapshot) => boolean;
  needs: { note?: boolean; photos?: boolean; assignee?: boolean; deadline?: boolean; duplicateOf?: boolean };
  /** Four-eyes: the person who handled the case may not take this action on it. */
  notByAssignee?: boolean;
}

const LEADERS = ['grid_leader', 'town_leader'] as const;
const WORKING: readonly CaseStatus[] = ['dispatched', 'in_progress'];
const OPEN: readonly CaseStatus[] = [
  'reported',
  'accepted',
  'dispatched',
  'in_progress',
  'handled',
  'suspended',
];

export const ACTION_RULES: Record<CaseAction, ActionRule> = {
  accept: { from: ['reported'], to: 'accepted', who: LEADERS, needs: {} },
  reject: { from: ['reported'], to: 'rejected', who: LEADERS, needs: { note: true } },
  dispatch: { from: ['accepted'], to: 'dispatched', who: LEADERS, needs: { assignee: true } },
  reassign: { from: WORKING, to: 'dispatched', who: LEADERS, needs: { assignee: true } },
  start: { from: ['dispatched'], to: 'in_progress', who: ['assignee'], needs: {} },
  feedback: { from: ['in_progress'], to: 'handled', who: ['assignee'], needs: { note: true, photos: true } },
  verify: { from: ['handled'], to: 'closed', who: LEADERS, needs: {}, notByAssignee: true },
  return: { from: ['handled'], to: 'dispatched', who: LEADERS, needs: { note: true }, notByAssignee: true },
  suspend: { from: ['accepted', ...WORKING], to: 'suspended', who: LEADERS, needs: { note: true } },
  resume: { from: ['suspended'], to: null, who: LEADERS, needs: {} },
  request_extension: {
    from: WORKING,
    to: null,
    who: ['assignee'],
    when: (c) => !c.hasPendingExtension && c.deadline !== null,
    needs: { note: true, deadline: true },
  },
  approve_extension: { from: WORKING, to: null, who: LEADERS, when: (c) => c.hasPendingExtension, needs: {} },
  reject_extension: {
    from: WORKING,
    to: null,
    who: LEADERS,
    when: (c) => c.hasPendingExtension,
    needs: { note: true },
  },
  escalate: { from: OPEN, to: null, who: ['town_leader'], needs: { note: true } },
  cancel: { from: OPEN, to: 'cancelled', who: [...LEADERS, 'reporter'], needs: { note: true } },
  mark_duplicate: {
    from: ['reported', 'accepted'],
    to: 'cancelled',
    who: LEADERS,
    needs: { duplicateOf: true },
  },
};

/** What the machine needs to know about a case. */
export interface CaseSnapshot {
  status: CaseStatus;
  /** The status a suspended case returns to. */
  resumeStatus: CaseStatus | null;
  assigneeId: string | null;
  reporterId: string;
  hasPendingExtension: boolean;
  deadline: string | null;
}

/** What the machine needs to know about the person acting. */
export interface CaseActor {
  id: string;
  roles: readonly Role[];
  /** Holds grid_leader for the case's grid. */
  leadsGrid: boolean;
  /** Holds town_leader for the case's town (or its county). */
  leadsTown: boolean;
}

export function isParty(c: CaseSnapshot, actor: CaseActor, party: CaseParty): boolean {
  switch (party) {
    case 'assignee':
      return c.assigneeId === actor.id;
    case 'reporter':
      // A reporter may only withdraw a case nobody has taken up yet.
      return c.reporterId === actor.id && c.status === 'reported';
    case 'grid_leader':
      return actor.leadsGrid;
    case 'town_leader':
      return actor.leadsTown;
  }
}

/** True when the case's state allows the action at all (whoever asks). */
export function isActionPossible(c: CaseSnapshot, action: CaseAction): boolean {
  const rule = ACTION_RULES[action];
  return rule.from.includes(c.status) && (rule.when?.(c) ?? true);
}

/** True when this person is among those who may take the action (whatever the state). */
export function isActorPermitted(c: CaseSnapshot, actor: CaseActor, action: CaseAction): boolean {
  const rule = ACTION_RULES[action];
  if (rule.notByAssignee && c.assigneeId === actor.id) return false;
  return rule.who.some((party) => isParty(c, actor, party));
}

export function listAllowedActions(c: CaseSnapshot, actor: CaseActor): CaseAction[] {
  return (Object.keys(ACTION_RULES) as CaseAction[]).filter(
    (action) => isActionPossible(c, action) && isActorPermitted(c, actor, action),
  );
}

/** The status after the action; throws when the action is impossible in this state. */
export function nextStatus(c: CaseSnapshot, action: CaseAction): CaseStatus {
  if (!isActionPossible(c, action)) throw new Error(`${action} is impossible while the case is ${c.status}`);
  const rule = ACTION_RULES[action];
  if (rule.to) return rule.to;
  if (action === 'resume') return c.resumeStatus ?? 'accepted';
  return c.status;
}
