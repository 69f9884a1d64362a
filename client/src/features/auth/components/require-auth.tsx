import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageSpinner } from '@/components/ui/spinner';
import { buildLoginPath } from '@/lib/api-client';
import { useMe } from '../api/get-me';

/** Renders its children only for a signed-in user; everyone else goes to the login page with a back-link. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const meQuery = useMe();
  const location = useLocation();
  if (meQuery.isPending) return <PageSpinner />;
  // Not a 401 (that resolves to null): the server is down or broken; let the route error boundary say so.
  if (meQuery.isError) throw meQuery.error;
  if (!meQuery.data) return <Navigate to={buildLoginPath(location)} replace />;
  return children;
}
