import '@/styles/badges.css';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { buildCasePath } from '@/config/paths';
import { formatDateTime } from '@/lib/china-time';
import { useCase } from '../api/get-case';
import { CaseStatusBadge, DeadlineBadge, EscalatedFlag } from './case-badges';

/** A case's essentials in a small card (the command map's marker popup), linking to the case page. */
export function CaseSummaryCard({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const caseQuery = useCase(caseId);
  const detail = caseQuery.data;

  function handleKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape') onClose();
  }

  return (
    <section className="case-card-popup" aria-label={t('caseCard.label')} onKeyDown={handleKeyDown}>
      <header className="case-card-popup-header">
        <h2 className="case-card-popup-title">
          {detail ? `${detail.number} · ${detail.category.name}` : '…'}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('caseCard.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {caseQuery.isPending && <Spinner />}
      {caseQuery.isError && <ErrorState error={caseQuery.error} onRetry={() => void caseQuery.refetch()} />}
      {detail && (
        <>
          <p className="case-card-popup-badges">
            <CaseStatusBadge status={detail.status} />
            <DeadlineBadge status={detail.deadlineStatus} />
            {detail.isEscalated && <EscalatedFlag />}
          </p>
          <p className="case-card-popup-description">{detail.description}</p>
          <dl className="facts">
            <dt>{t('caseCard.grid')}</dt>
            <dd>{detail.grid.name}</dd>
            <dt>{t('caseCard.reportedAt')}</dt>
            <dd>{formatDateTime(detail.reportedAt)}</dd>
          </dl>
          <Link to={buildCasePath(detail.id)} className="button button-primary button-block">
            {t('caseCard.open')}
          </Link>
        </>
      )}
    </section>
  );
}
