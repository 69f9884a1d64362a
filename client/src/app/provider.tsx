import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { AppErrorBoundary } from '@/components/errors/app-error-boundary';
import { ME_QUERY_KEY } from '@/features/auth/api/get-me';
import { setUnauthorizedHandler } from '@/lib/api-client';
import { createQueryClient } from './query-client';

function createSessionAwareQueryClient(): QueryClient {
  const queryClient = createQueryClient();
  // A 401 mid-session means the session expired: forgetting the user lets the auth guard send them to
  // the login page with a back-link, without a full page reload.
  setUnauthorizedHandler(() => queryClient.setQueryData(ME_QUERY_KEY, null));
  return queryClient;
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createSessionAwareQueryClient);
  return (
    <AppErrorBoundary>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </AppErrorBoundary>
  );
}
