import type { Role, RosterItem, StaffDetail } from '@gridgov/shared';
import type { findAssignmentHistory, RosterRow } from './staff-admin.repository';

export function toRosterItem(s: RosterRow): RosterItem {
  return {
    id: s.id,
    username: s.username,
    name: s.name,
    phone: s.phone,
    status: s.status,
    isPartyMember: s.isPartyMember,
    isDisabled: s.disabledAt !== null,
    regionId: s.regionId,
    roles: [...new Set(s.roles.map((r) => r.role as Role))],
    grids: s.assignments.map((a) => ({
      id: a.grid.id,
      code: a.grid.code,
      name: a.grid.name,
      role: a.role as Role,
    })),
    village: s.assignments[0]?.grid.village ?? null,
  };
}

export function toStaffDetail(
  s: RosterRow,
  history: Awaited<ReturnType<typeof findAssignmentHistory>>,
  canEditAccount: boolean,
): StaffDetail {
  return {
    ...toRosterItem(s),
    createdAt: s.createdAt.toISOString(),
    canEditAccount,
    history: history.map((h) => ({
      id: h.id,
      role: h.role as Role,
      grid: h.grid,
      startedAt: h.startedAt.toISOString(),
      endedAt: h.endedAt?.toISOString() ?? null,
    })),
  };
}

/** The audited view of a person: what an admin can change. */
export function toAuditedStaff(s: RosterRow) {
  return {
    name: s.name,
    phone: s.phone,
    username: s.username,
    status: s.status,
    isPartyMember: s.isPartyMember,
    isDisabled: s.disabledAt !== null,
    roles: [...new Set(s.roles.map((r) => r.role))].sort(),
  };
}
