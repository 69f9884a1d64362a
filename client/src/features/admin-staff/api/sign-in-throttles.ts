import {
  type ClearSignInThrottle,
  clearSignInThrottleResultSchema,
  signInThrottleListSchema,
} from '@gridgov/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getSignInThrottlesQueryOptions() {
  return queryOptions({
    queryKey: ['admin-staff', 'sign-in-throttles'],
    queryFn: ({ signal }) =>
      apiRequest('/api/admin/sign-in-throttles', { signal, schema: signInThrottleListSchema }),
    // Locks lift by themselves as time passes: keep the list current while it is open.
    refetchInterval: 30_000,
  });
}

export const useSignInThrottles = () => useQuery(getSignInThrottlesQueryOptions());

export function useClearSignInThrottle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClearSignInThrottle) =>
      apiRequest('/api/admin/sign-in-throttles/clear', {
        method: 'POST',
        body: input,
        schema: clearSignInThrottleResultSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: getSignInThrottlesQueryOptions().queryKey }),
  });
}
