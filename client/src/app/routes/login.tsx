import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { CenteredLayout } from '@/components/layouts/centered-layout';
import { paths, resolveNextPath } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { SignInForm } from '@/features/auth/components/sign-in-form';

export function LoginRoute() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const { data: me } = useMe();
  // Signed in already, or just now (the login mutation fills the `me` query): go where the user was headed.
  if (me) return <Navigate to={resolveNextPath(searchParams.get('next'))} replace />;

  return (
    <CenteredLayout title={t('auth.title')}>
      <p className="muted">{t('auth.subtitle')}</p>
      <SignInForm />
      <p className="sign-in-extra">
        <Link to={paths.activate}>{t('account.useCode')}</Link>
      </p>
    </CenteredLayout>
  );
}
