import { caseAssigneesSchema, type StaffPage, staffPageSchema } from '@gridgov/shared';
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

export function useAssignees(gridId: string | null, caseId?: string) {
  const forCase = useQuery({ ...getCaseAssigneesQueryOptions(caseId ?? ''), enabled: Boolean(caseId) });
  const forGrid = useQuery({ ...getAssigneesQueryOptions(gridId), enabled: !caseId });
  return caseId ? forCase : forGrid;
}

/** Exactly who one case may be given to: the server's own rule (issue 13). */
export function getCaseAssigneesQueryOptions(caseId: string) {
  return queryOptions({
    queryKey: ['cases', caseId, 'assignees'],
    queryFn: ({ signal }) =>
      api.get(`/api/cases/${encodeURIComponent(caseId)}/assignees`, { signal, schema: caseAssigneesSchema }),
    select: (page) => page.items,
  });
}
