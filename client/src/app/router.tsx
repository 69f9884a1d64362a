import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageSpinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { loadCaseTranslations, loadDashboardTranslations } from '@/lib/i18n';
import { AppRoot } from './routes/app-root';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';

/** A case page module, once the case strings (a chunk of their own) are in too. */
async function withCaseTranslations<T>(page: Promise<T>): Promise<T> {
  const [module] = await Promise.all([page, loadCaseTranslations()]);
  return module;
}

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
        lazy: async () => {
          // The command map shows case statuses and its own strings: both chunks come with the page.
          const [module] = await Promise.all([
            withCaseTranslations(import('./routes/map')),
            loadDashboardTranslations(),
          ]);
          return { Component: module.MapRoute };
        },
      },
      {
        path: paths.hierarchy.slice(1),
        ErrorBoundary: RouteError,
        lazy: async () => ({ Component: (await import('./routes/hierarchy')).HierarchyRoute }),
      },
      {
        path: paths.cases.slice(1),
        ErrorBoundary: RouteError,
        lazy: async () => ({ Component: (await withCaseTranslations(import('./routes/cases'))).CasesRoute }),
      },
      {
        path: paths.newCase.slice(1),
        ErrorBoundary: RouteError,
        lazy: async () => ({
          Component: (await withCaseTranslations(import('./routes/report-case'))).ReportCaseRoute,
        }),
      },
      {
        path: paths.caseDetail.slice(1),
        ErrorBoundary: RouteError,
        lazy: async () => ({ Component: (await withCaseTranslations(import('./routes/case'))).CaseRoute }),
      },
      {
        path: paths.tasks.slice(1),
        ErrorBoundary: RouteError,
        lazy: async () => ({ Component: (await withCaseTranslations(import('./routes/tasks'))).TasksRoute }),
      },
      { path: '*', Component: NotFoundRoute },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
