import { createTestTown, type TestTown } from '@gridgov/db/testing';
import type { Inbox } from '@gridgov/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { act, report, signedIn, uploadPhoto } from '../cases/cases-testing';

let app: TestApp;
let town: TestTown;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
});
afterAll(() => app?.close());

type Client = Awaited<ReturnType<typeof signedIn>>;
async function inboxOf(client: Client) {
  const res = await client.get('/api/inbox');
  expect(res.status).toBe(200);
  const inbox = res.body as Inbox;
  const section = (key: string) => inbox.sections.find((s) => s.key === key);
  const ids = (key: string) => section(key)?.items.map((c) => c.id) ?? [];
  return { inbox, section, ids, keys: inbox.sections.map((s) => s.key) };
}
async function countsOf(client: Client) {
  const res = await client.get('/api/inbox/counts');
  expect(res.status).toBe(200);
  return res.body as { total: number; counts: Record<string, number> };
}

describe('the work inbox', () => {
  it('when a case goes round the loop, then it is in the inbox of whoever must act next, and only theirs', async () => {
    const worker = await signedIn(app, town.workers[0]![0]!.username);
    const leader = await signedIn(app, town.leaders[0]!.username);
    const otherLeader = await signedIn(app, town.leaders[1]!.username);
    const townLeader = await signedIn(app, town.townLeader.username);
    const created = (await report(worker, town)).body;

    // Reported: the grid's leader (and the town's leader) must accept it; nobody else.
    let l = await inboxOf(leader);
    expect(l.keys).toEqual([
      'to_accept',
      'to_dispatch',
      'to_verify',
      'extension_requests',
      'overdue_led',
      'rework',
      'dispatched_to_me',
      'in_progress_mine',
      'due_mine',
    ]);
    expect(l.ids('to_accept')).toEqual([created.id]);
    expect(l.section('to_accept')?.count).toBe(1);
    expect(l.section('to_accept')?.listQuery).toEqual({ status: 'reported', sort: 'reported_asc' });
    expect(l.inbox.total).toBe(1);
    expect(await countsOf(leader)).toMatchObject({ total: 1, counts: { to_accept: 1, to_verify: 0 } });
    expect((await inboxOf(townLeader)).ids('to_accept')).toEqual([created.id]);
    expect((await inboxOf(otherLeader)).section('to_accept')?.count).toBe(0);
    const w = await inboxOf(worker);
    expect(w.keys).toEqual(['rework', 'dispatched_to_me', 'in_progress_mine', 'due_mine']);
    expect(w.inbox.total).toBe(0);

    // Accepted and dispatched to the grid's worker: now it is the worker's.
    await act(leader, created.id, { action: 'accept' });
    expect((await inboxOf(leader)).section('to_accept')?.count).toBe(0);
    expect((await inboxOf(worker)).ids('dispatched_to_me')).toEqual([created.id]);
    expect((await countsOf(worker)).total).toBe(1);

    await act(worker, created.id, { action: 'start' });
    expect((await inboxOf(worker)).ids('in_progress_mine')).toEqual([created.id]);
    expect((await countsOf(worker)).total).toBe(0);

    // Handled: the leader checks it; the worker's part is done.
    await act(worker, created.id, {
      action: 'feedback',
      note: '已清理',
      photoIds: [await uploadPhoto(worker)],
    });
    l = await inboxOf(leader);
    expect(l.ids('to_verify')).toEqual([created.id]);
    expect(l.inbox.total).toBe(1);
    expect((await inboxOf(otherLeader)).section('to_verify')?.count).toBe(0);

    // Returned: rework for the worker, not a new dispatch.
    await act(leader, created.id, { action: 'return', note: '仍有残留' });
    const back = await inboxOf(worker);
    expect(back.ids('rework')).toEqual([created.id]);
    expect(back.section('dispatched_to_me')?.count).toBe(0);
    expect(back.section('rework')?.listQuery).toBeNull();

    // Escalated by the town leader: in the town leader's 督办 section.
    await act(townLeader, created.id, { action: 'escalate', note: '请加快办理' });
    const tl = await inboxOf(townLeader);
    expect(tl.ids('escalated')).toEqual([created.id]);
    expect((await inboxOf(leader)).keys).not.toContain('escalated');
  });

  it('when someone has no leading post and no field role, then the inbox is empty, not an error', async () => {
    const admin = await signedIn(app, town.admin.username);
    expect((await inboxOf(admin)).inbox).toEqual({ total: 0, sections: [] });
    expect(await countsOf(admin)).toEqual({ total: 0, counts: {} });
    expect((await app.client().get('/api/inbox')).status).toBe(401);
  });
});
