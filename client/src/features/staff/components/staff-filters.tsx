import { ROLES, STAFF_STATUSES } from '@gridgov/shared';
import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffFilters as StaffFiltersValue } from '../api/get-staff';

type StaffFiltersProps = {
  filters: StaffFiltersValue;
  onChange: (changes: Partial<StaffFiltersValue>) => void;
};

/** Selects apply at once; the keyword applies on submit, so typing does not fire a request per key. */
export function StaffFilters({ filters, onChange }: StaffFiltersProps) {
  const { t } = useTranslation();
  const id = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get('q');
    onChange({ q: typeof q === 'string' ? q.trim() : '' });
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is unknown to older WebViews (and to jsdom); the role is equivalent
    <form
      className="staff-filters"
      role="search"
      aria-label={t('staff.filtersLabel')}
      onSubmit={handleSubmit}
    >
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('staff.role')}</label>
        <select
          id={`${id}-role`}
          value={filters.role ?? ''}
          onChange={(event) => onChange({ role: ROLES.find((role) => role === event.target.value) ?? null })}
        >
          <option value="">{t('staff.allRoles')}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('staff.status')}</label>
        <select
          id={`${id}-status`}
          value={filters.status ?? ''}
          onChange={(event) =>
            onChange({ status: STAFF_STATUSES.find((status) => status === event.target.value) ?? null })
          }
        >
          <option value="">{t('staff.allStatuses')}</option>
          {STAFF_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`staffStatus.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-grow">
        <label htmlFor={`${id}-q`}>{t('staff.query')}</label>
        <div className="input-with-button">
          {/* Keyed on the URL value so Back/Forward and "clear" reset what is typed. */}
          <input
            key={filters.q}
            id={`${id}-q`}
            name="q"
            type="search"
            maxLength={50}
            defaultValue={filters.q}
            placeholder={t('staff.queryPlaceholder')}
          />
          <button type="submit" className="button button-primary">
            {t('common.search')}
          </button>
        </div>
      </div>
    </form>
  );
}
