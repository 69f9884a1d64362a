// The case row is a projection of its events: `applyCaseEvent` folds one event into the row's
// state. Events carry every computed value (deadlines included), so folding needs no calendar and a
// later calendar edit never rewrites an old case.
import type { CaseEventKind, CaseStatus } from './case-states';

export interface CaseEventData {
  deadline?: string | null;
  slaWorkingMs?: number;
  extensionDeadline?: string;
  duplicateOfId?: string;
  department?: string;
  /** regrid: where the case was and where it went (the grid is a column, not part of the projection). */
  fromGridCode?: string;
  toGridCode?: string;
}

export interface CaseEventRecord {
  kind: CaseEventKind;
  actorId: string;
  at: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  note: string | null;
  assigneeId: string | null;
  photoIds: string[];
  data: CaseEventData;
}

export interface CaseProjection {
  status: CaseStatus;
  resumeStatus: CaseStatus | null;
  assigneeId: string | null;
  acceptedAt: string | null;
  handledAt: string | null;
  closedAt: string | null;
  slaWorkingMs: number | null;
  deadline: string | null;
  pausedAt: string | null;
  reworkCount: number;
  isEscalated: boolean;
  escalatedAt: string | null;
  escalatedById: string | null;
  escalationNote: string | null;
  extensionDeadline: string | null;
  extensionNote: string | null;
  extensionById: string | null;
  duplicateOfId: string | null;
}

export const EMPTY_PROJECTION: CaseProjection = {
  status: 'reported',
  resumeStatus: null,
  assigneeId: null,
  acceptedAt: null,
  handledAt: null,
  closedAt: null,
  slaWorkingMs: null,
  deadline: null,
  pausedAt: null,
  reworkCount: 0,
  isEscalated: false,
  escalatedAt: null,
  escalatedById: null,
  escalationNote: null,
  extensionDeadline: null,
  extensionNote: null,
  extensionById: null,
  duplicateOfId: null,
};

const CLEARED_EXTENSION = { extensionDeadline: null, extensionNote: null, extensionById: null } as const;

export function applyCaseEvent(p: CaseProjection, e: CaseEventRecord): CaseProjection {
  const next: CaseProjection = { ...p, status: e.toStatus };
  switch (e.kind) {
    case 'report':
      return { ...EMPTY_PROJECTION, status: e.toStatus };
    case 'accept':
      return {
        ...next,
        acceptedAt: e.at,
        slaWorkingMs: e.data.slaWorkingMs ?? null,
        deadline: e.data.deadline ?? null,
      };
    case 'dispatch':
    case 'auto_dispatch':
    case 'reassign':
      return { ...next, assigneeId: e.assigneeId };
    case 'feedback':
      return { ...next, handledAt: e.at };
    case 'verify':
      return { ...next, closedAt: e.at };
    case 'return':
      return { ...next, handledAt: null, reworkCount: p.reworkCount + 1 };
    case 'suspend':
      return { ...next, resumeStatus: e.fromStatus, pausedAt: e.at };
    case 'resume':
      return { ...next, resumeStatus: null, pausedAt: null, deadline: e.data.deadline ?? p.deadline };
    case 'request_extension':
      return {
        ...next,
        extensionDeadline: e.data.extensionDeadline ?? null,
        extensionNote: e.note,
        extensionById: e.actorId,
      };
    case 'approve_extension':
      return {
        ...next,
        ...CLEARED_EXTENSION,
        deadline: e.data.deadline ?? p.deadline,
        slaWorkingMs: e.data.slaWorkingMs ?? p.slaWorkingMs,
      };
    case 'reject_extension':
      return { ...next, ...CLEARED_EXTENSION };
    case 'escalate':
      return {
        ...next,
        isEscalated: true,
        escalatedAt: e.at,
        escalatedById: e.actorId,
        escalationNote: e.note,
      };
    case 'mark_duplicate':
      return { ...next, duplicateOfId: e.data.duplicateOfId ?? null };
    case 'reject':
    case 'start':
    case 'cancel':
    case 'regrid':
      return next;
  }
}

export function projectCase(events: readonly CaseEventRecord[]): CaseProjection {
  return events.reduce(applyCaseEvent, EMPTY_PROJECTION);
}
