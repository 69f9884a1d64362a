import { describe, expect, it } from 'vitest';
import { defaultGridRole, findGridAssignmentProblem } from './grid-assignment-rules';

const grid = { id: 'g1', isAdministered: true, workerId: 'w1', leaderId: 'l1' };
const person = { id: 'p1', isActive: true, activeAssignments: [] as { gridId: string; role: string }[] };

describe('grid assignment rules', () => {
  it('when the grid already has a worker or a leader, then a second one is refused; patrollers are many', () => {
    expect(findGridAssignmentProblem({ role: 'grid_worker', grid, person })).toBe('grid_has_worker');
    expect(findGridAssignmentProblem({ role: 'grid_leader', grid, person })).toBe('grid_has_leader');
    expect(findGridAssignmentProblem({ role: 'patroller', grid, person })).toBeNull();
    expect(
      findGridAssignmentProblem({ role: 'grid_leader', grid: { ...grid, leaderId: null }, person }),
    ).toBeNull();
  });

  it('when the town is not administered, the person is inactive or already holds the post, then each is named', () => {
    expect(
      findGridAssignmentProblem({ role: 'patroller', grid: { ...grid, isAdministered: false }, person }),
    ).toBe('town_not_administered');
    expect(
      findGridAssignmentProblem({ role: 'patroller', grid, person: { ...person, isActive: false } }),
    ).toBe('person_inactive');
    const holder = { ...person, activeAssignments: [{ gridId: 'g1', role: 'patroller' }] };
    expect(findGridAssignmentProblem({ role: 'patroller', grid, person: holder })).toBe('already_assigned');
  });

  it('the form starts on the post the person already has, never 网格长 by default', () => {
    expect(defaultGridRole(['grid_worker'])).toBe('grid_worker');
    expect(defaultGridRole(['patroller'])).toBe('patroller');
    expect(defaultGridRole(['town_leader'])).toBe('grid_worker');
    expect(defaultGridRole(['grid_leader'])).toBe('grid_leader');
  });
});
