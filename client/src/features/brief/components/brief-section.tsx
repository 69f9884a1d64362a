import type { CaseSummary } from '@gridgov/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatShortDateTime } from '@/lib/china-time';
import { pickLocalized } from '@/lib/pick-localized';

type BriefSectionProps = {
  id: string;
  title: string;
  /** The case list with this section's filters. */
  listPath: string;
  items: readonly CaseSummary[] | undefined;
  /** More cases exist than were loaded. */
  hasMore: boolean;
  /** Lines shown on screen; print shows them all. */
  shown: number;
  timeOf: 'deadline' | 'reportedAt';
  casePath: (item: CaseSummary) => string;
  /** e.g. the 督办 control of an overdue case. */
  renderAction?: (item: CaseSummary) => ReactNode;
  /** Loading or error state instead of the lines. */
  fallback?: ReactNode;
};

/** One heading with a count linking to the filtered case list, then one line per case. */
export function BriefSection({
  id,
  title,
  listPath,
  items,
  hasMore,
  shown,
  timeOf,
  casePath,
  renderAction,
  fallback,
}: BriefSectionProps) {
  const { t, i18n } = useTranslation();
  const count = items?.length ?? 0;
  return (
    <section className="brief-section" aria-labelledby={id}>
      <div className="brief-section-heading">
        <h2 id={id}>
          {title}
          {items && (
            <span className="brief-count">
              {hasMore ? t('brief.countMore', { count }) : t('brief.count', { count })}
            </span>
          )}
        </h2>
        <Link className="brief-view-all" to={listPath} aria-label={`${title}：${t('brief.viewAll')}`}>
          {t('brief.viewAll')}
        </Link>
      </div>
      {fallback ??
        (count === 0 ? (
          <p className="muted">{t('brief.empty')}</p>
        ) : (
          <ol className="brief-lines">
            {items?.map((item, index) => {
              const time = timeOf === 'deadline' ? item.deadline : item.reportedAt;
              return (
                <li key={item.id} className="brief-line" data-extra={index >= shown || undefined}>
                  <div className="brief-line-main">
                    <Link to={casePath(item)} className="brief-case-number">
                      {item.number}
                    </Link>
                    <span>{pickLocalized(i18n.language, item.category.name, item.category.nameEn)}</span>
                    <span className="muted">
                      {item.village.name} · {item.grid.name}
                    </span>
                    {time && (
                      <span className="muted">
                        {t(timeOf === 'deadline' ? 'brief.dueAt' : 'brief.reportedAt', {
                          time: formatShortDateTime(time),
                        })}
                      </span>
                    )}
                    {item.isEscalated && (
                      <span className="badge escalated-flag">{t('brief.escalatedBadge')}</span>
                    )}
                  </div>
                  <p className="brief-line-text">{item.description}</p>
                  {renderAction?.(item)}
                </li>
              );
            })}
          </ol>
        ))}
    </section>
  );
}
