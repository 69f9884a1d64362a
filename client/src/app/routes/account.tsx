import '@/styles/forms.css';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { CenteredLayout } from '@/components/layouts/centered-layout';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { ActivateForm } from '@/features/auth/components/activate-form';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';

export function ChangePasswordRoute() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <div className="page account-page">
      <h1 className="page-title">{t('account.title')}</h1>
      {me?.mustChangePassword && (
        <p className="notice" role="status">
          {t('account.required')}
        </p>
      )}
      <ChangePasswordForm />
    </div>
  );
}

export function ActivateRoute() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (me) return <Navigate to={paths.map} replace />;
  return (
    <CenteredLayout title={t('account.activateTitle')}>
      <p className="muted">{t('account.activateIntro')}</p>
      <ActivateForm />
      <p>
        <Link to={paths.login}>{t('account.backToLogin')}</Link>
      </p>
    </CenteredLayout>
  );
}
