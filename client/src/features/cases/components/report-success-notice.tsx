import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buildCasePath, paths } from '@/config/paths';

type ReportSuccessNoticeProps = { caseId: string; caseNumber: string; onDismiss: () => void };

/**
 * Shown on the new case's page right after 提交上报 (issue 13): the report form was long, so the page
 * would otherwise open scrolled down with nothing saying it worked. The notice takes the focus, which
 * brings it into view and has a screen reader read it.
 */
export function ReportSuccessNotice({ caseId, caseNumber, onDismiss }: ReportSuccessNoticeProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView?.({ block: 'start' });
  }, []);

  return (
    <section
      ref={ref}
      className="notice notice-success success-notice"
      role="status"
      tabIndex={-1}
      aria-labelledby="reported-title"
    >
      <h2 id="reported-title" className="success-notice-title">
        {t('report.success.title')}
      </h2>
      <p>
        {t('report.success.number')}{' '}
        <Link to={buildCasePath(caseId)} className="case-number" replace>
          {caseNumber}
        </Link>
      </p>
      <p className="success-notice-actions">
        <Link to={paths.newCase} className="button button-small">
          {t('report.success.another')}
        </Link>
        <button type="button" className="button button-small button-quiet" onClick={onDismiss}>
          {t('report.success.dismiss')}
        </button>
      </p>
    </section>
  );
}

/** What the report form hands to the case page through the navigation state. */
export type ReportedState = { reported: { number: string } };

export function readReportedNumber(state: unknown): string | null {
  const reported = (state as Partial<ReportedState> | null)?.reported;
  return typeof reported?.number === 'string' ? reported.number : null;
}
