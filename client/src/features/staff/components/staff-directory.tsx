import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { Pagination } from '@/components/ui/pagination';
import { Spinner } from '@/components/ui/spinner';
import { STAFF_PAGE_SIZE, useStaff } from '../api/get-staff';
import { useStaffFilters } from '../hooks/use-staff-filters';
import { StaffFilters } from './staff-filters';
import { StaffTable } from './staff-table';

export function StaffDirectory() {
  const { t } = useTranslation();
  const { filters, updateFilters } = useStaffFilters();
  const staffQuery = useStaff(filters);
  const total = staffQuery.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / (staffQuery.data?.pageSize ?? STAFF_PAGE_SIZE)));

  return (
    <div className="staff-directory">
      <StaffFilters filters={filters} onChange={updateFilters} />
      {staffQuery.isPending && <Spinner />}
      {staffQuery.isError && (
        <ErrorState error={staffQuery.error} onRetry={() => void staffQuery.refetch()} />
      )}
      {staffQuery.data && (
        <div className="staff-results" aria-busy={staffQuery.isPlaceholderData}>
          <p className="result-count" aria-live="polite">
            {t('staff.total', { count: total })}
          </p>
          <StaffTable items={staffQuery.data.items} />
          <Pagination
            page={staffQuery.data.page}
            pageCount={pageCount}
            onPageChange={(page) => updateFilters({ page })}
          />
        </div>
      )}
    </div>
  );
}
