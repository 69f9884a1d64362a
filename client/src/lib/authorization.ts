import type { Role } from '@gridgov/shared';

/** What the UI offers to whom. The server decides what data each person may see; this only shapes navigation. */
const PERMISSIONS = {
  viewMap: ['admin', 'town_leader', 'grid_leader', 'grid_worker', 'patroller'],
  viewHierarchy: ['admin', 'town_leader', 'grid_leader'],
  /** Select several accepted cases and dispatch them at once; the server still checks each case. */
  bulkDispatchCases: ['town_leader', 'grid_leader'],
  /** Grid boundaries and categories: administrators only (the server also checks their area). */
  manageGeo: ['admin'],
  /** The working calendar: administrators edit, town leaders read. */
  viewCalendar: ['admin', 'town_leader'],
  /** Statistics, the morning brief and exports (the server refuses exports to everyone else). */
  viewStats: ['admin', 'town_leader', 'grid_leader'],
  exportData: ['admin', 'town_leader', 'grid_leader'],
  /** 督办 is the town leader's (the server decides per case). */
  escalateCases: ['town_leader'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}
