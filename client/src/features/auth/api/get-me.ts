import type { Me } from '@gridgov/shared';
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api-client';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

/** Resolves to null when nobody is signed in, so the guard can redirect without an error state. */
export async function getMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/me', { isAuthProbe: true });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function getMeQueryOptions() {
  return queryOptions({ queryKey: ME_QUERY_KEY, queryFn: getMe, staleTime: 5 * 60_000 });
}

export function useMe() {
  return useQuery(getMeQueryOptions());
}

/**
 * Switches the cached session user. Everything else cached belonged to the previous session, so it is
 * dropped; the `me` query is updated in place so mounted observers (guard, header) see the change.
 */
export function replaceSessionUser(queryClient: QueryClient, me: Me | null): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
  queryClient.setQueryData(ME_QUERY_KEY, me);
}
