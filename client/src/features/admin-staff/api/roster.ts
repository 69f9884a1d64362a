import {
  type CreateStaffInput,
  type HandoverInput,
  type HandoverResult,
  handoverPreviewSchema,
  handoverResultSchema,
  initialPasswordSchema,
  type Role,
  type RosterPage,
  rosterPageSchema,
  type StaffDetail,
  staffDetailSchema,
  type UpdateStaffInput,
} from '@gridgov/shared';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, buildUrl } from '@/lib/api-client';

export const ROSTER_PAGE_SIZE = 25;

export type RosterFilters = {
  q: string;
  role: string;
  status: string;
  villageId: string;
  gridId: string;
  isPartyMember: string;
  page: number;
};

const rosterQuery = (f: RosterFilters) => ({ ...f, q: f.q.trim(), pageSize: ROSTER_PAGE_SIZE });

export function getRosterQueryOptions(filters: RosterFilters) {
  return queryOptions({
    queryKey: ['admin-staff', 'list', filters],
    queryFn: ({ signal }): Promise<RosterPage> =>
      apiRequest('/api/admin/staff', { signal, schema: rosterPageSchema, query: rosterQuery(filters) }),
    placeholderData: keepPreviousData,
  });
}

export const useRoster = (filters: RosterFilters) => useQuery(getRosterQueryOptions(filters));

/** The export follows the list's filters (without paging). */
export function buildRosterExportUrl(filters: RosterFilters): string {
  const { page: _page, ...rest } = filters;
  return buildUrl('/api/admin/staff/export.xlsx', { ...rest, q: rest.q.trim() });
}

export function getStaffDetailQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['admin-staff', 'detail', id],
    queryFn: ({ signal }): Promise<StaffDetail> =>
      apiRequest(`/api/admin/staff/${encodeURIComponent(id)}`, { signal, schema: staffDetailSchema }),
  });
}

export const useStaffDetail = (id: string) => useQuery(getStaffDetailQueryOptions(id));

export function getHandoverPreviewQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['admin-staff', 'handover', id],
    queryFn: ({ signal }) =>
      apiRequest(`/api/admin/staff/${encodeURIComponent(id)}/handover`, {
        signal,
        schema: handoverPreviewSchema,
      }),
  });
}

export const useHandoverPreview = (id: string) => useQuery(getHandoverPreviewQueryOptions(id));

/** Every roster change invalidates the roster lists, the person and their handover preview. */
function useRosterMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin-staff'] }),
  });
}

const staffPath = (id: string, suffix = '') => `/api/admin/staff/${encodeURIComponent(id)}${suffix}`;

export const useCreateStaff = () =>
  useRosterMutation((input: CreateStaffInput) =>
    apiRequest<StaffDetail & { initialPassword: string }>('/api/admin/staff', {
      method: 'POST',
      body: input,
    }),
  );

export const useUpdateStaff = (id: string) =>
  useRosterMutation((input: UpdateStaffInput) =>
    apiRequest(staffPath(id), { method: 'PATCH', body: input, schema: staffDetailSchema }),
  );

export const useSetDisabled = (id: string) =>
  useRosterMutation((isDisabled: boolean) =>
    apiRequest(staffPath(id, isDisabled ? '/disable' : '/enable'), {
      method: 'POST',
      schema: staffDetailSchema,
    }),
  );

export const useResetPassword = (id: string) =>
  useRosterMutation(() =>
    apiRequest(staffPath(id, '/reset-password'), { method: 'POST', schema: initialPasswordSchema }),
  );

export const useSetRoles = (id: string) =>
  useRosterMutation((roles: Role[]) =>
    apiRequest(staffPath(id, '/roles'), { method: 'PUT', body: { roles }, schema: staffDetailSchema }),
  );

export const useAssignGrid = (id: string) =>
  useRosterMutation((input: { gridId: string; role: string }) =>
    apiRequest(staffPath(id, '/assignments'), { method: 'POST', body: input, schema: staffDetailSchema }),
  );

export const useEndAssignment = (id: string) =>
  useRosterMutation((assignmentId: string) =>
    apiRequest(staffPath(id, `/assignments/${encodeURIComponent(assignmentId)}/end`), {
      method: 'POST',
      schema: staffDetailSchema,
    }),
  );

export const useHandover = (id: string) =>
  useRosterMutation(
    (input: HandoverInput): Promise<HandoverResult> =>
      apiRequest(staffPath(id, '/handover'), { method: 'POST', body: input, schema: handoverResultSchema }),
  );
