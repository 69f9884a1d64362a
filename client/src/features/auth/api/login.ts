import type { LoginRequest, Me } from '@gridgov/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { replaceSessionUser } from './get-me';

export function login(credentials: LoginRequest): Promise<Me> {
  return api.post<Me>('/api/auth/login', credentials, { isAuthProbe: true });
}

/** On success the `me` query holds the new user; the login route redirects from there. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => replaceSessionUser(queryClient, me),
  });
}
