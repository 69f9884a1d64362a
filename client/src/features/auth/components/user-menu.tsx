import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { OUTBOX_COUNT_KEY } from '@/lib/offline-caches';
import { useMe } from '../api/get-me';
import { useLogout } from '../api/logout';

export function UserMenu() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const logoutMutation = useLogout();
  if (!me) return null;
  const roleNames = me.roles.map((role) => t(`roles.${role}`)).join(t('common.listSeparator'));

  return (
    <div className="user-menu">
      <div className="user-identity">
        <span className="visually-hidden">{t('header.account')}</span>
        <span className="user-name">{me.name}</span>
        {roleNames && <span className="user-roles">{roleNames}</span>}
      </div>
      <Link to={paths.changePassword} className="button button-quiet">
        {t('header.changePassword')}
      </Link>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          // Signing out deletes what waits in the outbox (decision 025): never without asking.
          const waiting = Number(localStorage.getItem(OUTBOX_COUNT_KEY)) || 0;
          if (waiting === 0 || window.confirm(t('header.signOutLosesOutbox', { count: waiting })))
            logoutMutation.mutate();
        }}
        disabled={logoutMutation.isPending}
      >
        {logoutMutation.isPending ? t('header.signingOut') : t('header.signOut')}
      </button>
    </div>
  );
}
