import type { CaseSummary } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buildCasePath } from '@/config/paths';
import { formatDateTime } from '@/lib/china-time';
import { pickLocalized } from '@/lib/pick-localized';
import { CaseStatusBadge, DeadlineBadge, EscalatedFlag, PriorityBadge, ReworkCount } from './case-badges';
import { type CaseSelection, isDispatchable } from './case-selection';

type CaseCardsProps = { items: readonly CaseSummary[]; selection: CaseSelection | null; label: string };

/** The phone layout of the list: one tappable card per case (the whole card opens it). */
export function CaseCards({ items, selection, label }: CaseCardsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  return (
    <ul className="case-cards" aria-label={label}>
      {items.map((item) => (
        <li key={item.id} className="case-card" data-selected={selection?.selectedIds.has(item.id) ?? false}>
          <div className="case-card-top">
            <Link to={buildCasePath(item.id)} className="case-number case-card-link">
              {item.number}
            </Link>
            <span className="badge-row">
              <CaseStatusBadge status={item.status} />
              <DeadlineBadge status={item.deadlineStatus} />
            </span>
          </div>
          <p className="case-card-category">
            {pickLocalized(language, item.category.name, item.category.nameEn)}
            {item.priority !== 'normal' && <PriorityBadge priority={item.priority} />}
            {item.isEscalated && <EscalatedFlag />}
            <ReworkCount count={item.reworkCount} />
          </p>
          <p className="case-description">{item.description}</p>
          <p className="case-card-meta muted">
            <span>{item.grid.name}</span>
            <span>{item.assignee?.name ?? t('cases.unassigned')}</span>
            <span>
              {item.deadline
                ? t('cases.deadlineAt', { time: formatDateTime(item.deadline) })
                : formatDateTime(item.reportedAt)}
            </span>
          </p>
          {selection && isDispatchable(item) && (
            <label className="case-card-select">
              <input
                type="checkbox"
                checked={selection.selectedIds.has(item.id)}
                onChange={() => selection.onToggle(item)}
              />
              {t('cases.selectForDispatch')}
            </label>
          )}
        </li>
      ))}
    </ul>
  );
}
