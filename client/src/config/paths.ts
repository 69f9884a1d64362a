/** Every route path in one place, so links and redirects never drift from the router. */
export const paths = {
  login: '/login',
  map: '/',
  hierarchy: '/hierarchy',
  cases: '/cases',
  newCase: '/cases/new',
  caseDetail: '/cases/:id',
  tasks: '/tasks',
  adminStaff: '/admin/staff',
  adminStaffDetail: '/admin/staff/:id',
  adminImport: '/admin/import',
  adminCoverage: '/admin/coverage',
  adminAudit: '/admin/audit',
  adminGrids: '/admin/grids',
  adminCategories: '/admin/categories',
  adminCalendar: '/admin/calendar',
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

/** Only same-origin relative paths are accepted as a post-login destination (no open redirect). */
export function resolveNextPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return paths.map;
  if (next === paths.login || next.startsWith(`${paths.login}?`)) return paths.map;
  return next;
}
