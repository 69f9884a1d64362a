import { loginRequestSchema } from '@gridgov/shared';
import type { TFunction } from 'i18next';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { useLogin } from '../api/login';

export function SignInForm() {
  const { t } = useTranslation();
  const id = useId();
  const [validationError, setValidationError] = useState<string | null>(null);
  const loginMutation = useLogin();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = loginRequestSchema.safeParse({
      username: form.get('username'),
      password: form.get('password'),
    });
    if (!parsed.success) {
      setValidationError(t('auth.errors.required'));
      return;
    }
    setValidationError(null);
    loginMutation.mutate(parsed.data);
  }

  const errorMessage =
    validationError ?? (loginMutation.error ? describeLoginError(loginMutation.error, t) : null);
  const errorId = `${id}-error`;

  return (
    <form className="sign-in-form" onSubmit={handleSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-username`}>{t('auth.username')}</label>
        <input
          id={`${id}-username`}
          name="username"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          aria-invalid={errorMessage ? true : undefined}
          aria-describedby={errorMessage ? errorId : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('auth.password')}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={errorMessage ? true : undefined}
          aria-describedby={errorMessage ? errorId : undefined}
        />
      </div>
      <p id={errorId} className="form-error" role="alert">
        {errorMessage}
      </p>
      <button type="submit" className="button button-primary button-block" disabled={loginMutation.isPending}>
        {loginMutation.isPending ? t('auth.submitting') : t('auth.submit')}
      </button>
    </form>
  );
}

/** Up to a minute and a half in seconds ("60 秒"), beyond that in whole minutes ("15 分钟"). */
function formatWait(seconds: number, t: TFunction): string {
  return seconds <= 90
    ? t('common.seconds', { count: seconds })
    : t('common.minutes', { count: Math.ceil(seconds / 60) });
}

export function describeLoginError(error: Error, t: TFunction): string {
  if (!isApiError(error)) return t('auth.errors.generic');
  if (error.code === 'network') return t('auth.errors.network');
  if (error.status === 401) return t('auth.errors.invalidCredentials');
  if (error.status === 429) {
    return error.retryAfter
      ? t('auth.errors.throttled', { wait: formatWait(error.retryAfter, t) })
      : t('auth.errors.throttledNoWait');
  }
  if (error.status === 400) return t('auth.errors.required');
  return t('auth.errors.generic');
}
