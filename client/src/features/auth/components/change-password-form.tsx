import { findPasswordProblems } from '@gridgov/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../api/account';
import { useMe } from '../api/get-me';
import { describeAccountError, describePasswordProblems, PasswordRule } from './password-rule';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const id = useId();
  const { data: me } = useMe();
  const change = useChangePassword();
  const [newPassword, setNewPassword] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const username = me?.username ?? '';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const currentPassword = String(form.get('current') ?? '');
    const confirm = String(form.get('confirm') ?? '');
    if (!currentPassword) return setFormError(t('account.errors.currentRequired'));
    const problems = findPasswordProblems(newPassword, { username });
    if (problems.length) return setFormError(describePasswordProblems(problems, t));
    if (confirm !== newPassword) return setFormError(t('account.errors.mismatch'));
    setFormError(null);
    change.mutate({ currentPassword, newPassword });
  }

  if (change.isSuccess) {
    return (
      <p className="notice notice-success" role="status">
        {t('account.changed', { count: change.data.endedSessions })}
      </p>
    );
  }
  const serverError = change.error
    ? describeAccountError(change.error, t, { status: 422, key: 'account.errors.currentWrong' })
    : null;
  const error = formError ?? serverError;
  return (
    <form className="account-form" onSubmit={submit} noValidate>
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <div className="field">
        <label htmlFor={`${id}-current`}>{t('account.current')}</label>
        <input id={`${id}-current`} name="current" type="password" autoComplete="current-password" required />
      </div>
      <div className="field">
        <label htmlFor={`${id}-new`}>{t('account.new')}</label>
        <input
          id={`${id}-new`}
          name="new"
          type="password"
          autoComplete="new-password"
          required
          aria-describedby={`${id}-rule`}
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
        />
        <PasswordRule id={`${id}-rule`} password={newPassword} username={username} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-confirm`}>{t('account.confirm')}</label>
        <input id={`${id}-confirm`} name="confirm" type="password" autoComplete="new-password" required />
      </div>
      <p className="form-error" role="alert">
        {error}
      </p>
      <button type="submit" className="button button-primary" disabled={change.isPending}>
        {change.isPending ? t('account.saving') : t('account.save')}
      </button>
    </form>
  );
}
