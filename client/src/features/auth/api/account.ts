import type { ActivateAccountInput, ChangePasswordInput, Me } from '@gridgov/shared';
import { changePasswordResultSchema } from '@gridgov/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@/lib/api-client';
import { ME_QUERY_KEY, replaceSessionUser } from './get-me';

/** Changes one's own password; other devices are signed out, this one stays. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) =>
      apiRequest('/api/auth/password', { method: 'POST', body: input, schema: changePasswordResultSchema }),
    onSuccess: () => {
      const me = queryClient.getQueryData<Me | null>(ME_QUERY_KEY);
      if (me) queryClient.setQueryData(ME_QUERY_KEY, { ...me, mustChangePassword: false });
    },
  });
}

/** First sign-in with an activation code: the person sets their password and is signed in. */
export function useActivateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActivateAccountInput) =>
      api.post<Me>('/api/auth/activate', input, { isAuthProbe: true }),
    onSuccess: (me) => replaceSessionUser(queryClient, me),
  });
}
