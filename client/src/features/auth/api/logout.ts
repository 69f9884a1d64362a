import { useMutation } from '@tanstack/react-query';
import { paths } from '@/config/paths';
import { api } from '@/lib/api-client';
import { browserLocation } from '@/lib/browser-location';
import { clearOfflineData } from '@/lib/offline-caches';

/** Ends the session and wipes what the service worker kept of this person (a shared phone). */
export async function logout(): Promise<void> {
  try {
    await api.post<void>('/api/auth/logout');
  } finally {
    await clearOfflineData();
  }
}

/**
 * Signed out (or the session was already gone): reload on the login page. A full load drops every cached
 * query, the CSRF token and any other in-memory trace of the previous user in one step.
 */
export function useLogout() {
  return useMutation({
    mutationFn: logout,
    onSettled: () => browserLocation.replace(paths.login),
  });
}
