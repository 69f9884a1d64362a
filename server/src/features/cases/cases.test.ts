import { createTestTown, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { act, report, signedIn, uploadPhoto } from './cases-testing';

let app: TestApp;
let town: TestTown;
let other: TestTown;
let worker: HttpClient;
let leader: HttpClient;
let townLeader: HttpClient;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  other = await createTestTown(app.db.prisma);
  worker = await signedIn(app, town.workers[0]![0]!.username);
  leader = await signedIn(app, town.leaders[0]!.username);
  townLeader = await signedIn(app, town.townLeader.username);
});
afterAll(() => app?.close());

describe.each([
  ['GET', '/api/cases'],
  ['GET', '/api/categories'],
  ['GET', '/api/cases/nearby?categoryCode=x&lon=1&lat=1'],
  ['POST', '/api/cases'],
  ['GET', '/api/cases/01a227e7-0000-7000-8000-000000000000'],
  ['POST', '/api/cases/01a227e7-0000-7000-8000-000000000000/actions'],
  ['POST', '/api/cases/bulk-dispatch'],
])('%s %s', (method, path) => {
  it('when not signed in, then 401', async () => {
    const res = await app.client().request(method, path, method === 'POST' ? { body: {} } : {});
    expect(res.status).toBe(401);
  });
});

describe('reporting (上报)', () => {
  it('when a worker reports at a point in their grid, then the case lands in that grid with a report event', async () => {
    const photoId = await uploadPhoto(worker);
    const res = await report(worker, town, {
      photoIds: [photoId],
      onBehalfOf: { name: '陈大伯', phone: '13800001234' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'reported',
      grid: { id: town.grids[0]![0]!.id },
      isOutsideGrid: false,
      priority: 'normal',
      reporter: { id: town.workers[0]![0]!.id },
      onBehalfOf: { name: '陈大伯', phone: '13800001234' },
    });
    expect(res.body.number).toMatch(/^\d{4}-\d{6}$/);
    expect(res.body.photos.map((p: { id: string }) => p.id)).toEqual([photoId]);
    expect(res.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(['report']);
  });

  it('when the point is in no grid, then the nearest grid gets it, flagged for the leader', async () => {
    const res = await report(worker, town, {
      location: { lon: town.origin[0] - 0.002, lat: town.origin[1] + 0.005 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ grid: { id: town.grids[0]![0]!.id }, isOutsideGrid: true });
    expect(res.body.timeline[0].note).toMatch(/outside every grid/);
  });

  it('when no location is given, then a grid must be chosen', async () => {
    expect((await report(worker, town, { location: null })).status).toBe(400);
    const res = await report(worker, town, {
      location: null,
      gridId: town.grids[0]![1]!.id,
      address: '石角圩镇',
    });
    expect(res.status).toBe(201);
    expect(res.body.grid.id).toBe(town.grids[0]![1]!.id);
  });

  it('when the category is unknown or a group, or extra fields are wrong, then a clear error and no case', async () => {
    const before = await app.db.prisma.case.count();
    expect((await report(worker, town, { categoryCode: 'nope' })).status).toBe(422);
    expect((await report(worker, town, { categoryCode: 'sanitation' })).status).toBe(422);
    const bad = await report(worker, town, {
      categoryCode: 'dispute.neighbour',
      extra: { mediation: 'maybe' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.extra).toEqual({ parties: 'required', mediation: 'invalid single value' });
    expect(await app.db.prisma.case.count()).toBe(before);
  });

  it('when someone else’s photo is attached, then 422 and nothing is written', async () => {
    const foreign = await uploadPhoto(leader);
    const before = await app.db.prisma.case.count();
    const res = await report(worker, town, { photoIds: [foreign] });
    expect(res.status).toBe(422);
    expect(await app.db.prisma.case.count()).toBe(before);
  });

  it('when the same Idempotency-Key is retried, then the same case comes back; with another body, 422', async () => {
    const key = `key-${Date.now()}-retry`;
    const first = await report(worker, town, {}, { 'idempotency-key': key });
    const second = await report(worker, town, {}, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    const changed = await report(
      worker,
      town,
      { description: '另一件事情需要处理' },
      { 'idempotency-key': key },
    );
    expect(changed.status).toBe(422);
  });

  it('when 20 requests with one Idempotency-Key arrive at once, then exactly one case is created', async () => {
    const key = `key-${Date.now()}-concurrent`;
    const before = await app.db.prisma.case.count({ where: { reporterId: town.workers[0]![0]!.id } });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        report(worker, town, { description: '并发重复提交测试' }, { 'idempotency-key': key }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await app.db.prisma.case.count({ where: { reporterId: town.workers[0]![0]!.id } })).toBe(
      before + 1,
    );
  });

  it('when a similar open case exists within 50 m, then it is offered as a possible duplicate', async () => {
    const original = await report(worker, town, {
      categoryCode: 'fire.passage',
      location: town.pointIn(1, 1),
    });
    const p = town.pointIn(1, 1);
    const near = await worker.get(
      `/api/cases/nearby?categoryCode=fire.passage&lon=${p.lon + 0.0003}&lat=${p.lat}`,
    );
    expect(near.body.items.map((c: { id: string }) => c.id)).toContain(original.body.id);
    const far = await worker.get(
      `/api/cases/nearby?categoryCode=fire.passage&lon=${p.lon + 0.001}&lat=${p.lat}`,
    );
    expect(far.body.items.map((c: { id: string }) => c.id)).not.toContain(original.body.id);
    const otherCategory = await worker.get(
      `/api/cases/nearby?categoryCode=sanitation.garbage&lon=${p.lon}&lat=${p.lat}`,
    );
    expect(otherCategory.body.items.map((c: { id: string }) => c.id)).not.toContain(original.body.id);
  });
});

describe('the closed loop', () => {
  it('when reported, accepted, started, handled, returned once, handled again and verified, then it is closed with every step on the timeline', async () => {
    const created = (await report(worker, town)).body;
    const accepted = await act(leader, created.id, { action: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'dispatched', assignee: { id: town.workers[0]![0]!.id } });
    expect(accepted.body.deadline).not.toBeNull();
    expect(accepted.body.deadlineStatus).toBe('on_time');
    expect((await act(worker, created.id, { action: 'start' })).body.status).toBe('in_progress');
    const fb = await act(worker, created.id, {
      action: 'feedback',
      note: '已清理',
      photoIds: [await uploadPhoto(worker)],
    });
    expect(fb.body.status).toBe('handled');
    const back = await act(leader, created.id, { action: 'return', note: '仍有残留' });
    expect(back.body).toMatchObject({ status: 'dispatched', reworkCount: 1 });
    await act(worker, created.id, { action: 'start' });
    await act(worker, created.id, {
      action: 'feedback',
      note: '已彻底清理',
      photoIds: [await uploadPhoto(worker)],
    });
    const closed = await act(leader, created.id, { action: 'verify', note: '核查属实' });
    expect(closed.body.status).toBe('closed');
    expect(closed.body.allowedActions).toEqual([]);
    expect(closed.body.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'report',
      'accept',
      'auto_dispatch',
      'start',
      'feedback',
      'return',
      'start',
      'feedback',
      'verify',
    ]);
    expect(closed.body.timeline[4].photos).toHaveLength(1);
  });

  it('when the version is stale, then 409 and nothing changes', async () => {
    const created = (await report(worker, town)).body;
    const res = await leader.post(`/api/cases/${created.id}/actions`, {
      action: 'accept',
      version: created.version + 1,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    const after = await leader.get(`/api/cases/${created.id}`);
    expect(after.body).toMatchObject({ status: 'reported', version: created.version });
    expect(after.body.timeline).toHaveLength(1);
  });

  it('when an action is sent again with its Idempotency-Key, then it is applied once and the case comes back', async () => {
    const created = (await report(worker, town)).body;
    const key = `action-${Date.now()}-retry`;
    const body = { action: 'accept', version: created.version, note: '收到' };
    const headers = { 'idempotency-key': key };
    const first = await leader.post(`/api/cases/${created.id}/actions`, body, { headers });
    const again = await leader.post(`/api/cases/${created.id}/actions`, body, { headers });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: created.id, version: first.body.version });
    const kinds = (await leader.get(`/api/cases/${created.id}`)).body.timeline.map(
      (e: { kind: string }) => e.kind,
    );
    expect(kinds.filter((kind: string) => kind === 'accept')).toHaveLength(1);
    const other = await leader.post(
      `/api/cases/${created.id}/actions`,
      { ...body, note: '另一个' },
      { headers },
    );
    expect(other.status).toBe(422);
    expect(other.body.error.details.reason).toBe('idempotency_key_reused');
  });

  it('when an action with a new Idempotency-Key meets a stale version, then 409 and no key is kept', async () => {
    const created = (await report(worker, town)).body;
    const headers = { 'idempotency-key': `action-${Date.now()}-stale` };
    const stale = { action: 'accept', version: created.version + 1 };
    const res = await leader.post(`/api/cases/${created.id}/actions`, stale, { headers });
    expect(res.status).toBe(409);
    const fixed = await leader.post(
      `/api/cases/${created.id}/actions`,
      { ...stale, version: created.version },
      { headers },
    );
    expect(fixed.status).toBe(200);
    const malformed = await leader.post(`/api/cases/${created.id}/actions`, stale, {
      headers: { 'idempotency-key': 'x' },
    });
    expect(malformed.status).toBe(400);
  });

  it('when the worker of the grid is on leave, then accept dispatches to the grid leader', async () => {
    await app.db.prisma.staff.update({
      where: { id: town.workers[1]![1]!.id },
      data: { status: 'on_leave' },
    });
    const created = (await report(worker, town, { location: town.pointIn(1, 1) })).body;
    const accepted = await act(townLeader, created.id, { action: 'accept' });
    expect(accepted.body.assignee.id).toBe(town.leaders[1]!.id);
    await app.db.prisma.staff.update({ where: { id: town.workers[1]![1]!.id }, data: { status: 'active' } });
  });

  it('when a case is suspended, then its deadline badge is paused and resuming restores it', async () => {
    const created = (await report(worker, town)).body;
    await act(leader, created.id, { action: 'accept' });
    const suspended = await act(leader, created.id, { action: 'suspend', note: '等待村委协调' });
    expect(suspended.body).toMatchObject({
      status: 'suspended',
      deadlineStatus: 'paused',
      resumeStatus: 'dispatched',
    });
    const resumed = await act(leader, created.id, { action: 'resume' });
    expect(resumed.body.status).toBe('dispatched');
    expect(new Date(resumed.body.deadline).getTime()).toBeGreaterThanOrEqual(
      new Date(suspended.body.deadline).getTime(),
    );
  });

  it('when an extension is requested and approved, then the deadline moves to the requested one', async () => {
    const created = (await report(worker, town)).body;
    const accepted = (await act(leader, created.id, { action: 'accept' })).body;
    const wanted = new Date(new Date(accepted.deadline).getTime() + 7 * 86_400_000).toISOString();
    const asked = await act(worker, created.id, {
      action: 'request_extension',
      note: '需等待配件',
      deadline: wanted,
    });
    expect(asked.body.pendingExtension).toMatchObject({
      deadline: wanted,
      requestedBy: { id: town.workers[0]![0]!.id },
    });
    const approved = await act(leader, created.id, { action: 'approve_extension' });
    expect(approved.body).toMatchObject({ deadline: wanted, pendingExtension: null });
  });

  it('when a town leader escalates, then the flag and note show everywhere', async () => {
    const created = (await report(worker, town)).body;
    const res = await act(townLeader, created.id, { action: 'escalate', note: '请三天内处理完毕' });
    expect(res.body).toMatchObject({
      isEscalated: true,
      escalation: { note: '请三天内处理完毕', by: { id: town.townLeader.id } },
    });
    const list = await townLeader.get('/api/cases?escalated=true&limit=200');
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(created.id);
  });

  it('when marked as a duplicate, then it is cancelled and points to the original', async () => {
    const original = (await report(worker, town)).body;
    const copy = (await report(worker, town)).body;
    const res = await act(leader, copy.id, { action: 'mark_duplicate', duplicateOfId: original.id });
    expect(res.body).toMatchObject({
      status: 'cancelled',
      duplicateOf: { id: original.id, number: original.number },
    });
  });

  it('when dispatching to someone outside the grid, then 422', async () => {
    const created = (await report(worker, town)).body;
    await act(leader, created.id, { action: 'accept' });
    const res = await act(leader, created.id, { action: 'reassign', assigneeId: other.workers[0]![0]!.id });
    expect(res.status).toBe(422);
  });
});
