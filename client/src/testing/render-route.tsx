import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, type RouteObject, RouterProvider } from 'react-router';

/** Where the router starts: a path, or a path with navigation state (what `navigate(to, { state })` leaves). */
type InitialEntry = string | { pathname: string; state: unknown };

/** Renders routes in a memory router with a fresh, retry-free query client. */
export function renderRoutes(
  routes: RouteObject[],
  { initialEntry = '/' }: { initialEntry?: InitialEntry } = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: false, gcTime: Number.POSITIVE_INFINITY },
      mutations: { retry: false },
    },
  });
  const router = createMemoryRouter(routes, { initialEntries: [initialEntry] });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}
