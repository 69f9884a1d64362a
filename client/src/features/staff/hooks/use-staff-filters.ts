import { ROLES, type Role, STAFF_STATUSES, type StaffStatus } from '@gridgov/shared';
import { useSearchParams } from 'react-router';
import type { StaffFilters } from '../api/get-staff';

function parseRole(value: string | null): Role | null {
  return ROLES.find((role) => role === value) ?? null;
}

function parseStatus(value: string | null): StaffStatus | null {
  return STAFF_STATUSES.find((status) => status === value) ?? null;
}

function parsePage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The staff directory's filters live in the URL (?role=&status=&q=&page=), so links and Back work. */
export function useStaffFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: StaffFilters = {
    role: parseRole(searchParams.get('role')),
    status: parseStatus(searchParams.get('status')),
    q: searchParams.get('q') ?? '',
    page: parsePage(searchParams.get('page')),
  };

  function updateFilters(changes: Partial<StaffFilters>) {
    setSearchParams((params) => {
      const next = new URLSearchParams(params);
      // Narrowing the list invalidates the page number; only explicit paging keeps it.
      const merged = { ...filters, page: 1, ...changes };
      for (const key of ['role', 'status', 'q', 'page'] as const) {
        const value = merged[key];
        const isDefault = value === null || value === '' || (key === 'page' && value === 1);
        if (isDefault) next.delete(key);
        else next.set(key, String(value));
      }
      return next;
    });
  }

  return { filters, updateFilters };
}
