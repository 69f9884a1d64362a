import { type Category, categoryListSchema } from '@gridgov/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function getCategories({ signal }: { signal?: AbortSignal } = {}): Promise<{ items: Category[] }> {
  return api.get('/api/categories', { signal, schema: categoryListSchema });
}

export function getCategoriesQueryOptions() {
  return queryOptions({
    queryKey: ['categories'],
    queryFn: ({ signal }) => getCategories({ signal }),
    // Reference data an administrator changes rarely.
    staleTime: 30 * 60_000,
    select: (data) => data.items,
  });
}

export function useCategories() {
  return useQuery(getCategoriesQueryOptions());
}
