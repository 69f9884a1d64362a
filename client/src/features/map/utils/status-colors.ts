import type { CaseStatus } from '@gridgov/shared';

/** Waiting → blue, being worked → amber, awaiting check → violet, done → green, stopped → grey. */
export const STATUS_COLORS: Record<CaseStatus, string> = {
  reported: '#2563eb',
  accepted: '#0891b2',
  dispatched: '#d97706',
  in_progress: '#ea580c',
  handled: '#7c3aed',
  suspended: '#6b7280',
  closed: '#16a34a',
  rejected: '#9ca3af',
  cancelled: '#9ca3af',
};
export const OVERDUE_COLOR = '#dc2626';
