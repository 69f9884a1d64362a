// Scope composition as pure functions: from role and assignment rows to what a person may see, and the
// filters built from it. The database read itself (`actorRowsSelect`, ended assignments) is tested in
// scope-ended-assignment.test.ts. The county → towns lookup is answered by a stand-in that returns
// fixed rows, so these run per mutant under Stryker (docs/testing.md).
import { describe, expect, it } from 'vitest';
import {
  type ActorRows,
  type ActorScope,
  assertGridInScope,
  buildActorScope,
  gridScopeWhere,
  isCountyAdmin,
  isGridInScope,
  staffScopeWhere,
} from './scope';

type Prisma = Parameters<typeof buildActorScope>[0];

const COUNTY = 'county-1';
const TOWN_A = 'town-a';
const TOWN_B = 'town-b';
const OTHER_COUNTY_TOWN = 'town-z';

/** The towns of COUNTY, and one town of another county that the query must not return. */
const townRows = [
  { id: TOWN_A, parentId: COUNTY, level: 'town' },
  { id: TOWN_B, parentId: COUNTY, level: 'town' },
  { id: OTHER_COUNTY_TOWN, parentId: 'county-2', level: 'town' },
  { id: 'village-1', parentId: COUNTY, level: 'village' },
];
const queries: unknown[] = [];
const prismaStandIn = {
  region: {
    findMany: async (args: { where: { parentId: { in: string[] }; level: string } }) => {
      queries.push(args);
      return townRows
        .filter((r) => args.where.parentId.in.includes(r.parentId) && r.level === args.where.level)
        .map(({ id, parentId }) => ({ id, parentId }));
    },
  },
} as unknown as Prisma;

function region(role: string, id: string, level: string) {
  return { role, region: { id, level } };
}
function assignment(gridId: string, role: string, townId = TOWN_A) {
  return { gridId, role, grid: { townId } };
}
function rows(roles: ReturnType<typeof region>[], assignments: ReturnType<typeof assignment>[]): ActorRows {
  return { roles, assignments } as unknown as ActorRows;
}

describe('buildActorScope', () => {
  it('when a person holds only grid assignments, then the scope is those grids, with a home grid and led grids', async () => {
    queries.length = 0;
    const result = await buildActorScope(
      prismaStandIn,
      rows(
        [region('grid_worker', TOWN_A, 'town'), region('patroller', TOWN_A, 'town')],
        [
          assignment('g1', 'patroller'),
          assignment('g2', 'grid_worker', TOWN_B),
          assignment('g3', 'grid_leader'),
          assignment('g2', 'patroller', TOWN_B),
        ],
      ),
    );
    expect(queries).toEqual([]);
    expect(result).toEqual({
      roles: ['grid_worker', 'patroller'],
      scope: {
        level: 'grids',
        regionIds: [],
        townIds: [],
        gridIds: ['g1', 'g2', 'g3'],
        homeGridId: 'g2',
        leaderGridIds: ['g3'],
        leaderTownIds: [],
        adminTownIds: [],
        adminCountyIds: [],
        memberTownIds: [TOWN_A, TOWN_B],
      },
    });
  });

  it('when a patroller has no worker assignment, then the first patrol grid is home', async () => {
    const { scope } = await buildActorScope(
      prismaStandIn,
      rows(
        [],
        [assignment('g1', 'grid_leader'), assignment('g4', 'patroller'), assignment('g5', 'patroller')],
      ),
    );
    expect(scope.homeGridId).toBe('g4');
  });

  it('when a person has no assignment, then no home grid', async () => {
    const { scope } = await buildActorScope(prismaStandIn, rows([], [assignment('g1', 'grid_leader')]));
    expect(scope.homeGridId).toBeNull();
  });

  it('when a person leads a town and administers another, then the scope is both towns and the grids are not listed', async () => {
    queries.length = 0;
    const { roles, scope } = await buildActorScope(
      prismaStandIn,
      rows(
        [region('town_leader', TOWN_A, 'town'), region('admin', TOWN_B, 'town')],
        [assignment('g1', 'grid_worker')],
      ),
    );
    expect(queries).toEqual([]);
    expect(roles).toEqual(['town_leader', 'admin']);
    expect(scope).toEqual({
      level: 'town',
      regionIds: [TOWN_A, TOWN_B],
      townIds: [TOWN_A, TOWN_B],
      gridIds: [],
      homeGridId: 'g1',
      leaderGridIds: [],
      leaderTownIds: [TOWN_A],
      adminTownIds: [TOWN_B],
      adminCountyIds: [],
      memberTownIds: [TOWN_A, TOWN_B],
    });
  });

  it('when a person administers a county, then its towns (not its villages, not another county’s) are in scope', async () => {
    queries.length = 0;
    const { scope } = await buildActorScope(prismaStandIn, rows([region('admin', COUNTY, 'county')], []));
    expect(queries).toEqual([
      { where: { parentId: { in: [COUNTY] }, level: 'town' }, select: { id: true, parentId: true } },
    ]);
    expect(scope).toEqual({
      level: 'county',
      regionIds: [COUNTY],
      townIds: [TOWN_A, TOWN_B],
      gridIds: [],
      homeGridId: null,
      leaderGridIds: [],
      leaderTownIds: [],
      adminTownIds: [TOWN_A, TOWN_B],
      adminCountyIds: [COUNTY],
      memberTownIds: [TOWN_A, TOWN_B],
    });
    expect(isCountyAdmin(scope)).toBe(true);
  });

  it('when a county town leader also administers one town, then they lead every town but administer one, and are no county admin', async () => {
    const { scope } = await buildActorScope(
      prismaStandIn,
      rows([region('town_leader', COUNTY, 'county'), region('admin', TOWN_A, 'town')], []),
    );
    expect(scope).toMatchObject({
      level: 'county',
      townIds: [TOWN_A, TOWN_B],
      leaderTownIds: [TOWN_A, TOWN_B],
      adminTownIds: [TOWN_A],
      adminCountyIds: [],
    });
    expect(isCountyAdmin(scope)).toBe(false);
  });
});

const gridScope = { level: 'grids', gridIds: ['g1'], townIds: [] } as unknown as ActorScope;
const townScope = { level: 'town', gridIds: [], townIds: [TOWN_A] } as unknown as ActorScope;

describe('grid scope checks', () => {
  it('when the scope is grid by grid, then only its grids are in it, whatever their town', () => {
    expect(isGridInScope(gridScope, { id: 'g1', townId: TOWN_B })).toBe(true);
    expect(isGridInScope(gridScope, { id: 'g2', townId: TOWN_A })).toBe(false);
    expect(gridScopeWhere(gridScope)).toEqual({ id: { in: ['g1'] } });
  });

  it('when the scope is whole towns, then every grid of those towns is in it', () => {
    expect(isGridInScope(townScope, { id: 'g9', townId: TOWN_A })).toBe(true);
    expect(isGridInScope(townScope, { id: 'g1', townId: TOWN_B })).toBe(false);
    expect(gridScopeWhere(townScope)).toEqual({ townId: { in: [TOWN_A] } });
  });

  it('when a grid is outside the scope, then assertGridInScope refuses with 403, and passes inside it', () => {
    expect(() => assertGridInScope(gridScope, { id: 'g2', townId: TOWN_A })).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() => assertGridInScope(gridScope, { id: 'g1', townId: TOWN_A })).not.toThrow();
  });
});

describe('staffScopeWhere', () => {
  it('when the scope is grid by grid, then people currently assigned to those grids', () => {
    expect(staffScopeWhere(gridScope)).toEqual({
      assignments: { some: { endedAt: null, grid: { id: { in: ['g1'] } } } },
    });
  });

  it('when the scope is whole towns, then people of those towns or currently assigned to their grids', () => {
    expect(staffScopeWhere(townScope)).toEqual({
      OR: [
        { regionId: { in: [TOWN_A] } },
        { assignments: { some: { endedAt: null, grid: { townId: { in: [TOWN_A] } } } } },
      ],
    });
  });
});
