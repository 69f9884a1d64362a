// Every action × every kind of person: allowed (200), forbidden (403), impossible (422), stale (409).
import { createTestTown, type TestTown } from '@gridgov/db/testing';
import type { CaseAction } from '@gridgov/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { act, report, signedIn, uploadPhoto } from './cases-testing';

type Person =
  | 'assignee'
  | 'reporter'
  | 'grid_leader'
  | 'other_leader'
  | 'town_leader'
  | 'admin'
  | 'other_worker';
type Prep =
  | 'reported'
  | 'accepted'
  | 'dispatched'
  | 'in_progress'
  | 'handled'
  | 'suspended'
  | 'extension_asked';

const IN_A_MONTH = new Date(Date.now() + 30 * 86_400_000).toISOString();
const PEOPLE: Person[] = [
  'assignee',
  'reporter',
  'grid_leader',
  'other_leader',
  'town_leader',
  'admin',
  'other_worker',
];
const MATRIX: Record<CaseAction, { prep: Prep; allowed: Person[] }> = {
  accept: { prep: 'reported', allowed: ['grid_leader', 'town_leader'] },
  reject: { prep: 'reported', allowed: ['grid_leader', 'town_leader'] },
  dispatch: { prep: 'accepted', allowed: ['grid_leader', 'town_leader'] },
  reassign: { prep: 'dispatched', allowed: ['grid_leader', 'town_leader'] },
  start: { prep: 'dispatched', allowed: ['assignee'] },
  feedback: { prep: 'in_progress', allowed: ['assignee'] },
  verify: { prep: 'handled', allowed: ['grid_leader', 'town_leader'] },
  return: { prep: 'handled', allowed: ['grid_leader', 'town_leader'] },
  suspend: { prep: 'dispatched', allowed: ['grid_leader', 'town_leader'] },
  resume: { prep: 'suspended', allowed: ['grid_leader', 'town_leader'] },
  request_extension: { prep: 'in_progress', allowed: ['assignee'] },
  approve_extension: { prep: 'extension_asked', allowed: ['grid_leader', 'town_leader'] },
  reject_extension: { prep: 'extension_asked', allowed: ['grid_leader', 'town_leader'] },
  escalate: { prep: 'dispatched', allowed: ['town_leader'] },
  cancel: { prep: 'reported', allowed: ['grid_leader', 'town_leader', 'reporter'] },
  mark_duplicate: { prep: 'reported', allowed: ['grid_leader', 'town_leader'] },
};

let app: TestApp;
let town: TestTown;
let clients: Record<Person, HttpClient>;
let original: string;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  const people: Record<Person, string> = {
    assignee: town.workers[0]![0]!.username,
    reporter: town.patrollers[0]!.username,
    grid_leader: town.leaders[0]!.username,
    other_leader: town.leaders[1]!.username,
    town_leader: town.townLeader.username,
    admin: town.admin.username,
    other_worker: town.workers[1]![1]!.username,
  };
  clients = Object.fromEntries(
    await Promise.all(PEOPLE.map(async (p) => [p, await signedIn(app, people[p])] as const)),
  ) as Record<Person, HttpClient>;
  original = (await report(clients.reporter, town)).body.id;
});
afterAll(() => app?.close());

async function prepare(prep: Prep): Promise<string> {
  const { assignee, grid_leader: leader, town_leader: townLeader } = clients;
  if (prep === 'accepted') {
    // Nobody active to take it automatically: the case waits in `accepted` for a dispatch.
    const ids = [town.workers[0]![0]!.id, town.leaders[0]!.id];
    await app.db.prisma.staff.updateMany({ where: { id: { in: ids } }, data: { status: 'on_leave' } });
    const id = (await report(clients.reporter, town)).body.id;
    await act(townLeader, id, { action: 'accept' });
    await app.db.prisma.staff.updateMany({ where: { id: { in: ids } }, data: { status: 'active' } });
    return id;
  }
  const id = (await report(clients.reporter, town)).body.id;
  if (prep === 'reported') return id;
  await act(leader, id, { action: 'accept' });
  if (prep === 'dispatched') return id;
  if (prep === 'suspended') {
    await act(leader, id, { action: 'suspend', note: '挂起' });
    return id;
  }
  await act(assignee, id, { action: 'start' });
  if (prep === 'in_progress') return id;
  if (prep === 'extension_asked') {
    await act(assignee, id, {
      action: 'request_extension',
      note: '延期',
      deadline: IN_A_MONTH,
    });
    return id;
  }
  await act(assignee, id, { action: 'feedback', note: '完成', photoIds: [await uploadPhoto(assignee)] });
  return id;
}

async function requestFor(action: CaseAction, person: Person): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {
    action,
    note: '说明',
    assigneeId: town.workers[0]![0]!.id,
    duplicateOfId: original,
  };
  if (action === 'feedback') body.photoIds = [await uploadPhoto(clients[person])];
  if (action === 'request_extension') body.deadline = IN_A_MONTH;
  return body;
}

describe.each(Object.entries(MATRIX) as [CaseAction, (typeof MATRIX)[CaseAction]][])(
  '%s',
  (action, { prep, allowed }) => {
    it.each(allowed)(`when %s does it, then it is allowed`, async (person) => {
      const id = await prepare(prep);
      const res = await act(clients[person], id, await requestFor(action, person));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(
        res.body.timeline.at(-1).kind === action ||
          res.body.timeline.some((e: { kind: string }) => e.kind === action),
      ).toBe(true);
    });

    it(`when anyone else (${PEOPLE.filter((p) => !allowed.includes(p)).join(', ')}) does it, then 403 and nothing changes`, async () => {
      const id = await prepare(prep);
      const before = (await clients.town_leader.get(`/api/cases/${id}`)).body;
      for (const person of PEOPLE.filter((p) => !allowed.includes(p))) {
        const res = await clients[person].post(`/api/cases/${id}/actions`, {
          ...(await requestFor(action, person)),
          version: before.version,
        });
        expect(res.status, `${person}: ${JSON.stringify(res.body)}`).toBe(403);
      }
      const after = (await clients.town_leader.get(`/api/cases/${id}`)).body;
      expect(after.version).toBe(before.version);
      expect(after.timeline).toHaveLength(before.timeline.length);
    });

    it('when the case is already closed, then it is impossible (422) even for those allowed', async () => {
      const id = await prepare('handled');
      await act(clients.grid_leader, id, { action: 'verify' });
      const person = allowed.find((p) => p !== 'reporter')!;
      const res = await act(clients[person], id, await requestFor(action, person));
      expect(res.status, JSON.stringify(res.body)).toBe(422);
    });

    it('when the version is stale, then 409', async () => {
      const id = await prepare(prep);
      const person = allowed[0]!;
      const current = (await clients.town_leader.get(`/api/cases/${id}`)).body;
      const res = await clients[person].post(`/api/cases/${id}/actions`, {
        ...(await requestFor(action, person)),
        version: current.version + 1,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(409);
    });
  },
);
