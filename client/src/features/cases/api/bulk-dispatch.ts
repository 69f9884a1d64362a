import { type CaseDetail, caseDetailSchema } from '@gridgov/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { CASES_QUERY_KEY } from './get-cases';

const caseDetailsSchema = caseDetailSchema.array();
const bulkDispatchResultSchema = {
  parse: (data: unknown) => ({ items: caseDetailsSchema.parse((data as { items?: unknown } | null)?.items) }),
};

export type BulkDispatchInput = {
  assigneeId: string;
  cases: { id: string; version: number }[];
  note?: string;
};

/** All or nothing: the server dispatches every case or none (a stale version fails the lot with 409). */
export function bulkDispatch(input: BulkDispatchInput): Promise<{ items: CaseDetail[] }> {
  return api.post('/api/cases/bulk-dispatch', input, { schema: bulkDispatchResultSchema });
}

export function useBulkDispatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkDispatch,
    // Success or conflict, the list (and any open case) no longer matches the server.
    onSettled: () => queryClient.invalidateQueries({ queryKey: CASES_QUERY_KEY }),
  });
}
