import { type CaseActionRequest, type CaseDetail, caseDetailSchema } from '@gridgov/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { isConflictError } from '../utils/describe-case-error';
import { getCaseQueryOptions } from './get-case';
import { CASE_LIST_QUERY_KEY, INBOX_QUERY_KEY } from './get-cases';

export function actOnCase(caseId: string, request: CaseActionRequest): Promise<CaseDetail> {
  return api.post(`/api/cases/${encodeURIComponent(caseId)}/actions`, request, { schema: caseDetailSchema });
}

/** On success the answer replaces the cached case; on a version conflict the case is fetched afresh. */
export function useActOnCase(caseId: string) {
  const queryClient = useQueryClient();
  const { queryKey } = getCaseQueryOptions(caseId);
  return useMutation({
    mutationFn: (request: CaseActionRequest) => actOnCase(caseId, request),
    onSuccess: (detail) => {
      queryClient.setQueryData(queryKey, detail);
      void queryClient.invalidateQueries({ queryKey: CASE_LIST_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: INBOX_QUERY_KEY });
    },
    onError: (error) => {
      if (isConflictError(error)) void queryClient.invalidateQueries({ queryKey });
    },
  });
}
