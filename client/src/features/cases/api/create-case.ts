import { type CaseDetail, type CreateCaseInput, caseDetailSchema } from '@gridgov/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { getCaseQueryOptions } from './get-case';
import { CASE_LIST_QUERY_KEY, INBOX_QUERY_KEY } from './get-cases';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

type CreateCaseVariables = { input: CreateCaseInput; idempotencyKey: string };

/** 201 with the new case, or 200 with the case an earlier attempt under the same key already created. */
export function createCase({ input, idempotencyKey }: CreateCaseVariables): Promise<CaseDetail> {
  return api.post('/api/cases', input, {
    schema: caseDetailSchema,
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCase,
    onSuccess: (detail) => {
      queryClient.setQueryData(getCaseQueryOptions(detail.id).queryKey, detail);
      void queryClient.invalidateQueries({ queryKey: CASE_LIST_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: INBOX_QUERY_KEY });
    },
  });
}
