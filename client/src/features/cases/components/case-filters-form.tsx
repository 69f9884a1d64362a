import { CASE_SORTS, type Category } from '@gridgov/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DayInput } from '@/components/ui/day-input';
import type { CaseFilters } from '../api/get-cases';
import { useIsNarrowScreen } from '../hooks/use-is-narrow-screen';
import { type CaseSort, countActiveFilters } from '../utils/case-filters';
import { CategoryOptions } from './category-options';
import { StatusFilter } from './status-filter';

type CaseFiltersFormProps = {
  filters: CaseFilters;
  onChange: (changes: Partial<CaseFilters>) => void;
  onReset: () => void;
  categories: readonly Category[];
  villages: readonly { id: string; name: string }[];
  /** The name of the grid the list is narrowed to (from the map's grid panel). */
  gridName: string | null;
};

/** Controls apply at once; the keyword applies on submit. Everything lives in the URL (useCaseFilters). */
export function CaseFiltersForm(props: CaseFiltersFormProps) {
  const { filters, onChange, onReset, categories, villages, gridName } = props;
  const { t } = useTranslation();
  const id = useId();
  const isNarrow = useIsNarrowScreen();
  // On phones the extra filters start folded, so the list is visible without scrolling.
  const [isOpen, setIsOpen] = useState(!isNarrow);
  const activeCount = countActiveFilters(filters);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get('q');
    onChange({ q: typeof q === 'string' ? q.trim() : '' });
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is unknown to older WebViews (and to jsdom); the role is equivalent
    <form className="case-filters" role="search" aria-label={t('caseFilters.label')} onSubmit={handleSubmit}>
      <div className="field field-grow">
        <label htmlFor={`${id}-q`}>{t('caseFilters.q')}</label>
        <div className="input-with-button">
          <input
            key={filters.q}
            id={`${id}-q`}
            name="q"
            type="search"
            maxLength={100}
            defaultValue={filters.q}
            placeholder={t('caseFilters.qPlaceholder')}
          />
          <button type="submit" className="button button-primary">
            {t('common.search')}
          </button>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-sort`}>{t('caseFilters.sort')}</label>
        <select
          id={`${id}-sort`}
          value={filters.sort}
          onChange={(event) => onChange({ sort: event.target.value as CaseSort })}
        >
          {CASE_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`caseSort.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      <details
        className="case-filters-more"
        open={isOpen}
        onToggle={(event) => setIsOpen(event.currentTarget.open)}
      >
        <summary>
          {t('caseFilters.more')}
          {activeCount > 0 && ` ${t('caseFilters.activeCount', { count: activeCount })}`}
        </summary>
        <div className="case-filters-grid">
          <StatusFilter selected={filters.status} onChange={(status) => onChange({ status })} />
          <div className="field">
            <label htmlFor={`${id}-category`}>{t('caseFilters.category')}</label>
            <select
              id={`${id}-category`}
              value={filters.categoryCode ?? ''}
              onChange={(event) => onChange({ categoryCode: event.target.value || null })}
            >
              <option value="">{t('caseFilters.allCategories')}</option>
              <CategoryOptions categories={categories} />
            </select>
          </div>
          {villages.length > 1 && (
            <div className="field">
              <label htmlFor={`${id}-village`}>{t('caseFilters.village')}</label>
              <select
                id={`${id}-village`}
                value={filters.villageId ?? ''}
                onChange={(event) => onChange({ villageId: event.target.value || null })}
              >
                <option value="">{t('caseFilters.allVillages')}</option>
                {villages.map((village) => (
                  <option key={village.id} value={village.id}>
                    {village.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('caseFilters.from')}</label>
            <DayInput
              id={`${id}-from`}
              value={filters.from ?? ''}
              max={filters.to ?? undefined}
              onDayChange={(day) => onChange({ from: day || null })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('caseFilters.to')}</label>
            <DayInput
              id={`${id}-to`}
              value={filters.to ?? ''}
              min={filters.from ?? undefined}
              onDayChange={(day) => onChange({ to: day || null })}
            />
          </div>
          <div className="case-filters-checks">
            <label className="check">
              <input
                type="checkbox"
                checked={filters.isOverdue}
                onChange={(event) => onChange({ isOverdue: event.target.checked })}
              />
              {t('caseFilters.overdue')}
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={filters.isEscalated}
                onChange={(event) => onChange({ isEscalated: event.target.checked })}
              />
              {t('caseFilters.escalated')}
            </label>
          </div>
        </div>
      </details>
      <div className="case-filters-chips">
        {filters.gridId && (
          <button type="button" className="chip" onClick={() => onChange({ gridId: null })}>
            {t('caseFilters.grid', { name: gridName ?? filters.gridId })}
            <span className="visually-hidden">{t('caseFilters.clearGrid')}</span>
            <span aria-hidden="true"> ×</span>
          </button>
        )}
        {(filters.dueFrom || filters.dueTo) && (
          <button type="button" className="chip" onClick={() => onChange({ dueFrom: null, dueTo: null })}>
            {filters.dueFrom === filters.dueTo
              ? t('caseFilters.dueOn', { day: filters.dueFrom })
              : t('caseFilters.dueBetween', { from: filters.dueFrom ?? '…', to: filters.dueTo ?? '…' })}
            <span className="visually-hidden">{t('caseFilters.clearDue')}</span>
            <span aria-hidden="true"> ×</span>
          </button>
        )}
        {(activeCount > 0 || filters.q || filters.gridId) && (
          <button type="button" className="button button-quiet button-small" onClick={onReset}>
            {t('caseFilters.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
