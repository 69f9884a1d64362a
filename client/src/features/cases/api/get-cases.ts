import { type CaseList, type CaseStatus, caseListSchema } from '@gridgov/shared';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { CaseSort } from '../utils/case-filters';

export const CASES_QUERY_KEY = ['cases'] as const;
export const CASE_LIST_QUERY_KEY = [...CASES_QUERY_KEY, 'list'] as const;
/** The work inbox and its counts (features/inbox): computed from the cases, stale whenever they change. */
export const INBOX_QUERY_KEY = [...CASES_QUERY_KEY, 'inbox'] as const;
export const CASE_PAGE_SIZE = 30;

export type CaseFilters = {
  status: CaseStatus[];
  categoryCode: string | null;
  villageId: string | null;
  gridId: string | null;
  /** A staff id, or `me`. */
  assigneeId: string | null;
  isOverdue: boolean;
  isEscalated: boolean;
  q: string;
  /** YYYY-MM-DD, inclusive. */
  from: string | null;
  to: string | null;
  /** Deadline within these days (YYYY-MM-DD, inclusive), e.g. both today for "due today". */
  dueFrom: string | null;
  dueTo: string | null;
  sort: CaseSort;
};

export function toCaseListQuery(filters: CaseFilters, cursor: string | null, limit = CASE_PAGE_SIZE) {
  return {
    status: filters.status.join(','),
    categoryCode: filters.categoryCode,
    villageId: filters.villageId,
    gridId: filters.gridId,
    assigneeId: filters.assigneeId,
    overdue: filters.isOverdue ? 'true' : null,
    escalated: filters.isEscalated ? 'true' : null,
    q: filters.q.trim(),
    from: filters.from,
    to: filters.to,
    dueFrom: filters.dueFrom,
    dueTo: filters.dueTo,
    sort: filters.sort,
    cursor,
    limit,
  };
}

export function getCases(
  filters: CaseFilters,
  cursor: string | null,
  { signal, limit }: { signal?: AbortSignal; limit?: number } = {},
): Promise<CaseList> {
  return api.get('/api/cases', {
    signal,
    schema: caseListSchema,
    query: toCaseListQuery(filters, cursor, limit),
  });
}

export function getCasesQueryOptions(filters: CaseFilters) {
  return infiniteQueryOptions({
    queryKey: [...CASE_LIST_QUERY_KEY, filters],
    queryFn: ({ pageParam, signal }) => getCases(filters, pageParam, { signal }),
    // Keyset pagination: each page hands out the cursor of the next.
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    staleTime: 30_000,
    // While another filter loads, the previous list stays on screen (dimmed) instead of a spinner.
    placeholderData: keepPreviousData,
  });
}

export function useCases(filters: CaseFilters) {
  return useInfiniteQuery(getCasesQueryOptions(filters));
}
