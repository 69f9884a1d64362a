import type { CaseSummary } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buildCasePath } from '@/config/paths';
import { formatDateTime } from '../utils/date-time';
import { CaseStatusBadge } from './case-badges';

type NearbyCasesNoticeProps = {
  cases: readonly CaseSummary[];
  /** The user tried to submit without saying these are different problems. */
  needsDecision: boolean;
  isAcknowledged: boolean;
  isSubmitting: boolean;
  onContinue: () => void;
};

/** Possible duplicates (same category, open, within 50 m, last 14 days), shown before the report is sent. */
export function NearbyCasesNotice({
  cases,
  needsDecision,
  isAcknowledged,
  isSubmitting,
  onContinue,
}: NearbyCasesNoticeProps) {
  const { t, i18n } = useTranslation();
  if (cases.length === 0) return null;

  return (
    <section className="nearby-notice" aria-labelledby="nearby-cases-title">
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
            <span className="muted nearby-time">{formatDateTime(item.reportedAt, i18n.language)}</span>
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
