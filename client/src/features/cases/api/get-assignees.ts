import { type StaffPage, staffPageSchema } from '@gridgov/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

const MAX_ASSIGNEES = 100;

/** Active staff who can take a case: those of one grid, or everyone in scope when the grid is not known. */
export function getAssignees(
  gridId: string | null,
  { signal }: { signal?: AbortSignal } = {},
): Promise<StaffPage> {
  return api.get('/api/staff', {
    signal,
    schema: staffPageSchema,
    query: { gridId, status: 'active', pageSize: MAX_ASSIGNEES },
  });
}

export function getAssigneesQueryOptions(gridId: string | null) {
  return queryOptions({
    queryKey: ['staff', 'assignees', gridId],
    queryFn: ({ signal }) => getAssignees(gridId, { signal }),
    select: (page) => page.items,
  });
}

export function useAssignees(gridId: string | null) {
  return useQuery(getAssigneesQueryOptions(gridId));
}
