import { type AuditPage, auditPageSchema } from '@gridgov/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export type AuditFilters = { actor: string; action: string; entity: string; from: string; to: string };

export function getAuditQueryOptions(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: ['admin-staff', 'audit', filters],
    queryFn: ({ signal, pageParam }): Promise<AuditPage> =>
      apiRequest('/api/admin/audit', {
        signal,
        schema: auditPageSchema,
        query: { ...filters, cursor: pageParam, limit: 50 },
      }),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useAuditLog = (filters: AuditFilters) => useInfiniteQuery(getAuditQueryOptions(filters));
