import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageSpinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { AppRoot } from './routes/app-root';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';

/**
 * Pages are lazy so the entry chunk holds only the shell; Leaflet (the bulk of the JS) arrives with the
 * map page, and the login page never pays for it.
 */
export const routes: RouteObject[] = [
  {
    path: paths.login,
    ErrorBoundary: RouteError,
    HydrateFallback: PageSpinner,
    lazy: async () => ({ Component: (await import('./routes/login')).LoginRoute }),
  },
  {
    path: paths.map,
    Component: AppRoot,
    ErrorBoundary: RouteError,
    HydrateFallback: PageSpinner,
    children: [
      {
        index: true,
        ErrorBoundary: RouteError,
        lazy: async () => ({ Component: (await import('./routes/map')).MapRoute }),
      },
      {
        path: paths.hierarchy.slice(1),
        ErrorBoundary: RouteError,
        lazy: async () => ({ Component: (await import('./routes/hierarchy')).HierarchyRoute }),
      },
      { path: '*', Component: NotFoundRoute },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
