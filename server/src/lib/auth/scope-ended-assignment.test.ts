// An ended grid assignment grants nothing (issue 23). The scope is read from the database twice over:
// at sign-in through `actorRowsSelect` (scope.ts, `endedAt: null`), and on every request by the session
// statement (sessions.ts, `"endedAt" IS NULL`). The first two tests fail when the first condition is
// removed, the third when the second is. A database test per mutant is too slow, so Stryker skips that
// query's shape (docs/testing.md).
import { createTestTown, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report, signedIn } from '../../features/cases/cases-testing';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { loadActorScope } from './scope';

let app: TestApp;
let town: TestTown;
let caseInEndedGrid: string;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  // A case in grid [0][1], reported by that grid's worker.
  const res = await report(await signedIn(app, town.workers[0]![1]!.username), town, {
    location: town.pointIn(0, 1),
  });
  if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  caseInEndedGrid = res.body.id;
  // The village leader led grids [0][0] and [0][1]; the second assignment ended yesterday.
  // The worker of grid [1][0] moved away from it the same day.
  const yesterday = new Date(Date.now() - 86_400_000);
  await app.db.prisma.gridAssignment.updateMany({
    where: { staffId: town.leaders[0]!.id, gridId: town.grids[0]![1]!.id },
    data: { endedAt: yesterday },
  });
  await app.db.prisma.gridAssignment.updateMany({
    where: { staffId: town.workers[1]![0]!.id },
    data: { endedAt: yesterday },
  });
});
afterAll(() => app?.close());

describe('ended grid assignments', () => {
  it('when a leader’s assignment to a grid has ended, then the scope holds only the grid still led', async () => {
    const { scope } = await loadActorScope(app.db.prisma, town.leaders[0]!.id);
    expect(scope.gridIds).toEqual([town.grids[0]![0]!.id]);
    expect(scope.leaderGridIds).toEqual([town.grids[0]![0]!.id]);
  });

  it('when a worker’s only assignment has ended, then they have no grid, no home grid and no town to report in', async () => {
    const { scope } = await loadActorScope(app.db.prisma, town.workers[1]![0]!.id);
    expect(scope).toMatchObject({ gridIds: [], homeGridId: null, leaderGridIds: [], memberTownIds: [] });
  });

  it('when the leader opens a case of the grid they no longer lead, then 403', async () => {
    const leader = await signedIn(app, town.leaders[0]!.username);
    const res = await leader.get(`/api/cases/${caseInEndedGrid}`);
    expect(res.status).toBe(403);
  });
});
