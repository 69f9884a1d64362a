import { PHONE_PATTERN, type RegionTree, type Role, USERNAME_PATTERN } from '@gridgov/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buildAdminStaffPath } from '@/config/paths';
import { matching, useOurValidity } from '@/lib/our-validity';
import { useCreateStaff } from '../api/roster';
import { describeAdminError } from '../utils/describe-admin-error';
import { InitialPasswordNotice } from './initial-password-notice';
import { RoleCheckboxes } from './role-checkboxes';

export function CreateStaffForm({ towns, onDone }: { towns: RegionTree['towns']; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const validity = useOurValidity();
  const id = useId();
  const create = useCreateStaff();
  const [roles, setRoles] = useState<Role[]>([]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      name: String(form.get('name') ?? ''),
      phone: String(form.get('phone') ?? ''),
      username: String(form.get('username') ?? ''),
      townId: String(form.get('townId') ?? ''),
      isPartyMember: form.get('isPartyMember') === 'on',
      roles,
    });
  }

  if (create.data) {
    return (
      <div className="admin-card">
        <InitialPasswordNotice username={create.data.username} password={create.data.initialPassword} />
        <p>
          <Link to={buildAdminStaffPath(create.data.id)}>
            {t('adminStaff.create.openPerson', { name: create.data.name })}
          </Link>
        </p>
        <button type="button" className="button" onClick={onDone}>
          {t('common.close')}
        </button>
      </div>
    );
  }

  return (
    <form className="admin-card admin-form" onSubmit={submit} aria-label={t('adminStaff.create.title')}>
      <h2 className="admin-card-title">{t('adminStaff.create.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('adminStaff.fields.name')}</label>
        <input id={`${id}-name`} name="name" required maxLength={40} {...validity()} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-phone`}>{t('adminStaff.fields.phone')}</label>
        <input
          id={`${id}-phone`}
          name="phone"
          required
          inputMode="tel"
          {...validity(matching(PHONE_PATTERN, 'phoneFormat'))}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-username`}>{t('adminStaff.fields.username')}</label>
        <input
          id={`${id}-username`}
          name="username"
          required
          {...validity(matching(USERNAME_PATTERN, 'usernameFormat'))}
          autoCapitalize="off"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-town`}>{t('adminStaff.fields.town')}</label>
        <select id={`${id}-town`} name="townId" required>
          {towns.map((town) => (
            <option key={town.id} value={town.id}>
              {town.name}
            </option>
          ))}
        </select>
      </div>
      <RoleCheckboxes roles={roles} onChange={setRoles} />
      <label className="check">
        <input type="checkbox" name="isPartyMember" />
        {t('adminStaff.fields.partyMember')}
      </label>
      {create.isError && (
        <p className="notice notice-error" role="alert">
          {describeAdminError(create.error, t, i18n.language)}
        </p>
      )}
      <div className="admin-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('adminStaff.create.submit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('adminStaff.common.cancel')}
        </button>
      </div>
    </form>
  );
}
