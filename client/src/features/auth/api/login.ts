import type { LoginRequest, Me } from '@gridgov/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { clearOfflineData } from '@/lib/offline-caches';
import { replaceSessionUser } from './get-me';

/**
 * Signs in. What the service worker and the outbox kept is wiped first: it may be a previous person's
 * whose session simply ran out on this shared phone (their own queued writes stay: decision 025).
 */
export async function login(credentials: LoginRequest): Promise<Me> {
  const me = await api.post<Me>('/api/auth/login', credentials, { isAuthProbe: true });
  const { readOutboxOwner, setOutboxOwner } = await import('@/lib/outbox/outbox-count');
  await clearOfflineData(readOutboxOwner() === me.id);
  setOutboxOwner(me.id);
  return me;
}

/** On success the `me` query holds the new user; the login route redirects from there. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => replaceSessionUser(queryClient, me),
  });
}
