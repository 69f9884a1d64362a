import { createTestTown, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { act, report, signedIn } from '../cases/cases-testing';
import { expectStatsMatchRebuild } from '../stats/stats-testing';
import { pointIn, rectIn } from './grid-admin-testing';

let app: TestApp;
let town: TestTown;
let admin: HttpClient;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  admin = await signedIn(app, town.admin.username);
});
afterAll(() => app?.close());

async function reportAt(t: TestTown, x: number, y: number) {
  const worker = await signedIn(app, t.workers[0]![0]!.username);
  const res = await report(worker, t, { location: pointIn(t, x, y) });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const activeAssignments = (gridId: string) =>
  app.db.prisma.gridAssignment.findMany({
    where: { gridId, endedAt: null },
    select: { staffId: true, role: true },
  });

describe('PATCH /api/admin/grids/:id', () => {
  it('when not signed in 401; a town leader 403; an admin of another town 403', async () => {
    const gridId = town.grids[0]![0]!.id;
    expect(
      (await app.client().request('PATCH', `/api/admin/grids/${gridId}`, { body: { households: 1 } })).status,
    ).toBe(401);
    const leader = await signedIn(app, town.townLeader.username);
    expect(
      (await leader.request('PATCH', `/api/admin/grids/${gridId}`, { body: { households: 1 } })).status,
    ).toBe(403);
    const other = await createTestTown(app.db.prisma);
    const otherAdmin = await signedIn(app, other.admin.username);
    expect(
      (await otherAdmin.request('PATCH', `/api/admin/grids/${gridId}`, { body: { households: 1 } })).status,
    ).toBe(403);
  });

  it('when households, population and a smaller boundary are saved, then the area is recomputed and audited', async () => {
    const t = await createTestTown(app.db.prisma);
    const a = await signedIn(app, t.admin.username);
    const gridId = t.grids[0]![0]!.id;
    const before = await app.db.prisma.grid.findUniqueOrThrow({
      where: { id: gridId },
      select: { areaSqm: true },
    });
    const res = await a.request('PATCH', `/api/admin/grids/${gridId}`, {
      body: {
        households: 120,
        population: 410,
        boundary: { type: 'Polygon', coordinates: rectIn(t, 0, 0, 0.5, 1) },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ households: 120, population: 410 });
    expect(res.body.areaSqm / before.areaSqm).toBeCloseTo(0.5, 3);
    const audit = await app.db.prisma.auditLog.findFirstOrThrow({
      where: { entityId: gridId, action: 'grid.update' },
      select: { before: true, after: true, actorId: true },
    });
    expect(audit.actorId).toBe(t.admin.id);
    expect(audit.after).toMatchObject({ households: 120, population: 410 });
  });

  it('when boundaries are redrawn, then open cases that now lie in another grid move there; others stay', async () => {
    const t = await createTestTown(app.db.prisma);
    const a = await signedIn(app, t.admin.username);
    const [first, second] = [t.grids[0]![0]!, t.grids[0]![1]!];
    const staying = await reportAt(t, 0.3, 0.5);
    const moving = await reportAt(t, 0.8, 0.5);
    const closedCase = await reportAt(t, 0.85, 0.5);
    const leader = await signedIn(app, t.leaders[0]!.username);
    expect((await act(leader, closedCase, { action: 'reject', note: '重复上报' })).status).toBe(200);
    const gridOf = async (id: string) =>
      (await app.db.prisma.case.findUniqueOrThrow({ where: { id }, select: { gridId: true } })).gridId;
    // Shrinking the first grid leaves the case in no grid: it stays where it is, the nearest grid.
    const shrink = await a.request('PATCH', `/api/admin/grids/${first.id}`, {
      body: { boundary: { type: 'Polygon', coordinates: rectIn(t, 0, 0, 0.5, 1) } },
    });
    expect(shrink.status).toBe(200);
    expect(shrink.body.movedCaseIds).toEqual([]);
    expect(await gridOf(moving)).toBe(first.id);
    // Growing the neighbour over that place takes the open case along, not the closed one.
    const grow = await a.request('PATCH', `/api/admin/grids/${second.id}`, {
      body: { boundary: { type: 'Polygon', coordinates: rectIn(t, 0.5, 0, 2, 1) } },
    });
    expect(grow.status).toBe(200);
    expect(grow.body.movedCaseIds).toEqual([moving]);
    expect(await gridOf(moving)).toBe(second.id);
    expect(await gridOf(staying)).toBe(first.id);
    expect(await gridOf(closedCase)).toBe(first.id);
    const moved = await leader.get(`/api/cases/${moving}`);
    expect(moved.body.timeline.at(-1)).toMatchObject({
      kind: 'regrid',
      note: `${first.code} → ${second.code}`,
    });
    const audit = await app.db.prisma.auditLog.findFirstOrThrow({
      where: { action: 'grid.update', entityId: second.id },
      select: { after: true },
    });
    expect(audit.after).toMatchObject({ movedCaseIds: [moving] });
    // A name-only edit moves nothing.
    const rename = await a.request('PATCH', `/api/admin/grids/${second.id}`, { body: { name: '新名称' } });
    expect(rename.body).toMatchObject({ name: '新名称', movedCaseIds: [] });
    await expectStatsMatchRebuild(app, t.townId);
  });

  it('when the new boundary overlaps the neighbour or crosses itself, then 422 and nothing changes', async () => {
    const gridId = town.grids[1]![0]!.id;
    const before = await app.db.prisma.grid.findUniqueOrThrow({
      where: { id: gridId },
      select: { boundary: true },
    });
    const overlap = await admin.request('PATCH', `/api/admin/grids/${gridId}`, {
      body: { boundary: { type: 'Polygon', coordinates: rectIn(town, 0, 1, 1.3, 2) } },
    });
    expect(overlap.status).toBe(422);
    expect(overlap.body.error.details.overlaps[0].code).toBe(town.grids[1]![1]!.code);
    const [lon, lat] = town.origin;
    const bowTie = [
      [
        [lon, lat + 0.01],
        [lon + 0.01, lat + 0.02],
        [lon + 0.01, lat + 0.01],
        [lon, lat + 0.02],
        [lon, lat + 0.01],
      ],
    ];
    const invalid = await admin.request('PATCH', `/api/admin/grids/${gridId}`, {
      body: { boundary: { type: 'Polygon', coordinates: bowTie } },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details.problems.map((p: { code: string }) => p.code)).toContain(
      'self_intersection',
    );
    const bad = await admin.request('PATCH', `/api/admin/grids/${gridId}`, { body: { households: -3 } });
    expect(bad.status).toBe(400);
    expect(
      await app.db.prisma.grid.findUniqueOrThrow({ where: { id: gridId }, select: { boundary: true } }),
    ).toEqual(before);
  });
});

describe('POST /api/admin/grids/:id/split', () => {
  it('when not signed in 401; a town leader or worker 403', async () => {
    const path = `/api/admin/grids/${town.grids[0]![0]!.id}/split`;
    const body = {
      line: [
        [0, 0],
        [1, 1],
      ],
    };
    expect((await app.client().post(path, body)).status).toBe(401);
    for (const username of [town.townLeader.username, town.workers[0]![0]!.username]) {
      expect((await (await signedIn(app, username)).post(path, body)).status).toBe(403);
    }
  });

  it('when an admin cuts a grid with a line, then open cases in the new piece move there with a timeline event', async () => {
    const t = await createTestTown(app.db.prisma);
    const a = await signedIn(app, t.admin.username);
    const grid = t.grids[0]![0]!;
    const staying = await reportAt(t, 0.2, 0.5);
    const moving = await reportAt(t, 0.8, 0.5);
    const closedCase = await reportAt(t, 0.85, 0.5);
    const leader = await signedIn(app, t.leaders[0]!.username);
    expect((await act(leader, closedCase, { action: 'reject', note: '重复上报' })).status).toBe(200);
    const patroller = t.patrollers[0]!;
    const cut = [
      [t.origin[0] + 0.006, t.origin[1] - 0.002],
      [t.origin[0] + 0.0062, t.origin[1] + 0.005],
      [t.origin[0] + 0.006, t.origin[1] + 0.012],
    ];
    const res = await a.post(`/api/admin/grids/${grid.id}/split`, {
      line: cut,
      newName: '测试村1第3网格',
      moveStaffIds: [patroller.id],
    });
    expect(res.status).toBe(200);
    const [kept, created] = res.body.grids;
    expect(kept.id).toBe(grid.id);
    expect(created.code).toBe(`${grid.code.slice(0, 12)}003`);
    expect(created.name).toBe('测试村1第3网格');
    expect(kept.areaSqm).toBeGreaterThan(created.areaSqm);
    expect(kept.households + created.households).toBe(100);
    expect(res.body.movedCaseIds).toEqual([moving]);
    const moved = await leader.get(`/api/cases/${moving}`);
    expect(moved.body.grid?.id ?? moved.body.gridId).toBe(created.id);
    const last = moved.body.timeline[moved.body.timeline.length - 1];
    expect(last).toMatchObject({ kind: 'regrid', note: `${grid.code} → ${created.code}` });
    const stayed = await app.db.prisma.case.findUniqueOrThrow({
      where: { id: staying },
      select: { gridId: true },
    });
    expect(stayed.gridId).toBe(grid.id);
    const closed = await app.db.prisma.case.findUniqueOrThrow({
      where: { id: closedCase },
      select: { gridId: true },
    });
    expect(closed.gridId).toBe(grid.id);
    expect(await activeAssignments(created.id)).toEqual(
      expect.arrayContaining([
        { staffId: patroller.id, role: 'patroller' },
        { staffId: t.leaders[0]!.id, role: 'grid_leader' },
      ]),
    );
    expect((await activeAssignments(grid.id)).some((x) => x.staffId === patroller.id)).toBe(false);
    const history = await app.db.prisma.gridAssignment.findFirstOrThrow({
      where: { gridId: grid.id, staffId: patroller.id },
      select: { endedAt: true },
    });
    expect(history.endedAt).not.toBeNull();
    const audit = await app.db.prisma.auditLog.findFirstOrThrow({
      where: { action: 'grid.split', entityId: grid.id },
    });
    expect(audit.after).toMatchObject({ movedCaseIds: [moving], grids: [grid.code, created.code] });
    // A new report at the moved case's place now lands in the new grid.
    const again = await reportAt(t, 0.9, 0.5);
    expect(
      (await app.db.prisma.case.findUniqueOrThrow({ where: { id: again }, select: { gridId: true } })).gridId,
    ).toBe(created.id);
    // The statistics moved with the case: the grid figures equal a rebuild from the cases.
    await expectStatsMatchRebuild(app, t.townId);
  });

  it('when the line does not cross the grid twice or would move a leader, then 422 and nothing is written', async () => {
    const grid = town.grids[0]![1]!;
    const before = await app.db.prisma.grid.count({ where: { townId: town.townId } });
    const inside = await admin.post(`/api/admin/grids/${grid.id}/split`, {
      line: [
        [town.origin[0] + 0.012, town.origin[1] + 0.002],
        [town.origin[0] + 0.018, town.origin[1] + 0.008],
      ],
    });
    expect(inside.status).toBe(422);
    expect(inside.body.error.details.reason).toBe('line_must_cross_twice');
    const across = [
      [town.origin[0] + 0.015, town.origin[1] - 0.001],
      [town.origin[0] + 0.015, town.origin[1] + 0.011],
    ];
    const leaderMove = await admin.post(`/api/admin/grids/${grid.id}/split`, {
      line: across,
      moveStaffIds: [town.leaders[0]!.id],
    });
    expect(leaderMove.status).toBe(422);
    expect(await app.db.prisma.grid.count({ where: { townId: town.townId } })).toBe(before);
    const malformed = await admin.post(`/api/admin/grids/${grid.id}/split`, { line: [[1, 'x']] });
    expect(malformed.status).toBe(400);
  });
});

describe('POST /api/admin/grids/merge', () => {
  it('when not signed in 401; a town leader 403', async () => {
    const body = { keepId: town.grids[1]![0]!.id, absorbId: town.grids[1]![1]!.id };
    expect((await app.client().post('/api/admin/grids/merge', body)).status).toBe(401);
    const leader = await signedIn(app, town.townLeader.username);
    expect((await leader.post('/api/admin/grids/merge', body)).status).toBe(403);
  });

  it('when two neighbouring grids merge, then every case and the patrollers move, the absorbed grid goes', async () => {
    const t = await createTestTown(app.db.prisma);
    const a = await signedIn(app, t.admin.username);
    const [keep, absorb] = t.grids[0]! as [TestTown['grids'][0][0], TestTown['grids'][0][0]];
    const openCase = await reportAt(t, 1.5, 0.5);
    const res = await a.post('/api/admin/grids/merge', { keepId: keep.id, absorbId: absorb.id });
    expect(res.status).toBe(200);
    expect(res.body.removedGridId).toBe(absorb.id);
    expect(res.body.movedCaseIds).toEqual([openCase]);
    expect(await app.db.prisma.grid.findUnique({ where: { id: absorb.id } })).toBeNull();
    const merged = await app.db.prisma.grid.findUniqueOrThrow({
      where: { id: keep.id },
      select: { households: true, population: true, maxLon: true },
    });
    expect(merged).toMatchObject({ households: 200, population: 700 });
    expect(merged.maxLon).toBeCloseTo(t.origin[0] + 0.02, 9);
    const moved = await app.db.prisma.case.findUniqueOrThrow({
      where: { id: openCase },
      select: { gridId: true },
    });
    expect(moved.gridId).toBe(keep.id);
    const events = await app.db.prisma.caseEvent.findMany({
      where: { caseId: openCase },
      select: { kind: true, data: true },
    });
    expect(events.at(-1)).toMatchObject({
      kind: 'regrid',
      data: { fromGridCode: absorb.code, toGridCode: keep.code },
    });
    const active = await activeAssignments(keep.id);
    // One worker per grid: the absorbed grid's worker is released; both grids' patrollers now patrol here.
    expect(active.filter((x) => x.role === 'grid_worker')).toEqual([
      { staffId: t.workers[0]![0]!.id, role: 'grid_worker' },
    ]);
    expect(active.filter((x) => x.role === 'patroller')).toHaveLength(4);
    expect(active.filter((x) => x.role === 'grid_leader')).toHaveLength(1);
    const released = await app.db.prisma.gridAssignment.findFirstOrThrow({
      where: { staffId: t.workers[0]![1]!.id },
      select: { endedAt: true, gridId: true },
    });
    expect(released).toMatchObject({ gridId: keep.id });
    expect(released.endedAt).not.toBeNull();
    expect(await app.db.prisma.auditLog.count({ where: { action: 'grid.merge', entityId: keep.id } })).toBe(
      1,
    );
  });

  it('when the grids are in different villages or the same grid, then 422 and nothing changes', async () => {
    const diff = await admin.post('/api/admin/grids/merge', {
      keepId: town.grids[0]![1]!.id,
      absorbId: town.grids[1]![1]!.id,
    });
    expect(diff.status).toBe(422);
    const same = await admin.post('/api/admin/grids/merge', {
      keepId: town.grids[0]![1]!.id,
      absorbId: town.grids[0]![1]!.id,
    });
    expect(same.status).toBe(422);
    expect(await app.db.prisma.grid.findUnique({ where: { id: town.grids[1]![1]!.id } })).not.toBeNull();
  });
});
