// The case access rules as pure functions: who sees a case, who sees the resident's phone, whose
// phones the case page shows unmasked. No database: these run per mutant under Stryker
// (docs/testing.md). Every expected value below is written by hand from the rule's wording.
import { describe, expect, it } from 'vitest';
import type { Actor, ActorScope } from '../../lib/auth/scope';
import {
  canSeeResidentPhone,
  canViewCase,
  caseScopeWhere,
  phoneVisibleStaffIds,
  toCaseActor,
} from './case-access';

const GRID = 'grid-a';
const OTHER_GRID = 'grid-b';
const TOWN = 'town-a';
const OTHER_TOWN = 'town-b';
const REPORTER = 'reporter-1';
const ASSIGNEE = 'assignee-1';

const theCase = { gridId: GRID, townId: TOWN, reporterId: REPORTER, assigneeId: ASSIGNEE };

function scopeWith(overrides: Partial<ActorScope>): ActorScope {
  return {
    level: 'grids',
    regionIds: [],
    townIds: [],
    gridIds: [],
    homeGridId: null,
    leaderGridIds: [],
    leaderTownIds: [],
    adminTownIds: [],
    adminCountyIds: [],
    memberTownIds: [],
    ...overrides,
  };
}

function actorWith(id: string, scope: Partial<ActorScope> = {}): Actor {
  return { id, username: id, name: id, roles: ['grid_worker'], scope: scopeWith(scope) };
}

/** A worker of the case's grid who neither reported nor holds it. */
const gridColleague = actorWith('colleague', { gridIds: [GRID] });
/** An admin of the case's town: sees the whole town, leads nothing. */
const townAdmin = actorWith('admin', { level: 'town', townIds: [TOWN], adminTownIds: [TOWN] });
const gridLeader = actorWith('leader', { gridIds: [GRID], leaderGridIds: [GRID] });
const otherGridLeader = actorWith('other-leader', { gridIds: [OTHER_GRID], leaderGridIds: [OTHER_GRID] });
const townLeader = actorWith('town-leader', { level: 'town', townIds: [TOWN], leaderTownIds: [TOWN] });
const otherTownLeader = actorWith('other-town-leader', {
  level: 'town',
  townIds: [OTHER_TOWN],
  leaderTownIds: [OTHER_TOWN],
});
const reporter = actorWith(REPORTER, { gridIds: [OTHER_GRID] });
const assignee = actorWith(ASSIGNEE, { gridIds: [OTHER_GRID] });
const stranger = actorWith('stranger', { gridIds: [OTHER_GRID] });

describe('canViewCase', () => {
  it.each([
    ['a worker of its grid', true, gridColleague],
    ['a person whose town contains it', true, townAdmin],
    ['its reporter, from another grid', true, reporter],
    ['its assignee, from another grid', true, assignee],
    ['a worker of another grid', false, stranger],
    ['a leader of another town', false, otherTownLeader],
  ])('when %s asks, then the answer is %s', (_who, expected, actor) => {
    expect(canViewCase(actor, theCase)).toBe(expected);
  });

  it('when the case has no assignee, then a person with no id match and no territory does not see it', () => {
    expect(canViewCase(stranger, { ...theCase, assigneeId: null })).toBe(false);
  });
});

describe('caseScopeWhere', () => {
  it('when the person works grid by grid, then the filter names those grids, their reports and their cases', () => {
    expect(caseScopeWhere(actorWith('w', { gridIds: [GRID, OTHER_GRID] }))).toEqual({
      OR: [{ gridId: { in: [GRID, OTHER_GRID] } }, { reporterId: 'w' }, { assigneeId: 'w' }],
    });
  });

  it('when the person covers whole towns, then the filter names the towns', () => {
    expect(caseScopeWhere(townAdmin)).toEqual({
      OR: [{ townId: { in: [TOWN] } }, { reporterId: 'admin' }, { assigneeId: 'admin' }],
    });
  });
});

describe('toCaseActor', () => {
  it('when the person leads the case grid, then leadsGrid only', () => {
    expect(toCaseActor(gridLeader, theCase)).toEqual({
      id: 'leader',
      roles: ['grid_worker'],
      leadsGrid: true,
      leadsTown: false,
    });
  });

  it('when the person leads the case town, then leadsTown only', () => {
    expect(toCaseActor(townLeader, theCase)).toMatchObject({ leadsGrid: false, leadsTown: true });
  });

  it('when the person leads another grid and town, then neither', () => {
    expect(toCaseActor(otherGridLeader, theCase)).toMatchObject({ leadsGrid: false, leadsTown: false });
    expect(toCaseActor(otherTownLeader, theCase)).toMatchObject({ leadsGrid: false, leadsTown: false });
  });
});

describe('canSeeResidentPhone', () => {
  it.each([
    ['its reporter', true, reporter],
    ['its assignee', true, assignee],
    ['the leader of its grid', true, gridLeader],
    ['the leader of its town', true, townLeader],
    ['a worker of its grid who does not act on it', false, gridColleague],
    ['an admin of its town', false, townAdmin],
    ['the leader of another grid', false, otherGridLeader],
    ['the leader of another town', false, otherTownLeader],
    ['a stranger', false, stranger],
  ])('when %s reads the case, then the resident’s phone shows: %s', (_who, expected, actor) => {
    expect(canSeeResidentPhone(actor, theCase)).toBe(expected);
  });

  it('when the case has no assignee, then a stranger still does not see the phone', () => {
    expect(canSeeResidentPhone(stranger, { ...theCase, assigneeId: null })).toBe(false);
  });
});

describe('phoneVisibleStaffIds', () => {
  const inScope = ['someone-in-scope'];

  it('when a person who does not act on the case reads it, then only staff in their scope and they themselves show', () => {
    expect([...phoneVisibleStaffIds(gridColleague, theCase, inScope)].sort()).toEqual([
      'colleague',
      'someone-in-scope',
    ]);
  });

  it('when the grid leader reads it, then its reporter and assignee show too', () => {
    expect([...phoneVisibleStaffIds(gridLeader, theCase, inScope)].sort()).toEqual([
      ASSIGNEE,
      'leader',
      REPORTER,
      'someone-in-scope',
    ]);
  });

  it('when its reporter reads an unassigned case, then the reporter and those in scope show', () => {
    expect([...phoneVisibleStaffIds(reporter, { ...theCase, assigneeId: null }, inScope)].sort()).toEqual([
      REPORTER,
      'someone-in-scope',
    ]);
  });

  it('when its assignee reads it, then the reporter shows to the assignee', () => {
    expect([...phoneVisibleStaffIds(assignee, theCase, [])].sort()).toEqual([ASSIGNEE, REPORTER]);
  });
});
