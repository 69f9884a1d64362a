import type { CaseSummary } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buildCasePath } from '@/config/paths';
import { formatDateTime } from '@/lib/china-time';
import { pickLocalized } from '@/lib/pick-localized';
import { CaseStatusBadge, DeadlineBadge, EscalatedFlag, PriorityBadge, ReworkCount } from './case-badges';
import { type CaseSelection, isDispatchable } from './case-selection';

type CaseTableProps = { items: readonly CaseSummary[]; selection: CaseSelection | null; label: string };

export function CaseTable({ items, selection, label }: CaseTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={label}>
      <table className="data-table case-table">
        <thead>
          <tr>
            {selection && (
              <th scope="col" className="select-cell">
                <span className="visually-hidden">{t('cases.columns.select')}</span>
              </th>
            )}
            <th scope="col">{t('cases.columns.number')}</th>
            <th scope="col">{t('cases.columns.description')}</th>
            <th scope="col">{t('cases.columns.status')}</th>
            <th scope="col">{t('cases.columns.deadline')}</th>
            <th scope="col">{t('cases.columns.grid')}</th>
            <th scope="col">{t('cases.columns.assignee')}</th>
            <th scope="col">{t('cases.columns.reportedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} aria-selected={selection ? selection.selectedIds.has(item.id) : undefined}>
              {selection && (
                <td className="select-cell">
                  {isDispatchable(item) && (
                    <input
                      type="checkbox"
                      checked={selection.selectedIds.has(item.id)}
                      onChange={() => selection.onToggle(item)}
                      aria-label={t('cases.selectCase', { number: item.number })}
                    />
                  )}
                </td>
              )}
              <th scope="row">
                <Link to={buildCasePath(item.id)} className="case-number">
                  {item.number}
                </Link>
                <span className="case-category">
                  {pickLocalized(language, item.category.name, item.category.nameEn)}
                </span>
              </th>
              <td className="case-description-cell">
                <span className="case-description">{item.description}</span>
                {item.address && <span className="muted case-address">{item.address}</span>}
              </td>
              <td>
                <span className="badge-row">
                  <CaseStatusBadge status={item.status} />
                  {item.priority !== 'normal' && <PriorityBadge priority={item.priority} />}
                  {item.isEscalated && <EscalatedFlag />}
                  <ReworkCount count={item.reworkCount} />
                </span>
              </td>
              <td>
                <DeadlineBadge status={item.deadlineStatus} />
                {item.deadline && (
                  <span className="muted case-deadline">{formatDateTime(item.deadline)}</span>
                )}
              </td>
              <td className="nowrap">
                {item.grid.name}
                <span className="muted case-village">{item.village.name}</span>
              </td>
              <td>{item.assignee?.name ?? <span className="muted">{t('cases.unassigned')}</span>}</td>
              <td className="nowrap">{formatDateTime(item.reportedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
