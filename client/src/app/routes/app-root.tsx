import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { AppLayout, type NavGroup, type NavItem } from '@/components/layouts/app-layout';
import { paths } from '@/config/paths';
import { canReadRoster } from '@/features/admin-staff/utils/permissions';
import { useMe } from '@/features/auth/api/get-me';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { UserMenu } from '@/features/auth/components/user-menu';
import { useInboxCounts } from '@/features/inbox/api/get-inbox';
import { hasPermission } from '@/lib/authorization';

export function AppRoot() {
  return (
    <RequireAuth>
      <AuthenticatedLayout />
    </RequireAuth>
  );
}

function AuthenticatedLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { pathname } = useLocation();
  const roles = me?.roles ?? [];
  const inboxCounts = useInboxCounts({ isEnabled: Boolean(me) && !me?.mustChangePassword });
  // Everyone reports, works their tasks and sees the case list (the server scopes what is in it).
  // Administration pages share one menu, so an administrator's header stays on one line (issue 13).
  const adminItems: NavItem[] = [
    ...(canReadRoster(roles) ? [{ to: paths.adminStaff, label: t('nav.adminStaff') }] : []),
    ...(hasPermission(roles, 'manageGeo')
      ? [
          { to: paths.adminGrids, label: t('nav.adminGrids') },
          { to: paths.adminCategories, label: t('nav.adminCategories') },
        ]
      : []),
    ...(hasPermission(roles, 'viewCalendar')
      ? [{ to: paths.adminCalendar, label: t('nav.adminCalendar') }]
      : []),
  ];
  const navItems: (NavItem | NavGroup)[] = [
    { to: paths.map, label: t('nav.map'), isEnd: true },
    {
      to: paths.tasks,
      label: t('nav.tasks'),
      badge: inboxCounts.data?.total,
      badgeLabel: t('nav.tasksCount', { count: inboxCounts.data?.total ?? 0 }),
    },
    { to: paths.newCase, label: t('nav.reportCase') },
    // `end`: the report form and case pages live under /cases but are not the list.
    { to: paths.cases, label: t('nav.cases'), isEnd: true },
    ...(hasPermission(roles, 'viewStats')
      ? [
          { to: paths.brief, label: t('nav.brief') },
          { to: paths.stats, label: t('nav.stats') },
        ]
      : []),
    ...(hasPermission(roles, 'viewHierarchy') ? [{ to: paths.hierarchy, label: t('nav.hierarchy') }] : []),
    ...(adminItems.length > 1 ? [{ label: t('nav.admin'), items: adminItems }] : adminItems),
  ];

  // A password an admin handed out: nothing else until the person has chosen their own (the server
  // refuses everything else too).
  if (me?.mustChangePassword && pathname !== paths.changePassword) {
    return <Navigate to={paths.changePassword} replace />;
  }
  return (
    <AppLayout navItems={me?.mustChangePassword ? [] : navItems} account={<UserMenu />}>
      <Outlet />
    </AppLayout>
  );
}
