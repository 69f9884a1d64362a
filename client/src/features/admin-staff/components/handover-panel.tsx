import type { HandoverInput, StaffDetail } from '@gridgov/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Spinner } from '@/components/ui/spinner';
import { useHandover, useHandoverPreview, useRoster } from '../api/roster';
import { describeAdminError } from '../utils/describe-admin-error';

type HandoverMutation = ReturnType<typeof useHandover>;

/** Departure or leave: lists the person's open cases and grids and hands them over in one step. */
export function HandoverPanel({ person }: { person: StaffDetail }) {
  const { t } = useTranslation();
  const id = useId();
  // Owned here, not by the form, so the result stays on screen after the person's status changes.
  const handover = useHandover(person.id);
  return (
    <section className="admin-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="admin-card-title">
        {t('adminStaff.handover.title')}
      </h3>
      {handover.data && (
        <p className="notice notice-success" role="status">
          {t('adminStaff.handover.done', {
            cases: handover.data.cases.length,
            grids: handover.data.grids.length,
          })}
        </p>
      )}
      {person.status === 'departed' ? (
        <p className="muted">{t('adminStaff.handover.departed')}</p>
      ) : (
        <HandoverForm person={person} handover={handover} />
      )}
    </section>
  );
}

function HandoverForm({ person, handover }: { person: StaffDetail; handover: HandoverMutation }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const preview = useHandoverPreview(person.id);
  const [mode, setMode] = useState<'colleague' | 'grid_leader'>('grid_leader');
  const [search, setSearch] = useState('');
  const [pending, setPending] = useState<HandoverInput | null>(null);
  const colleagues = useRoster({
    q: search,
    role: '',
    status: 'active',
    villageId: '',
    gridId: '',
    isPartyMember: '',
    page: 1,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // Nothing moves before the admin has seen what moves where.
    setPending({
      status: form.get('status') === 'on_leave' ? 'on_leave' : 'departed',
      mode,
      colleagueId: mode === 'colleague' ? String(form.get('colleagueId') ?? '') : undefined,
      note: String(form.get('note') ?? ''),
    });
  }
  const colleagueName = (colleagueId: string | undefined) =>
    colleagues.data?.items.find((c) => c.id === colleagueId)?.name ?? '';

  return (
    <>
      {preview.isPending && <Spinner />}
      {preview.data && (
        <>
          <p>
            {t('adminStaff.handover.summary', {
              cases: preview.data.cases.length,
              grids: preview.data.grids.length,
            })}
          </p>
          <ul className="admin-list">
            {preview.data.cases.map((c) => (
              <li key={c.id}>
                <span className="mono">{c.number}</span> {c.grid.name} · {c.description}
                <span className="muted">
                  {' → '}
                  {mode === 'grid_leader'
                    ? (c.gridLeader?.name ?? t('adminStaff.handover.noLeader'))
                    : t('adminStaff.handover.toColleague')}
                </span>
              </li>
            ))}
            {preview.data.grids.map((g) => (
              <li key={g.assignmentId}>
                {g.grid.name} <span className="mono muted">{g.grid.code}</span> · {t(`roles.${g.role}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      <form className="admin-form" onSubmit={submit}>
        <fieldset className="admin-checks">
          <legend>{t('adminStaff.handover.status')}</legend>
          <label className="check">
            <input type="radio" name="status" value="departed" defaultChecked />
            {t('staffStatus.departed')}
          </label>
          <label className="check">
            <input type="radio" name="status" value="on_leave" />
            {t('staffStatus.on_leave')}
          </label>
        </fieldset>
        <fieldset className="admin-checks">
          <legend>{t('adminStaff.handover.mode')}</legend>
          <label className="check">
            <input
              type="radio"
              name="mode"
              checked={mode === 'grid_leader'}
              onChange={() => setMode('grid_leader')}
            />
            {t('adminStaff.handover.modeLeader')}
          </label>
          <label className="check">
            <input
              type="radio"
              name="mode"
              checked={mode === 'colleague'}
              onChange={() => setMode('colleague')}
            />
            {t('adminStaff.handover.modeColleague')}
          </label>
        </fieldset>
        {mode === 'colleague' && (
          <div className="admin-inline-form">
            <div className="field">
              <label htmlFor={`${id}-search`}>{t('adminStaff.handover.findColleague')}</label>
              <input
                id={`${id}-search`}
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-colleague`}>{t('adminStaff.handover.colleague')}</label>
              <select id={`${id}-colleague`} name="colleagueId" required>
                {(colleagues.data?.items ?? [])
                  .filter((c) => c.id !== person.id && !c.isDisabled)
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name} {c.username}
                    </option>
                  ))}
              </select>
            </div>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('adminStaff.handover.note')}</label>
          <input
            id={`${id}-note`}
            name="note"
            required
            maxLength={500}
            defaultValue={t('adminStaff.handover.defaultNote')}
          />
        </div>
        {handover.isError && (
          <p className="notice notice-error" role="alert">
            {describeAdminError(handover.error, t, i18n.language)}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={handover.isPending}>
          {t('adminStaff.handover.submit')}
        </button>
      </form>
      {pending && (
        <ConfirmDialog
          title={t(
            pending.status === 'departed'
              ? 'adminStaff.confirm.departTitle'
              : 'adminStaff.confirm.leaveTitle',
            { name: person.name, username: person.username },
          )}
          confirmLabel={t('adminStaff.handover.submit')}
          isPending={handover.isPending}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            handover.mutate(pending);
            setPending(null);
          }}
        >
          <p>{t('adminStaff.confirm.handoverCases', { count: preview.data?.cases.length ?? 0 })}</p>
          <ul>
            {(preview.data?.cases ?? []).map((c) => (
              <li key={c.id}>
                <span className="mono">{c.number}</span> →{' '}
                {pending.mode === 'colleague'
                  ? colleagueName(pending.colleagueId)
                  : (c.gridLeader?.name ?? t('adminStaff.handover.noLeader'))}
              </li>
            ))}
          </ul>
          <p>
            {pending.mode === 'colleague'
              ? t('adminStaff.confirm.handoverGridsTo', {
                  count: preview.data?.grids.length ?? 0,
                  name: colleagueName(pending.colleagueId),
                })
              : t('adminStaff.confirm.handoverGridsEnd', { count: preview.data?.grids.length ?? 0 })}
          </p>
          <ul>
            {(preview.data?.grids ?? []).map((g) => (
              <li key={g.assignmentId}>
                {g.grid.name} · {t(`roles.${g.role}`)}
              </li>
            ))}
          </ul>
        </ConfirmDialog>
      )}
    </>
  );
}
