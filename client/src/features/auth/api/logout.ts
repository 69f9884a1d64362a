import { useMutation } from '@tanstack/react-query';
import { paths } from '@/config/paths';
import { api } from '@/lib/api-client';
import { browserLocation } from '@/lib/browser-location';

export function logout(): Promise<void> {
  return api.post<void>('/api/auth/logout');
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
