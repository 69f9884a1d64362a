/** Every route path in one place, so links and redirects never drift from the router. */
export const paths = {
  login: '/login',
  activate: '/activate',
  changePassword: '/account/password',
  map: '/',
  hierarchy: '/hierarchy',
  cases: '/cases',
  newCase: '/cases/new',
  caseDetail: '/cases/:id',
  tasks: '/tasks',
  outbox: '/outbox',
  adminStaff: '/admin/staff',
  adminStaffDetail: '/admin/staff/:id',
  adminImport: '/admin/import',
  adminCoverage: '/admin/coverage',
  adminAudit: '/admin/audit',
  adminSignInThrottles: '/admin/sign-in-throttles',
  adminGrids: '/admin/grids',
  adminCategories: '/admin/categories',
  adminCalendar: '/admin/calendar',
  stats: '/stats',
  brief: '/brief',
} as const;

export function buildAdminStaffPath(staffId: string): string {
  return `/admin/staff/${encodeURIComponent(staffId)}`;
}

export function buildCasePath(caseId: string): string {
  return `/cases/${encodeURIComponent(caseId)}`;
}

/** The case list narrowed to one grid (the map's grid panel links here). */
export function buildGridCasesPath(gridId: string): string {
  return `${paths.cases}?${new URLSearchParams({ gridId }).toString()}`;
}

/** The case list with these filters (parameter names as the list reads them from its URL). */
export function buildCaseListPath(filters: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${paths.cases}?${search}` : paths.cases;
}

/** Only same-origin relative paths are accepted as a post-login destination (no open redirect). */
export function resolveNextPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return paths.map;
  if (next === paths.login || next.startsWith(`${paths.login}?`)) return paths.map;
  return next;
}
