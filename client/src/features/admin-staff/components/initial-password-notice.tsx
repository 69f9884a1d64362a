import { useTranslation } from 'react-i18next';

/** The one time an initial password is shown: the server keeps only its hash. */
export function InitialPasswordNotice({ username, password }: { username: string; password: string }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-success initial-password" role="status">
      <p>{t('adminStaff.password.forUser', { username })}</p>
      <p className="initial-password-value mono" data-testid="initial-password">
        {password}
      </p>
      <p className="muted">{t('adminStaff.password.once')}</p>
    </div>
  );
}
