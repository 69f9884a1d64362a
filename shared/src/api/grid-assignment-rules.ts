import type { Role } from './staff.schema';

// Who may hold which post in a grid (issue 13): one rule set for the assignment form, the roster import
// and the server. A grid has at most one active worker (网格员) and one active leader (网格长); posts are
// given only in the towns the administrator administers.

export type GridRole = 'grid_leader' | 'grid_worker' | 'patroller';

export type GridAssignmentProblem =
  | 'town_not_administered'
  | 'person_inactive'
  | 'already_assigned'
  | 'grid_has_worker'
  | 'grid_has_leader';

export interface GridPostState {
  /** The grid's active worker and leader (their staff ids), if any. */
  workerId: string | null;
  leaderId: string | null;
}

/** Why this person cannot take this post in this grid, or null when they can. */
export function findGridAssignmentProblem(input: {
  role: GridRole;
  grid: GridPostState & { id: string; isAdministered: boolean };
  person: { id: string; isActive: boolean; activeAssignments: { gridId: string; role: string }[] };
}): GridAssignmentProblem | null {
  const { role, grid, person } = input;
  if (!grid.isAdministered) return 'town_not_administered';
  if (!person.isActive) return 'person_inactive';
  if (person.activeAssignments.some((a) => a.gridId === grid.id && a.role === role))
    return 'already_assigned';
  const holder = findPostHolder(role, grid);
  if (holder !== null && holder !== person.id)
    return role === 'grid_worker' ? 'grid_has_worker' : 'grid_has_leader';
  return null;
}

/** The one person who holds a single-holder post (worker, leader) of a grid; patrollers are many. */
export function findPostHolder(role: GridRole, grid: GridPostState): string | null {
  if (role === 'grid_worker') return grid.workerId;
  if (role === 'grid_leader') return grid.leaderId;
  return null;
}

/**
 * The post the assignment form starts on: the grid role the person already has (a worker gets another
 * worker post, a patroller another patrol), never 网格长 by default.
 */
export function defaultGridRole(roles: readonly Role[]): GridRole {
  if (roles.includes('grid_worker')) return 'grid_worker';
  if (roles.includes('patroller')) return 'patroller';
  if (roles.includes('grid_leader')) return 'grid_leader';
  return 'grid_worker';
}
