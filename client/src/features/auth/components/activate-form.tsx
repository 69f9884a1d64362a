import { findPasswordProblems } from '@gridgov/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActivateAccount } from '../api/account';
import { describeAccountError, describePasswordProblems, PasswordRule } from './password-rule';

/** First sign-in of an imported person: username, the code from the admin's sheet, a password of their own. */
export function ActivateForm() {
  const { t } = useTranslation();
  const id = useId();
  const activate = useActivateAccount();
  const [username, setUsername] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [formError, setFormError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const code = String(form.get('code') ?? '').trim();
    if (!username.trim() || !code) return setFormError(t('account.errors.codeRequired'));
    const problems = findPasswordProblems(newPassword, { username });
    if (problems.length) return setFormError(describePasswordProblems(problems, t));
    if (String(form.get('confirm') ?? '') !== newPassword) return setFormError(t('account.errors.mismatch'));
    setFormError(null);
    activate.mutate({ username: username.trim(), code, newPassword });
  }

  const serverError = activate.error
    ? describeAccountError(activate.error, t, { status: 401, key: 'account.errors.codeWrong' })
    : null;
  return (
    <form className="account-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-username`}>{t('auth.username')}</label>
        <input
          id={`${id}-username`}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-code`}>{t('account.code')}</label>
        <input
          id={`${id}-code`}
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="K7QM-3XPA-9TRW"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-new`}>{t('account.new')}</label>
        <input
          id={`${id}-new`}
          name="new"
          type="password"
          autoComplete="new-password"
          aria-describedby={`${id}-rule`}
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
        />
        <PasswordRule id={`${id}-rule`} password={newPassword} username={username} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-confirm`}>{t('account.confirm')}</label>
        <input id={`${id}-confirm`} name="confirm" type="password" autoComplete="new-password" />
      </div>
      <p className="form-error" role="alert">
        {formError ?? serverError}
      </p>
      <button type="submit" className="button button-primary button-block" disabled={activate.isPending}>
        {activate.isPending ? t('account.saving') : t('account.activate')}
      </button>
    </form>
  );
}
