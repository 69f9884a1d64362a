// Regressions for defects found in review: each of these once answered 500 or leaked data.
import { createStaff, createTestTown, type TestTown } from '@gridgov/db/testing';
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

describe('hardening', () => {
  it('when two people act on one case at once, then one succeeds and the other gets 409, never 500', async () => {
    const created = (await report(worker, town)).body;
    const [a, b] = await Promise.all([
      leader.post(`/api/cases/${created.id}/actions`, { action: 'accept', version: created.version }),
      townLeader.post(`/api/cases/${created.id}/actions`, {
        action: 'reject',
        note: '不予立案',
        version: created.version,
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const after = (await leader.get(`/api/cases/${created.id}`)).body;
    expect(
      after.timeline.filter((e: { kind: string }) => e.kind !== 'report' && e.kind !== 'auto_dispatch'),
    ).toHaveLength(1);
  });

  it('when an action carries inputs it does not take, then they are not recorded on the timeline', async () => {
    const created = (await report(worker, town)).body;
    await act(leader, created.id, { action: 'accept' });
    const started = await act(worker, created.id, {
      action: 'start',
      assigneeId: other.townLeader.id,
      photoIds: [await uploadPhoto(worker)],
    });
    const event = started.body.timeline.at(-1);
    expect(event).toMatchObject({ kind: 'start', assignee: null, photos: [] });
  });

  it('when the cursor is forged, then 400, not 500', async () => {
    const forged = Buffer.from(JSON.stringify({ v: 5, id: 'x' })).toString('base64url');
    expect((await leader.get(`/api/cases?cursor=${forged}`)).status).toBe(400);
  });

  it('when dispatching to someone on leave or to a patroller, then 422', async () => {
    const created = (await report(worker, town)).body;
    await act(leader, created.id, { action: 'accept' });
    const onLeave = await createStaff(app.db.prisma, {
      regionId: town.townId,
      status: 'on_leave',
      grids: [{ gridId: town.grids[0]![0]!.id, role: 'grid_worker' }],
    });
    expect((await act(leader, created.id, { action: 'reassign', assigneeId: onLeave.id })).status).toBe(422);
    expect(
      (await act(leader, created.id, { action: 'reassign', assigneeId: town.patrollers[0]!.id })).status,
    ).toBe(422);
  });

  it('when someone reports in another town, then 403', async () => {
    const stranger = await signedIn(app, other.workers[0]![0]!.username);
    expect((await report(stranger, town)).status).toBe(403);
  });

  it('when a reporter from another grid opens their case, then its after-photos are visible to them too', async () => {
    const outsider = await signedIn(app, town.workers[1]![1]!.username);
    const created = (await report(outsider, town, { photoIds: [await uploadPhoto(outsider)] })).body;
    await act(leader, created.id, { action: 'accept' });
    await act(worker, created.id, { action: 'start' });
    const handled = await act(worker, created.id, {
      action: 'feedback',
      note: '完成',
      photoIds: [await uploadPhoto(worker)],
    });
    const afterPhoto = handled.body.timeline.at(-1).photos[0];
    expect((await outsider.get(afterPhoto.url)).status).toBe(200);
    expect(
      (await signedIn(app, other.workers[1]![1]!.username).then((c) => c.get(afterPhoto.url))).status,
    ).toBe(403);
  });

  it('when a case is marked as a duplicate of a case the leader cannot see, then 422 and the other case stays unnamed', async () => {
    const mine = (await report(worker, town)).body;
    const elsewhere = (
      await report(await signedIn(app, town.workers[1]![1]!.username), town, { location: town.pointIn(1, 1) })
    ).body;
    const res = await act(leader, mine.id, { action: 'mark_duplicate', duplicateOfId: elsewhere.id });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).not.toContain(elsewhere.number);
  });

  it('when an extension asks for a date in the past or years ahead, then 422', async () => {
    const created = (await report(worker, town)).body;
    await act(leader, created.id, { action: 'accept' });
    await act(worker, created.id, { action: 'start' });
    for (const deadline of ['2020-01-01T00:00:00+08:00', '2099-01-01T00:00:00+08:00']) {
      expect(
        (await act(worker, created.id, { action: 'request_extension', note: '延期', deadline })).status,
      ).toBe(422);
    }
  });
});
