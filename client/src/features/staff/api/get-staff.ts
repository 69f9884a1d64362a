import { type Role, type StaffPage, type StaffStatus, staffPageSchema } from '@gridgov/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const STAFF_PAGE_SIZE = 20;

export type StaffFilters = {
  role: Role | null;
  status: StaffStatus | null;
  q: string;
  page: number;
};

export function getStaff(
  filters: StaffFilters,
  { signal }: { signal?: AbortSignal } = {},
): Promise<StaffPage> {
  return api.get('/api/staff', {
    signal,
    schema: staffPageSchema,
    query: { ...filters, q: filters.q.trim(), pageSize: STAFF_PAGE_SIZE },
  });
}

export function getStaffQueryOptions(filters: StaffFilters) {
  return queryOptions({
    queryKey: ['staff', 'list', filters],
    queryFn: ({ signal }) => getStaff(filters, { signal }),
    // Keep the current page on screen while the next one loads, instead of flashing a spinner.
    placeholderData: keepPreviousData,
  });
}

export function useStaff(filters: StaffFilters) {
  return useQuery(getStaffQueryOptions(filters));
}
