import { createStaff, createTestTown, TEST_PASSWORD, type TestTown } from '@gridgov/db/testing';
import { projectCase } from '@gridgov/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { act, report, signedIn, uploadPhoto } from '../cases/cases-testing';
import { expectStatsMatchRebuild } from '../stats/stats-testing';

let app: TestApp;
let town: TestTown;
let admin: HttpClient;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  admin = await signedIn(app, town.admin.username);
});
afterAll(() => app?.close());

/** A case in grid [0][g], accepted (auto-dispatched to the grid's worker), optionally started or handled. */
async function caseOfWorker(g: number, until: 'dispatched' | 'in_progress' | 'handled') {
  const worker = await signedIn(app, town.workers[0]![g]!.username);
  const leader = await signedIn(app, town.leaders[0]!.username);
  const created = await report(worker, town, { location: town.pointIn(0, g) });
  await act(leader, created.body.id, { action: 'accept' });
  if (until !== 'dispatched') await act(worker, created.body.id, { action: 'start' });
  if (until === 'handled') {
    await act(worker, created.body.id, {
      action: 'feedback',
      note: '已清理',
      photoIds: [await uploadPhoto(worker)],
    });
  }
  return created.body.id as string;
}

async function storedMatchesFold(caseId: string) {
  const events = await app.db.prisma.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
  const row = await app.db.prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { status: true, assigneeId: true },
  });
  const fold = projectCase(
    events.map((e) => ({
      kind: e.kind as never,
      actorId: e.actorId,
      at: e.createdAt.toISOString(),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      assigneeId: e.assigneeId,
      photoIds: e.photoIds,
      data: e.data as never,
    })),
  );
  expect({ status: fold.status, assigneeId: fold.assigneeId }).toEqual(row);
}

describe('handover', () => {
  it('when a worker departs to a colleague, then cases and the grid move in one go, on the timeline and in the audit log', async () => {
    const working = await caseOfWorker(0, 'in_progress');
    const handled = await caseOfWorker(0, 'handled');
    const person = town.workers[0]![0]!;
    const colleague = town.patrollers[0]!; // a patroller of the same grid becomes its worker
    const preview = await admin.get(`/api/admin/staff/${person.id}/handover`);
    expect(preview.status).toBe(200);
    expect(preview.body.cases.map((c: { id: string }) => c.id).sort()).toEqual([working, handled].sort());
    expect(preview.body.grids).toHaveLength(1);
    expect(preview.body.cases[0].gridLeader.id).toBe(town.leaders[0]!.id);

    const res = await admin.post(`/api/admin/staff/${person.id}/handover`, {
      status: 'departed',
      mode: 'colleague',
      colleagueId: colleague.id,
      note: '人员离职交接',
    });
    expect(res.status).toBe(200);
    expect(res.body.cases).toHaveLength(2);

    const workingCase = await (await signedIn(app, town.leaders[0]!.username)).get(`/api/cases/${working}`);
    expect(workingCase.body.status).toBe('dispatched');
    expect(workingCase.body.assignee.id).toBe(colleague.id);
    const last = workingCase.body.timeline.at(-1);
    expect(last).toMatchObject({
      kind: 'reassign',
      note: '人员离职交接',
      fromStatus: 'in_progress',
      toStatus: 'dispatched',
    });
    const handledRow = await app.db.prisma.case.findUniqueOrThrow({
      where: { id: handled },
      select: { status: true, assigneeId: true },
    });
    expect(handledRow).toEqual({ status: 'handled', assigneeId: colleague.id });
    await storedMatchesFold(working);
    await storedMatchesFold(handled);
    // The statistics per assignee moved with the cases: they equal a rebuild from the cases.
    await expectStatsMatchRebuild(app, town.townId);

    const gridWorker = await app.db.prisma.gridAssignment.findFirst({
      where: { gridId: town.grids[0]![0]!.id, role: 'grid_worker', endedAt: null },
      select: { staffId: true },
    });
    expect(gridWorker?.staffId).toBe(colleague.id);
    const departed = await app.db.prisma.staff.findUniqueOrThrow({
      where: { id: person.id },
      select: { status: true },
    });
    expect(departed.status).toBe('departed');
    expect(
      await app.db.prisma.auditLog.count({ where: { entityId: person.id, action: 'staff.handover' } }),
    ).toBe(1);
    // The former worker can no longer sign in; the colleague now works the grid.
    expect(
      (await app.client().post('/api/auth/login', { username: person.username, password: TEST_PASSWORD }))
        .status,
    ).toBe(401);
  });

  it('when handed to each grid leader, then each case goes to its grid’s leader and the person keeps nothing', async () => {
    const caseId = await caseOfWorker(1, 'dispatched');
    const person = town.workers[0]![1]!;
    const res = await admin.post(`/api/admin/staff/${person.id}/handover`, {
      status: 'on_leave',
      mode: 'grid_leader',
      note: '休产假',
    });
    expect(res.status).toBe(200);
    const row = await app.db.prisma.case.findUniqueOrThrow({
      where: { id: caseId },
      select: { assigneeId: true, status: true },
    });
    expect(row).toEqual({ assigneeId: town.leaders[0]!.id, status: 'dispatched' });
    const after = await admin.get(`/api/admin/staff/${person.id}`);
    expect(after.body.status).toBe('on_leave');
    expect(after.body.grids).toEqual([]);
  });

  it('when the colleague may not take a case, then 422 and nothing at all changed', async () => {
    const t = await createTestTown(app.db.prisma);
    const tAdmin = await signedIn(app, t.admin.username);
    const worker = await signedIn(app, t.workers[1]![0]!.username);
    const leader = await signedIn(app, t.leaders[1]!.username);
    const created = await report(worker, t, { location: t.pointIn(1, 0) });
    await act(leader, created.body.id, { action: 'accept' });
    await act(leader, created.body.id, { action: 'reassign', assigneeId: t.townLeader.id });
    const eventsBefore = await app.db.prisma.caseEvent.count({ where: { caseId: created.body.id } });
    // A patroller of another grid is no worker or leader of the case's grid, nor a town leader.
    const res = await tAdmin.post(`/api/admin/staff/${t.townLeader.id}/handover`, {
      status: 'departed',
      mode: 'colleague',
      colleagueId: t.patrollers[0]!.id,
      note: '交接',
    });
    expect(res.status).toBe(422);
    expect(await app.db.prisma.caseEvent.count({ where: { caseId: created.body.id } })).toBe(eventsBefore);
    const person = await app.db.prisma.staff.findUniqueOrThrow({
      where: { id: t.townLeader.id },
      select: { status: true },
    });
    expect(person.status).toBe('active');
  });

  it('when a case’s grid has no other active leader, then 422 naming the case and the grids are not released', async () => {
    const t = await createTestTown(app.db.prisma);
    const tAdmin = await signedIn(app, t.admin.username);
    const worker = await signedIn(app, t.workers[0]![0]!.username);
    const created = await report(worker, t, { location: t.pointIn(0, 0) });
    await act(await signedIn(app, t.leaders[0]!.username), created.body.id, { action: 'accept' });
    await app.db.prisma.staff.update({ where: { id: t.leaders[0]!.id }, data: { status: 'on_leave' } });
    const res = await tAdmin.post(`/api/admin/staff/${t.workers[0]![0]!.id}/handover`, {
      status: 'departed',
      mode: 'grid_leader',
      note: '交接',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.cases).toHaveLength(1);
    const row = await app.db.prisma.case.findUniqueOrThrow({
      where: { id: created.body.id },
      select: { assigneeId: true },
    });
    expect(row.assigneeId).toBe(t.workers[0]![0]!.id);
    expect(
      await app.db.prisma.gridAssignment.count({ where: { staffId: t.workers[0]![0]!.id, endedAt: null } }),
    ).toBe(1);
  });

  it('when the person also works in a town the admin does not administer, then 403 and nothing changes; a county admin may', async () => {
    const other = await createTestTown(app.db.prisma, { countyId: town.countyId });
    const person = await createStaff(app.db.prisma, {
      regionId: town.townId,
      grids: [
        { gridId: town.grids[1]![1]!.id, role: 'patroller' },
        { gridId: other.grids[0]![0]!.id, role: 'patroller' },
      ],
    });
    const mixed = await createStaff(app.db.prisma, {
      regionId: town.townId,
      roles: [{ role: 'admin' }, { role: 'town_leader', regionId: other.townId }],
    });
    const body = { status: 'departed', mode: 'grid_leader', note: '离职' };
    const state = () =>
      app.db.prisma.staff.findUniqueOrThrow({
        where: { id: person.id },
        select: { status: true, assignments: { where: { endedAt: null }, select: { gridId: true } } },
      });
    const before = await state();
    expect(before.assignments).toHaveLength(2);
    for (const client of [admin, await signedIn(app, mixed.username)]) {
      const res = await client.post(`/api/admin/staff/${person.id}/handover`, body);
      expect(res.status).toBe(403);
      expect(await state()).toEqual(before);
    }
    const county = await createStaff(app.db.prisma, { regionId: town.countyId, roles: [{ role: 'admin' }] });
    const res = await (await signedIn(app, county.username)).post(
      `/api/admin/staff/${person.id}/handover`,
      body,
    );
    expect(res.status).toBe(200);
    expect(await state()).toEqual({ status: 'departed', assignments: [] });
  });

  it('when a town leader, or nobody, asks for a handover, then 403 / 401', async () => {
    const leader = await signedIn(app, town.townLeader.username);
    const body = { status: 'departed', mode: 'grid_leader', note: 'x' };
    expect((await leader.post(`/api/admin/staff/${town.patrollers[3]!.id}/handover`, body)).status).toBe(403);
    expect(
      (await app.client().post(`/api/admin/staff/${town.patrollers[3]!.id}/handover`, body)).status,
    ).toBe(401);
    expect(
      (
        await admin.post(`/api/admin/staff/${town.patrollers[3]!.id}/handover`, {
          ...body,
          mode: 'colleague',
        })
      ).status,
    ).toBe(400);
  });
});
