import {
  defaultGridRole,
  findGridAssignmentProblem,
  GRID_ROLE_VALUES,
  type GridRole,
  type StaffDetail,
} from '@gridgov/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegionOptions } from '../api/regions';
import { useAssignGrid, useEndAssignment } from '../api/roster';
import { describeAdminError } from '../utils/describe-admin-error';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/** Current grids, assigning another, and the whole assignment history. */
export function StaffGrids({ person, canWrite }: { person: StaffDetail; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const regions = useRegionOptions();
  const assign = useAssignGrid(person.id);
  const end = useEndAssignment(person.id);
  const active = person.history.filter((h) => h.endedAt === null);
  const [role, setRole] = useState<GridRole>(() => defaultGridRole(person.roles));
  const failed = [assign, end].find((m) => m.isError);
  // The same rule the server applies: only grids this person may take in this role are offered.
  const villages = (regions.data?.towns ?? []).flatMap((town) =>
    town.villages
      .map((v) => ({
        ...v,
        grids: v.grids.filter(
          (g) =>
            findGridAssignmentProblem({
              role,
              grid: {
                id: g.id,
                isAdministered: town.isAdministered,
                workerId: g.worker?.id ?? null,
                leaderId: g.leader?.id ?? null,
              },
              person: {
                id: person.id,
                isActive: person.status !== 'departed' && !person.isDisabled,
                activeAssignments: active.map((a) => ({ gridId: a.grid.id, role: a.role })),
              },
            }) === null,
        ),
      }))
      .filter((v) => v.grids.length > 0),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    assign.mutate({ gridId: String(form.get('gridId')), role });
  }

  return (
    <section className="admin-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="admin-card-title">
        {t('adminStaff.detail.grids')}
      </h3>
      {active.length === 0 && <p className="muted">{t('adminStaff.detail.noGrids')}</p>}
      <ul className="admin-list">
        {active.map((a) => (
          <li key={a.id}>
            {a.grid.name} <span className="mono muted">{a.grid.code}</span> · {t(`roles.${a.role}`)}
            {canWrite && (
              <button type="button" className="button button-small" onClick={() => end.mutate(a.id)}>
                {t('adminStaff.detail.endAssignment')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canWrite && person.status !== 'departed' && (
        <form className="admin-form admin-inline-form" onSubmit={submit}>
          <div className="field">
            <label htmlFor={`${id}-role`}>{t('staff.role')}</label>
            <select
              id={`${id}-role`}
              name="role"
              value={role}
              onChange={(e) => setRole(e.target.value as GridRole)}
            >
              {GRID_ROLE_VALUES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-grid`}>{t('adminStaff.roster.grid')}</label>
            <select id={`${id}-grid`} name="gridId" required disabled={villages.length === 0}>
              {villages.map((v) => (
                <optgroup key={v.id} label={v.name}>
                  {v.grids.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name} {g.code}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            {regions.data && villages.length === 0 && (
              <p className="muted">{t('adminStaff.detail.noFreeGrid', { role: t(`roles.${role}`) })}</p>
            )}
          </div>
          <button type="submit" className="button" disabled={assign.isPending || villages.length === 0}>
            {t('adminStaff.detail.assign')}
          </button>
        </form>
      )}
      {failed && (
        <p className="notice notice-error" role="alert">
          {describeAdminError(failed.error, t, i18n.language)}
        </p>
      )}
      <h4 className="admin-subtitle">{t('adminStaff.detail.history')}</h4>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-scroll" tabIndex={0} aria-label={t('adminStaff.detail.history')}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('adminStaff.roster.grid')}</th>
              <th scope="col">{t('staff.role')}</th>
              <th scope="col">{t('adminStaff.detail.from')}</th>
              <th scope="col">{t('adminStaff.detail.to')}</th>
            </tr>
          </thead>
          <tbody>
            {person.history.map((h) => (
              <tr key={h.id}>
                <td>
                  {h.grid.name} <span className="mono muted">{h.grid.code}</span>
                </td>
                <td>{t(`roles.${h.role}`)}</td>
                <td>{day(h.startedAt)}</td>
                <td>{h.endedAt ? day(h.endedAt) : t('common.present')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
