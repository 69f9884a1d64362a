import type { CaseSummary } from '@gridgov/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buildCasePath } from '@/config/paths';
import { formatDateTime } from '@/lib/china-time';
import { CaseStatusBadge } from './case-badges';

type NearbyCasesNoticeProps = {
  cases: readonly CaseSummary[];
  /** The user tried to submit without saying these are different problems. */
  needsDecision: boolean;
  /** Grows on every 提交上报 that stopped here: each one brings the notice into view again. */
  decisionRequest: number;
  isAcknowledged: boolean;
  isSubmitting: boolean;
  onContinue: () => void;
};

/** Possible duplicates (same category, open, within 50 m, last 14 days), shown before the report is sent. */
export function NearbyCasesNotice({
  cases,
  needsDecision,
  decisionRequest,
  isAcknowledged,
  isSubmitting,
  onContinue,
}: NearbyCasesNoticeProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);

  // The notice sits above the submit button, often off screen on a phone: without this, 提交上报
  // would seem to do nothing (issue 13).
  useEffect(() => {
    if (decisionRequest === 0) return;
    ref.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView?.({ block: 'start' });
  }, [decisionRequest]);

  if (cases.length === 0) return null;

  return (
    <section ref={ref} className="nearby-notice" aria-labelledby="nearby-cases-title" tabIndex={-1}>
      <h2 id="nearby-cases-title" className="nearby-title">
        {t('report.nearby.title')}
      </h2>
      <p>{t('report.nearby.body', { count: cases.length })}</p>
      <ul className="nearby-list">
        {cases.map((item) => (
          <li key={item.id}>
            <Link to={buildCasePath(item.id)} target="_blank" rel="noopener" className="case-number">
              {item.number}
            </Link>
            <CaseStatusBadge status={item.status} />
            <span className="nearby-description">{item.description}</span>
            <span className="muted nearby-time">{formatDateTime(item.reportedAt)}</span>
          </li>
        ))}
      </ul>
      {needsDecision && (
        <p className="form-error" role="alert">
          {t('report.nearby.confirmFirst')}
        </p>
      )}
      {!isAcknowledged && (
        <button type="button" className="button" onClick={onContinue} disabled={isSubmitting}>
          {t('report.nearby.continue')}
        </button>
      )}
    </section>
  );
}
