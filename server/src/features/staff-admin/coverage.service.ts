// Coverage check: where the net has holes (issue 6).
import type { PrismaClient } from '@gridgov/db';
import type { CoverageReport, Role } from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { assertCanReadRoster } from './admin-access';

const personSelect = { id: true, name: true, username: true, status: true, disabledAt: true } as const;

function findGridsWithStaff(prisma: PrismaClient, townIds: string[]) {
  return prisma.grid.findMany({
    where: { townId: { in: townIds } },
    select: {
      id: true,
      code: true,
      name: true,
      village: { select: { id: true, name: true } },
      assignments: { where: { endedAt: null }, select: { role: true, staff: { select: personSelect } } },
    },
    orderBy: { code: 'asc' },
  });
}

function findPeopleWithoutGrid(prisma: PrismaClient, townIds: string[]) {
  return prisma.staff.findMany({
    where: {
      regionId: { in: townIds },
      status: 'active',
      disabledAt: null,
      assignments: { none: { endedAt: null } },
      roles: { none: { role: { in: ['admin', 'town_leader'] } } },
    },
    select: { id: true, name: true, username: true, roles: { select: { role: true } } },
    orderBy: { username: 'asc' },
    take: 1000,
  });
}

const isAvailable = (s: { status: string; disabledAt: Date | null }) =>
  s.status === 'active' && !s.disabledAt;

export async function checkCoverage(
  ctx: AppContext,
  actor: Actor,
  limits: { maxGridsPerLeader: number; minPatrollers: number },
): Promise<CoverageReport> {
  assertCanReadRoster(actor);
  const townIds = actor.scope.townIds;
  const [grids, people] = await Promise.all([
    findGridsWithStaff(ctx.prisma, townIds),
    findPeopleWithoutGrid(ctx.prisma, townIds),
  ]);
  const leaders = new Map<string, { id: string; name: string; username: string; gridCount: number }>();
  const report: CoverageReport = {
    ...limits,
    gridCount: grids.length,
    gridsWithoutWorker: [],
    overloadedLeaders: [],
    gridsShortOfPatrollers: [],
    peopleWithoutGrid: people.map((p) => ({
      id: p.id,
      name: p.name,
      username: p.username,
      roles: [...new Set(p.roles.map((r) => r.role as Role))],
    })),
  };
  for (const grid of grids) {
    const ref = { id: grid.id, code: grid.code, name: grid.name, village: grid.village };
    const workers = grid.assignments.filter((a) => a.role === 'grid_worker');
    if (!workers.some((w) => isAvailable(w.staff))) {
      const inactive = workers[0]?.staff;
      report.gridsWithoutWorker.push({
        ...ref,
        inactiveWorker: inactive
          ? { id: inactive.id, name: inactive.name, username: inactive.username }
          : null,
      });
    }
    const patrollers = grid.assignments.filter((a) => a.role === 'patroller' && isAvailable(a.staff)).length;
    if (patrollers < limits.minPatrollers)
      report.gridsShortOfPatrollers.push({ ...ref, patrollerCount: patrollers });
    for (const a of grid.assignments.filter((x) => x.role === 'grid_leader')) {
      const entry = leaders.get(a.staff.id) ?? {
        id: a.staff.id,
        name: a.staff.name,
        username: a.staff.username,
        gridCount: 0,
      };
      entry.gridCount += 1;
      leaders.set(a.staff.id, entry);
    }
  }
  report.overloadedLeaders = [...leaders.values()]
    .filter((l) => l.gridCount > limits.maxGridsPerLeader)
    .sort((a, b) => b.gridCount - a.gridCount);
  return report;
}
