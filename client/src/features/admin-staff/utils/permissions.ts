import type { Role } from '@gridgov/shared';

/** Who sees the roster administration: admins change it, town leaders read it (the server decides). */
export const canReadRoster = (roles: readonly Role[]) =>
  roles.includes('admin') || roles.includes('town_leader');
export const canWriteRoster = (roles: readonly Role[]) => roles.includes('admin');
