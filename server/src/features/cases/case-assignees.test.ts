// Issue 13: the reassign list offered patrollers (refused by the server) and left out town leaders (whom
// the server accepts). The list now comes from the rule the action checks.
import { createStaff, createTestTown, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { act, report, signedIn } from './cases-testing';

let app: TestApp;
let town: TestTown;
let leader: HttpClient;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  leader = await signedIn(app, town.leaders[0]!.username);
});
afterAll(() => app?.close());

describe('who a case may be given to', () => {
  it('when a leader opens the list, then it holds exactly the people a dispatch accepts', async () => {
    const worker = await signedIn(app, town.workers[0]![0]!.username);
    const created = (await report(worker, town)).body;
    const onLeave = await createStaff(app.db.prisma, {
      regionId: town.townId,
      status: 'on_leave',
      grids: [{ gridId: town.grids[0]![0]!.id, role: 'patroller' }],
    });
    const res = await leader.get(`/api/cases/${created.id}/assignees`);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(town.workers[0]![0]!.id);
    expect(ids).toContain(town.leaders[0]!.id);
    expect(ids).toContain(town.townLeader.id);
    expect(ids).not.toContain(onLeave.id);
    for (const patroller of town.patrollers) expect(ids).not.toContain(patroller.id);
    expect(ids).not.toContain(town.workers[0]![1]!.id);
    // Every offered person is accepted by the action itself.
    await act(leader, created.id, { action: 'accept' });
    const reassigned = await act(leader, created.id, { action: 'reassign', assigneeId: town.townLeader.id });
    expect(reassigned.status, JSON.stringify(reassigned.body)).toBe(200);
  });

  it('when the case is outside the viewer’s scope or does not exist, then 403 or 404', async () => {
    const other = await createTestTown(app.db.prisma);
    const outsider = await signedIn(app, other.townLeader.username);
    const worker = await signedIn(app, town.workers[0]![0]!.username);
    const created = (await report(worker, town)).body;
    expect((await outsider.get(`/api/cases/${created.id}/assignees`)).status).toBe(403);
    expect((await leader.get('/api/cases/00000000-0000-4000-8000-000000000000/assignees')).status).toBe(404);
    expect((await app.client().get(`/api/cases/${created.id}/assignees`)).status).toBe(401);
  });
});
