import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageSpinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import {
  loadAdminGeoTranslations,
  loadAdminStaffTranslations,
  loadCaseTranslations,
  loadDashboardTranslations,
  loadStatsTranslations,
} from '@/lib/i18n';
import { AppRoot } from './routes/app-root';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';

/** A case page module, once the case strings (a chunk of their own) are in too. */
async function withCaseTranslations<T>(page: Promise<T>): Promise<T> {
  const [module] = await Promise.all([page, loadCaseTranslations()]);
  return module;
}

/** A roster administration page module, with its own strings and styles. */
async function withAdminStaffTranslations<T>(page: Promise<T>): Promise<T> {
  const [module] = await Promise.all([page, loadAdminStaffTranslations()]);
  return module;
}

/** An administration page module, once its strings are in. */
async function withAdminGeoTranslations<T>(page: Promise<T>): Promise<T> {
  const [module] = await Promise.all([page, loadAdminGeoTranslations()]);
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
    path: paths.activate,
    ErrorBoundary: RouteError,
    HydrateFallback: PageSpinner,
    lazy: async () => ({ Component: (await import('./routes/account')).ActivateRoute }),
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
        path: paths.outbox.slice(1),
        ErrorBoundary: RouteError,
        lazy: async () => ({
          Component: (await withCaseTranslations(import('./routes/outbox'))).OutboxRoute,
        }),
      },
      {
        path: paths.changePassword.slice(1),
        ErrorBoundary: RouteError,
        lazy: async () => ({ Component: (await import('./routes/account')).ChangePasswordRoute }),
      },
      {
        path: paths.tasks.slice(1),
        ErrorBoundary: RouteError,
        lazy: async () => ({ Component: (await withCaseTranslations(import('./routes/tasks'))).TasksRoute }),
      },
      ...(
        [
          [paths.adminStaff, 'AdminStaffRoute'],
          [paths.adminStaffDetail, 'AdminStaffDetailRoute'],
          [paths.adminImport, 'AdminImportRoute'],
          [paths.adminCoverage, 'AdminCoverageRoute'],
          [paths.adminAudit, 'AdminAuditRoute'],
          [paths.adminSignInThrottles, 'AdminSignInThrottlesRoute'],
        ] as const
      ).map(([path, name]) => ({
        path: path.slice(1),
        ErrorBoundary: RouteError,
        lazy: async () => ({
          Component: (await withAdminStaffTranslations(import('./routes/admin-staff')))[name],
        }),
      })),
      {
        path: paths.adminGrids.slice(1),
        ErrorBoundary: RouteError,
        lazy: async () => ({
          Component: (await withAdminGeoTranslations(import('./routes/admin-grids'))).AdminGridsRoute,
        }),
      },
      {
        path: paths.adminCategories.slice(1),
        ErrorBoundary: RouteError,
        lazy: async () => ({
          Component: (await withAdminGeoTranslations(import('./routes/admin-categories')))
            .AdminCategoriesRoute,
        }),
      },
      {
        path: paths.adminCalendar.slice(1),
        ErrorBoundary: RouteError,
        lazy: async () => ({
          Component: (await withAdminGeoTranslations(import('./routes/admin-calendar'))).AdminCalendarRoute,
        }),
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
