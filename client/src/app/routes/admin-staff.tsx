import '@/styles/forms.css';
import '@/styles/admin-staff.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { MessagePanel } from '@/components/ui/message-panel';
import { AdminTabs } from '@/features/admin-staff/components/admin-tabs';
import { AuditView } from '@/features/admin-staff/components/audit-view';
import { CoverageView } from '@/features/admin-staff/components/coverage-view';
import { ImportView } from '@/features/admin-staff/components/import-view';
import { RosterView } from '@/features/admin-staff/components/roster-view';
import { SignInThrottlesView } from '@/features/admin-staff/components/sign-in-throttles-view';
import { StaffDetailView } from '@/features/admin-staff/components/staff-detail-view';
import { canReadRoster, canWriteRoster } from '@/features/admin-staff/utils/permissions';
import { useMe } from '@/features/auth/api/get-me';

/** Frame of the roster administration pages: title, sub-navigation, and who may see it. */
function AdminStaffPage({
  title,
  needsWrite = false,
  children,
}: {
  title: string;
  needsWrite?: boolean;
  children: (canWrite: boolean) => ReactNode;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const roles = me?.roles ?? [];
  const canWrite = canWriteRoster(roles);
  if (!canReadRoster(roles) || (needsWrite && !canWrite)) {
    return (
      <div className="page page-message">
        <MessagePanel title={t('forbidden.title')} body={t('forbidden.body')} />
      </div>
    );
  }
  return (
    <div className="page admin-page">
      <h1 className="page-title">{title}</h1>
      <AdminTabs canWrite={canWrite} />
      {children(canWrite)}
    </div>
  );
}

export function AdminStaffRoute() {
  const { t } = useTranslation();
  return (
    <AdminStaffPage title={t('adminStaff.roster.title')}>
      {(canWrite) => <RosterView canWrite={canWrite} />}
    </AdminStaffPage>
  );
}

export function AdminStaffDetailRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <AdminStaffPage title={t('adminStaff.detail.title')}>
      {(canWrite) => <StaffDetailView key={id} staffId={id} canWrite={canWrite} />}
    </AdminStaffPage>
  );
}

export function AdminImportRoute() {
  const { t } = useTranslation();
  return (
    <AdminStaffPage title={t('adminStaff.import.title')} needsWrite>
      {() => <ImportView />}
    </AdminStaffPage>
  );
}

export function AdminCoverageRoute() {
  const { t } = useTranslation();
  return <AdminStaffPage title={t('adminStaff.coverage.title')}>{() => <CoverageView />}</AdminStaffPage>;
}

export function AdminAuditRoute() {
  const { t } = useTranslation();
  return <AdminStaffPage title={t('adminStaff.audit.title')}>{() => <AuditView />}</AdminStaffPage>;
}

export function AdminSignInThrottlesRoute() {
  const { t } = useTranslation();
  return (
    <AdminStaffPage title={t('adminStaff.throttles.title')} needsWrite>
      {() => <SignInThrottlesView />}
    </AdminStaffPage>
  );
}
