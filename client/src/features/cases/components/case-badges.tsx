import type { CasePriority, CaseStatus, DeadlineStatus } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge case-status case-status-${status}`}
      data-testid="case-status"
      data-status={status}
    >
      {t(`caseStatus.${status}`)}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: CasePriority }) {
  const { t } = useTranslation();
  return (
    <span className={`badge priority priority-${priority}`}>
      <span className="visually-hidden">{t('cases.priorityLabel')}</span>
      {t(`casePriority.${priority}`)}
    </span>
  );
}

/** Green on time, yellow due soon, red overdue, grey while the clock is stopped (suspended). */
export function DeadlineBadge({ status }: { status: DeadlineStatus | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <span className={`badge deadline deadline-${status}`} data-testid="deadline-status" data-status={status}>
      {t(`deadlineStatus.${status}`)}
    </span>
  );
}

export function EscalatedFlag() {
  const { t } = useTranslation();
  return <span className="badge escalated-flag">{t('cases.escalated')}</span>;
}

export function ReworkCount({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return <span className="badge rework">{t('cases.rework', { count })}</span>;
}
