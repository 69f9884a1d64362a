import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageSpinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { loadCaseTranslations, loadStatsTranslations } from '@/lib/i18n';
import { AppRoot } from './routes/app-root';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';

/** A case page module, once the case strings (a chunk of their own) are in too. */
async function withCaseTranslations<T>(page: Promise<T>): Promise<T> {
  const [module] = await Promise.all([page, loadCaseTranslations()]);
  return module;
}

/** Statistics, brief and case list pages also show export buttons and figures: their strings too. */
async function withStatsTranslations<T>(page: Promise<T>): Promise<T> {
  const [module] = await Promise.all([page, loadCaseTranslations(), loadStatsTranslations()]);
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
        lazy: async () => ({ Component: (await import('./routes/map')).MapRoute }),
      },
      {
        path: paths.hierarchy.slice(1),
        ErrorBoundary: RouteError,
        lazy: async () => ({ Component: (await import('./routes/hierarchy')).HierarchyRoute }),
      },
      {
        path: paths.cases.slice(1),
        ErrorBoundary: RouteError,
        lazy: async () => ({ Component: (await withStatsTranslations(import('./routes/cases'))).CasesRoute }),
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
      {
        path: paths.stats.slice(1),
        ErrorBoundary: RouteError,
        lazy: async () => ({ Component: (await withStatsTranslations(import('./routes/stats'))).StatsRoute }),
      },
      {
        path: paths.brief.slice(1),
        ErrorBoundary: RouteError,
        lazy: async () => ({ Component: (await withStatsTranslations(import('./routes/brief'))).BriefRoute }),
      },
      { path: '*', Component: NotFoundRoute },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
