import { PHONE_PATTERN, type Role, type StaffDetail } from '@gridgov/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { matching, useOurValidity } from '@/lib/our-validity';
import { useResetPassword, useSetDisabled, useSetRoles, useStaffDetail, useUpdateStaff } from '../api/roster';
import { describeAdminError } from '../utils/describe-admin-error';
import { HandoverPanel } from './handover-panel';
import { InitialPasswordNotice } from './initial-password-notice';
import { RoleCheckboxes } from './role-checkboxes';
import { StaffGrids } from './staff-grids';

export function StaffDetailView({ staffId, canWrite }: { staffId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const detail = useStaffDetail(staffId);
  if (detail.isPending) return <Spinner />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const person = detail.data;
  return (
    <div className="admin-detail">
      <p>
        <Link to={paths.adminStaff}>{t('adminStaff.detail.back')}</Link>
      </p>
      <h2 className="admin-person">
        {person.name} <span className="muted">{person.username}</span>{' '}
        <span className={`status status-${person.status}`}>{t(`staffStatus.${person.status}`)}</span>
        {person.isDisabled && <span className="tag tag-disabled">{t('adminStaff.roster.disabled')}</span>}
      </h2>
      {canWrite && !person.canEditAccount && (
        <p className="notice">{t('adminStaff.detail.otherTownAccount')}</p>
      )}
      {canWrite && person.canEditAccount ? <StaffEditor person={person} /> : <StaffFacts person={person} />}
      <StaffGrids person={person} canWrite={canWrite} />
      {canWrite && person.canEditAccount && <HandoverPanel person={person} />}
    </div>
  );
}

function StaffFacts({ person }: { person: StaffDetail }) {
  const { t } = useTranslation();
  return (
    <dl className="admin-facts">
      <dt>{t('adminStaff.fields.phone')}</dt>
      <dd className="mono">{person.phone}</dd>
      <dt>{t('adminStaff.fields.roles')}</dt>
      <dd>{person.roles.map((r) => t(`roles.${r}`)).join(t('common.listSeparator')) || t('common.empty')}</dd>
      <dt>{t('adminStaff.fields.partyMember')}</dt>
      <dd>{person.isPartyMember ? t('adminStaff.roster.partyYes') : t('adminStaff.roster.partyNo')}</dd>
    </dl>
  );
}

function StaffEditor({ person }: { person: StaffDetail }) {
  const { t, i18n } = useTranslation();
  const validity = useOurValidity();
  const id = useId();
  const update = useUpdateStaff(person.id);
  const setRoles = useSetRoles(person.id);
  const setDisabled = useSetDisabled(person.id);
  const reset = useResetPassword(person.id);
  const [roles, setRoleDraft] = useState<Role[]>(person.roles);
  const [confirming, setConfirming] = useState<'disable' | 'reset' | null>(null);
  const who = { name: person.name, username: person.username };
  const failed = [update, setRoles, setDisabled, reset].find((m) => m.isError);

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate({
      name: String(form.get('name') ?? ''),
      phone: String(form.get('phone') ?? ''),
      isPartyMember: form.get('isPartyMember') === 'on',
    });
  }

  return (
    <section className="admin-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="admin-card-title">
        {t('adminStaff.detail.profile')}
      </h3>
      <form className="admin-form" onSubmit={save}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('adminStaff.fields.name')}</label>
          <input
            id={`${id}-name`}
            name="name"
            defaultValue={person.name}
            required
            maxLength={40}
            {...validity()}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-phone`}>{t('adminStaff.fields.phone')}</label>
          <input
            id={`${id}-phone`}
            name="phone"
            defaultValue={person.phone}
            required
            {...validity(matching(PHONE_PATTERN, 'phoneFormat'))}
          />
        </div>
        <label className="check">
          <input type="checkbox" name="isPartyMember" defaultChecked={person.isPartyMember} />
          {t('adminStaff.fields.partyMember')}
        </label>
        <div className="admin-actions">
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            {t('adminStaff.common.save')}
          </button>
          {update.isSuccess && <span role="status">{t('adminStaff.common.saved')}</span>}
        </div>
      </form>
      <RoleCheckboxes roles={roles} onChange={setRoleDraft}>
        <button
          type="button"
          className="button"
          disabled={setRoles.isPending}
          onClick={() => setRoles.mutate(roles)}
        >
          {t('adminStaff.detail.saveRoles')}
        </button>
      </RoleCheckboxes>
      <div className="admin-actions">
        {person.status === 'on_leave' && (
          <button type="button" className="button" onClick={() => update.mutate({ status: 'active' })}>
            {t('adminStaff.detail.backToWork')}
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => (person.isDisabled ? setDisabled.mutate(false) : setConfirming('disable'))}
        >
          {person.isDisabled ? t('adminStaff.detail.enable') : t('adminStaff.detail.disable')}
        </button>
        <button type="button" className="button" onClick={() => setConfirming('reset')}>
          {t('adminStaff.detail.resetPassword')}
        </button>
      </div>
      {confirming === 'disable' && (
        <ConfirmDialog
          title={t('adminStaff.confirm.disableTitle', who)}
          confirmLabel={t('adminStaff.detail.disable')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setDisabled.mutate(true);
            setConfirming(null);
          }}
        >
          <p>{t('adminStaff.confirm.disableBody')}</p>
        </ConfirmDialog>
      )}
      {confirming === 'reset' && (
        <ConfirmDialog
          title={t('adminStaff.confirm.resetTitle', who)}
          confirmLabel={t('adminStaff.detail.resetPassword')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            reset.mutate();
            setConfirming(null);
          }}
        >
          <p>{t('adminStaff.confirm.resetBody')}</p>
        </ConfirmDialog>
      )}
      {reset.data && (
        <InitialPasswordNotice username={person.username} password={reset.data.initialPassword} />
      )}
      {failed && (
        <p className="notice notice-error" role="alert">
          {describeAdminError(failed.error, t, i18n.language)}
        </p>
      )}
    </section>
  );
}
