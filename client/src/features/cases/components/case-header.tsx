import type { CaseDetail } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buildCasePath } from '@/config/paths';
import { formatDateTime } from '@/lib/china-time';
import { pickLocalized } from '@/lib/pick-localized';
import { CaseStatusBadge, DeadlineBadge, PriorityBadge, ReworkCount } from './case-badges';

export function CaseHeader({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { escalation, pendingExtension, duplicateOf } = caseDetail;

  return (
    <header className="case-header">
      <p className="case-header-eyebrow">
        {pickLocalized(language, caseDetail.category.name, caseDetail.category.nameEn)}
        <span aria-hidden="true"> · </span>
        {caseDetail.village.name} {caseDetail.grid.name}
      </p>
      <h1 className="case-header-title">
        <span className="visually-hidden">{t('caseDetail.numberLabel')}</span>
        {caseDetail.number}
      </h1>
      <div className="badge-row">
        <CaseStatusBadge status={caseDetail.status} />
        <PriorityBadge priority={caseDetail.priority} />
        <DeadlineBadge status={caseDetail.deadlineStatus} />
        <ReworkCount count={caseDetail.reworkCount} />
      </div>
      {caseDetail.deadline && (
        <p className="case-header-deadline">
          {t('caseDetail.deadlineValue', { time: formatDateTime(caseDetail.deadline) })}
        </p>
      )}
      {caseDetail.isEscalated && (
        <div className="banner banner-escalated" role="note">
          <strong>{t('cases.escalated')}</strong>
          {escalation && (
            <>
              <span className="banner-text">{escalation.note}</span>
              <span className="banner-meta">
                {t('caseDetail.escalatedBy', {
                  name: escalation.by.name,
                  time: formatDateTime(escalation.at),
                })}
              </span>
            </>
          )}
        </div>
      )}
      {pendingExtension && (
        <div className="banner banner-info" role="note">
          {t('caseDetail.pendingExtension', {
            name: pendingExtension.requestedBy.name,
            time: formatDateTime(pendingExtension.deadline),
            note: pendingExtension.note,
          })}
        </div>
      )}
      {duplicateOf && (
        <div className="banner banner-info" role="note">
          {t('caseDetail.duplicateOf')} <Link to={buildCasePath(duplicateOf.id)}>{duplicateOf.number}</Link>
        </div>
      )}
      {caseDetail.isOutsideGrid && <p className="muted">{t('cases.outsideGrid')}</p>}
    </header>
  );
}
