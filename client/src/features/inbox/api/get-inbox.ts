import { type Inbox, type InboxCounts, inboxCountsSchema, inboxSchema } from '@gridgov/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { INBOX_QUERY_KEY } from '@/features/cases/api/get-cases';
import { api } from '@/lib/api-client';

/** The navigation's count is a hint, refreshed now and then and whenever the tab comes back. */
const COUNTS_REFRESH_MS = 60_000;

export function getInboxQueryOptions() {
  return queryOptions({
    queryKey: [...INBOX_QUERY_KEY, 'page'],
    queryFn: ({ signal }): Promise<Inbox> => api.get('/api/inbox', { signal, schema: inboxSchema }),
  });
}

export function useInbox() {
  return useQuery(getInboxQueryOptions());
}

export function useInboxCounts({ isEnabled }: { isEnabled: boolean }) {
  return useQuery({
    queryKey: [...INBOX_QUERY_KEY, 'counts'],
    queryFn: ({ signal }): Promise<InboxCounts> =>
      api.get('/api/inbox/counts', { signal, schema: inboxCountsSchema }),
    enabled: isEnabled,
    refetchInterval: COUNTS_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}
