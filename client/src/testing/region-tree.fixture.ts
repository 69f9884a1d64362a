import type { GridNode, RegionTree } from '@gridgov/shared';

function buildGrid(overrides: Partial<GridNode> & Pick<GridNode, 'id' | 'code' | 'name'>): GridNode {
  return { worker: null, leader: null, patrollerCount: 0, households: 100, population: 300, ...overrides };
}

/** One town, two villages, three grids: enough to tell a filtered tree from an unfiltered one. */
export function buildRegionTree(): RegionTree {
  const leader = { id: 's-leader', name: '王网格长', phone: '13800000001' };
  return {
    towns: [
      {
        id: 't1',
        code: '441802102',
        name: '石角镇',
        villageCount: 2,
        gridCount: 3,
        staffCount: 5,
        isAdministered: true,
        villages: [
          {
            id: 'v1',
            code: '441802102001',
            name: '石角村',
            kind: 'village',
            gridCount: 2,
            grids: [
              buildGrid({
                id: 'g1',
                code: 'SJ-01-01',
                name: '石角第一网格',
                leader,
                worker: { id: 's1', name: '张伟', phone: '13800000002' },
              }),
              buildGrid({
                id: 'g2',
                code: 'SJ-01-02',
                name: '石角第二网格',
                leader,
                worker: { id: 's2', name: '李娜', phone: '13800000003' },
                patrollerCount: 2,
              }),
            ],
          },
          {
            id: 'v2',
            code: '441802102002',
            name: '沙浦村',
            kind: 'village',
            gridCount: 1,
            grids: [buildGrid({ id: 'g3', code: 'SJ-02-01', name: '沙浦第一网格' })],
          },
        ],
      },
    ],
  };
}
