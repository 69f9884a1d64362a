import {
  type Category,
  type CreateCategory,
  categoryListSchema,
  categorySchema,
  type UpdateCategory,
} from '@gridgov/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, isApiError } from '@/lib/api-client';

export function getAllCategories({ signal }: { signal?: AbortSignal } = {}): Promise<{ items: Category[] }> {
  return api.get('/api/categories', { signal, schema: categoryListSchema });
}

/** Same key as the report form's list, so an edit here refreshes it too. */
export function getAllCategoriesQueryOptions() {
  return queryOptions({ queryKey: ['categories'], queryFn: ({ signal }) => getAllCategories({ signal }) });
}

export function useAllCategories() {
  return useQuery(getAllCategoriesQueryOptions());
}

export function updateCategory(code: string, input: UpdateCategory): Promise<Category> {
  return apiRequest(`/api/categories/${encodeURIComponent(code)}`, {
    method: 'PATCH',
    body: input,
    schema: categorySchema,
  });
}

export function useUpdateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, input }: { code: string; input: UpdateCategory }) => updateCategory(code, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['categories'] }),
  });
}

export function createCategory(input: CreateCategory): Promise<Category> {
  return api.post('/api/categories', input, { schema: categorySchema });
}

/** Resolves once the list is refetched, so the caller can select the new category right away. */
export function useCreateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCategory,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: getAllCategoriesQueryOptions().queryKey }),
    // A taken code or a vanished group means the list on screen is stale: refresh it, keep the form.
    onError: (error) => {
      if (isApiError(error) && (error.status === 409 || error.status === 422)) {
        void queryClient.invalidateQueries({ queryKey: getAllCategoriesQueryOptions().queryKey });
      }
    },
  });
}
