import { z } from 'zod';

export const CASE_STATUSES = [
  'reported', // 上报
  'accepted', // 立案
  'dispatched', // 派遣
  'in_progress', // 处置中
  'handled', // 已反馈, awaiting verification
  'suspended', // 挂起: the deadline clock stops
  'closed', // 核查结案
  'rejected', // 不予立案
  'cancelled', // 撤销 (also: marked as a duplicate)
] as const;
export const caseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const TERMINAL_STATUSES: readonly CaseStatus[] = ['closed', 'rejected', 'cancelled'];
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter(
  (s) => !TERMINAL_STATUSES.includes(s),
);

export function isTerminalStatus(status: CaseStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const casePrioritySchema = z.enum(CASE_PRIORITIES);
export type CasePriority = z.infer<typeof casePrioritySchema>;

export const CASE_ACTIONS = [
  'accept',
  'reject',
  'dispatch',
  'reassign',
  'start',
  'feedback',
  'verify',
  'return',
  'suspend',
  'resume',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'escalate',
  'cancel',
  'mark_duplicate',
] as const;
export const caseActionSchema = z.enum(CASE_ACTIONS);
export type CaseAction = z.infer<typeof caseActionSchema>;

/**
 * Event kinds on the timeline: every action, plus the report itself, the automatic dispatch, and
 * `regrid` — an administrator's boundary change (split, merge) moved the case to another grid.
 */
export const CASE_EVENT_KINDS = ['report', ...CASE_ACTIONS, 'auto_dispatch', 'regrid'] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];
