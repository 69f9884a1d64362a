import { CASE_STATUSES, type CaseStatus } from '@gridgov/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

type StatusFilterProps = { selected: readonly CaseStatus[]; onChange: (statuses: CaseStatus[]) => void };

/** A multi-select as a disclosure of checkboxes: native, keyboard-friendly and roomy enough for fingers. */
export function StatusFilter({ selected, onChange }: StatusFilterProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const summary =
    selected.length === 0
      ? t('caseFilters.allStatuses')
      : selected.length <= 2
        ? selected.map((status) => t(`caseStatus.${status}`)).join(t('common.listSeparator'))
        : t('caseFilters.statusCount', { count: selected.length });

  function toggle(status: CaseStatus) {
    const next = selected.includes(status)
      ? selected.filter((item) => item !== status)
      : [...selected, status];
    onChange(CASE_STATUSES.filter((item) => next.includes(item)));
  }

  return (
    <div className="field status-filter">
      <span className="field-label" id={labelId}>
        {t('caseFilters.status')}
      </span>
      <details className="dropdown">
        <summary className="dropdown-summary" aria-describedby={labelId}>
          {summary}
        </summary>
        <fieldset className="dropdown-panel">
          <legend className="visually-hidden">{t('caseFilters.status')}</legend>
          {CASE_STATUSES.map((status) => (
            <label key={status} className="check">
              <input type="checkbox" checked={selected.includes(status)} onChange={() => toggle(status)} />
              {t(`caseStatus.${status}`)}
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}
