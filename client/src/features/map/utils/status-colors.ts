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
/** The ring of a 督办 (escalated) case marker. */
export const ESCALATED_RING_COLOR = '#111827';
/** A cluster of cases; red when any of them is overdue. */
export const CLUSTER_COLOR = '#1d5fa8';
export const CLUSTER_OVERDUE_COLOR = '#dc2626';
