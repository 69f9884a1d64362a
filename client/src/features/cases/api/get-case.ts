import { type CaseDetail, caseDetailSchema } from '@gridgov/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { CASES_QUERY_KEY } from './get-cases';

export function getCase(caseId: string, { signal }: { signal?: AbortSignal } = {}): Promise<CaseDetail> {
  return api.get(`/api/cases/${encodeURIComponent(caseId)}`, { signal, schema: caseDetailSchema });
}

export function getCaseQueryOptions(caseId: string) {
  return queryOptions({
    queryKey: [...CASES_QUERY_KEY, 'detail', caseId],
    queryFn: ({ signal }) => getCase(caseId, { signal }),
    // A case moves while people work on it; the actions panel must start from a fresh version.
    staleTime: 10_000,
  });
}

export function useCase(caseId: string) {
  return useQuery(getCaseQueryOptions(caseId));
}
