import { ROLES, STAFF_STATUSES } from '@gridgov/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { Pagination } from '@/components/ui/pagination';
import { Spinner } from '@/components/ui/spinner';
import { buildAdminStaffPath } from '@/config/paths';
import { StaffTable } from '@/features/staff/components/staff-table';
import { useRegionOptions } from '../api/regions';
import { buildRosterExportUrl, ROSTER_PAGE_SIZE, type RosterFilters, useRoster } from '../api/roster';
import { useUrlFilters } from '../utils/url-filters';
import { CreateStaffForm } from './create-staff-form';

const FILTER_KEYS = ['q', 'role', 'status', 'villageId', 'gridId', 'isPartyMember'] as const;

export function RosterView({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const { values, page, update } = useUrlFilters(FILTER_KEYS);
  const filters: RosterFilters = { ...values, page };
  const roster = useRoster(filters);
  const regions = useRegionOptions();
  const [isCreating, setIsCreating] = useState(false);
  const villages = regions.data?.towns.flatMap((town) => town.villages) ?? [];
  const grids = villages.find((v) => v.id === values.villageId)?.grids ?? [];
  const total = roster.data?.total ?? 0;

  function submitSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get('q');
    update({ q: typeof q === 'string' ? q.trim() : '' });
  }

  return (
    <div className="admin-roster">
      <div className="admin-toolbar">
        {canWrite && (
          <button type="button" className="button button-primary" onClick={() => setIsCreating((v) => !v)}>
            {t('adminStaff.roster.create')}
          </button>
        )}
        <a className="button" href={buildRosterExportUrl(filters)} download>
          {t('adminStaff.roster.export')}
        </a>
      </div>
      {isCreating && (
        <CreateStaffForm towns={regions.data?.towns ?? []} onDone={() => setIsCreating(false)} />
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is unknown to older WebViews */}
      <form
        className="admin-filters"
        role="search"
        aria-label={t('adminStaff.roster.filters')}
        onSubmit={submitSearch}
      >
        <div className="field field-grow">
          <label htmlFor={`${id}-q`}>{t('adminStaff.roster.query')}</label>
          <div className="input-with-button">
            <input
              key={values.q}
              id={`${id}-q`}
              name="q"
              type="search"
              maxLength={50}
              defaultValue={values.q}
            />
            <button type="submit" className="button button-primary">
              {t('common.search')}
            </button>
          </div>
        </div>
        <FilterSelect
          label={t('staff.role')}
          value={values.role}
          onChange={(role) => update({ role })}
          options={ROLES.map((r) => [r, t(`roles.${r}`)])}
          all={t('staff.allRoles')}
        />
        <FilterSelect
          label={t('staff.status')}
          value={values.status}
          onChange={(status) => update({ status })}
          options={STAFF_STATUSES.map((s) => [s, t(`staffStatus.${s}`)])}
          all={t('staff.allStatuses')}
        />
        <FilterSelect
          label={t('adminStaff.roster.village')}
          value={values.villageId}
          onChange={(villageId) => update({ villageId, gridId: '' })}
          options={villages.map((v) => [v.id, v.name])}
          all={t('adminStaff.roster.allVillages')}
        />
        <FilterSelect
          label={t('adminStaff.roster.grid')}
          value={values.gridId}
          onChange={(gridId) => update({ gridId })}
          options={grids.map((g) => [g.id, `${g.name} ${g.code}`])}
          all={t('adminStaff.roster.allGrids')}
        />
        <FilterSelect
          label={t('adminStaff.roster.party')}
          value={values.isPartyMember}
          onChange={(isPartyMember) => update({ isPartyMember })}
          options={[
            ['true', t('adminStaff.roster.partyYes')],
            ['false', t('adminStaff.roster.partyNo')],
          ]}
          all={t('adminStaff.roster.partyAll')}
        />
      </form>
      {roster.isPending && <Spinner />}
      {roster.isError && <ErrorState error={roster.error} onRetry={() => void roster.refetch()} />}
      {roster.data && (
        <div aria-busy={roster.isPlaceholderData}>
          <p className="result-count" aria-live="polite">
            {t('staff.total', { count: total })}
          </p>
          <StaffTable
            items={roster.data.items}
            label={t('adminStaff.roster.title')}
            className="admin-table"
            linkOf={(person) => buildAdminStaffPath(person.id)}
            statusExtra={(person) =>
              person.isDisabled && <span className="tag tag-disabled">{t('adminStaff.roster.disabled')}</span>
            }
          />
          <Pagination
            page={roster.data.page}
            pageCount={Math.max(1, Math.ceil(total / ROSTER_PAGE_SIZE))}
            onPageChange={(next) => update({ page: String(next) })}
          />
        </div>
      )}
    </div>
  );
}

function FilterSelect(props: {
  label: string;
  value: string;
  all: string;
  options: string[][];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.all}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
