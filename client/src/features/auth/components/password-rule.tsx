import { findPasswordProblems, PASSWORD_MIN_LENGTH, type PasswordProblem } from '@gridgov/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';

const SHOWN: PasswordProblem[] = ['too_short', 'needs_letter_and_digit', 'contains_username', 'too_common'];

/** The password rule as a checklist that ticks off while the person types. */
export function PasswordRule({ id, password, username }: { id: string; password: string; username: string }) {
  const { t } = useTranslation();
  const problems = new Set(findPasswordProblems(password, { username }));
  return (
    <ul id={id} className="password-rule">
      {SHOWN.map((rule) => {
        const isMet = password !== '' && !problems.has(rule);
        return (
          <li key={rule} className={isMet ? 'is-met' : undefined}>
            <span aria-hidden="true">{isMet ? '✓' : '·'}</span>{' '}
            {t(`account.rule.${rule}`, { min: PASSWORD_MIN_LENGTH, defaultValue: rule })}
            <span className="visually-hidden">{isMet ? t('account.rule.met') : ''}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** Why the server refused the new password, from the rule codes it names. */
export function describePasswordProblems(codes: string[], t: TFunction): string {
  return codes
    .map((code) => t(`account.rule.${code}`, { min: PASSWORD_MIN_LENGTH, defaultValue: code }))
    .join(t('common.listSeparator'));
}

/**
 * Why the server refused an activation or a password change: the one status that means "wrong
 * credential" (401 for a code, 422 for the current password) named by `wrongKey`, throttling, or the
 * rules the new password breaks.
 */
export function describeAccountError(
  error: Error,
  t: TFunction,
  wrong: { status: number; key: 'account.errors.codeWrong' | 'account.errors.currentWrong' },
): string {
  if (!isApiError(error)) return t('account.errors.generic');
  if (error.status === wrong.status) return t(wrong.key);
  if (error.status === 429) return t('auth.errors.throttledNoWait');
  if (error.status === 400 && Array.isArray(error.details)) {
    return describePasswordProblems(
      (error.details as { message?: string }[]).map((d) => d.message ?? ''),
      t,
    );
  }
  return t('account.errors.generic');
}
