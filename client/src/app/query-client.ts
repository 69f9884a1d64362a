import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-client';

const MAX_RETRIES = 2;

/** A 4xx will not change by asking again (and a 401 already redirected); network and 5xx get two retries. */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

/**
 * A busy server (503 `overloaded`, 429) says when to come back in Retry-After: wait that long, plus a
 * little jitter so a page's queries do not return at the same instant. Otherwise TanStack's default
 * backoff (1 s, 2 s, … up to 30 s).
 */
export function queryRetryDelay(failureCount: number, error: unknown, random = Math.random): number {
  if (isApiError(error) && error.retryAfter !== undefined) {
    return Math.min(error.retryAfter, 60) * 1000 + Math.floor(random() * 500);
  }
  return Math.min(1000 * 2 ** failureCount, 30_000);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetryQuery,
        retryDelay: queryRetryDelay,
        staleTime: 60_000,
        gcTime: 10 * 60_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
