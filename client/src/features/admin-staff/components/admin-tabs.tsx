import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '@/config/paths';

/** The roster administration's own sub-navigation (staff, import, coverage, audit). */
export function AdminTabs({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const tabs = [
    { to: paths.adminStaff, label: t('adminStaff.tabs.staff') },
    ...(canWrite ? [{ to: paths.adminImport, label: t('adminStaff.tabs.import') }] : []),
    { to: paths.adminCoverage, label: t('adminStaff.tabs.coverage') },
    { to: paths.adminAudit, label: t('adminStaff.tabs.audit') },
    ...(canWrite ? [{ to: paths.adminSignInThrottles, label: t('adminStaff.tabs.throttles') }] : []),
  ];
  return (
    <nav className="admin-tabs" aria-label={t('adminStaff.tabs.label')}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} className="admin-tab" end={tab.to === paths.adminStaff}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
