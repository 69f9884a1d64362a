import { createTestTown, type TestTown } from '@gridgov/db/testing';
import { liveCaseEventSchema } from '@gridgov/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEventsOf, type EventStream, openEventStream } from '../../testing/event-stream';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { act, report, signedIn } from '../cases/cases-testing';

let app: TestApp;
let town: TestTown;
let other: TestTown;
let worker: HttpClient;
let leader: HttpClient;
let townLeader: HttpClient;
const streams: EventStream[] = [];

async function listen(client: HttpClient | null): Promise<EventStream> {
  const stream = await openEventStream(app.url, client);
  streams.push(stream);
  if (stream.status === 200) await stream.waitFor((e) => e.event === 'ready');
  return stream;
}

const isCase = (caseId: string, kind?: string) => (e: { event: string; data: string }) =>
  e.event === 'case' && JSON.parse(e.data).caseId === caseId && (!kind || JSON.parse(e.data).kind === kind);

beforeAll(async () => {
  app = await startTestApp({ LIVE_HEARTBEAT_SECONDS: '1' });
  town = await createTestTown(app.db.prisma);
  other = await createTestTown(app.db.prisma);
  worker = await signedIn(app, town.workers[0]![0]!.username);
  leader = await signedIn(app, town.leaders[0]!.username);
  townLeader = await signedIn(app, town.townLeader.username);
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await app?.close();
});

describe('GET /api/events', () => {
  it('when not signed in, then 401 with the shared error shape', async () => {
    const stream = await listen(null);
    expect(stream.status).toBe(401);
    expect(stream.headers.get('content-type')).toMatch(/json/);
  });

  it('when signed in, then an uncompressed, unbuffered event stream opens with a ready event', async () => {
    const stream = await listen(townLeader);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(stream.headers.get('x-accel-buffering')).toBe('no');
    expect(stream.events[0]?.event).toBe('ready');
  });

  it('when a worker reports a case, then the town leader hears it within 2 s, in the shared shape', async () => {
    const stream = await listen(townLeader);
    const res = await report(worker, town);
    expect(res.status).toBe(201);
    const event = await stream.waitFor(isCase(res.body.id), 2_000);
    const payload = liveCaseEventSchema.parse(JSON.parse(event.data));
    expect(payload).toMatchObject({
      kind: 'created',
      caseId: res.body.id,
      townId: town.townId,
      gridId: town.grids[0]![0]!.id,
      status: 'reported',
      location: town.pointIn(0, 0),
      isEscalated: false,
      version: res.body.version,
    });
  });

  it('when a case is acted on, then a changed event carries its new status and version', async () => {
    const created = await report(worker, town);
    const stream = await listen(townLeader);
    const accepted = await act(leader, created.body.id, { action: 'accept' });
    expect(accepted.status).toBe(200);
    const event = JSON.parse((await stream.waitFor(isCase(created.body.id, 'changed'))).data);
    expect(event).toMatchObject({ status: accepted.body.status, version: accepted.body.version });
    expect(event.deadline).toBe(accepted.body.deadline);
    expect(event.deadlineStatus).toBe(accepted.body.deadlineStatus);
  });

  it('when cases are bulk-dispatched, then each of them is announced', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const created = await report(worker, town);
      // Accept dispatches to the grid's worker; bulk dispatch then reassigns them to its leader.
      expect((await act(leader, created.body.id, { action: 'accept' })).status).toBe(200);
      ids.push(created.body.id);
    }
    const stream = await listen(townLeader);
    const cases = await Promise.all(ids.map(async (id) => (await leader.get(`/api/cases/${id}`)).body));
    const res = await leader.post('/api/cases/bulk-dispatch', {
      assigneeId: town.leaders[0]!.id,
      cases: cases.map((c) => ({ id: c.id, version: c.version })),
    });
    expect(res.status).toBe(200);
    for (const id of ids) await stream.waitFor(isCase(id, 'changed'));
  });

  it('when a case lies outside a listener’s scope, then that listener does not hear it', async () => {
    const gridWorkerStream = await listen(worker);
    const otherTownStream = await listen(await signedIn(app, other.townLeader.username));
    const neighbour = await signedIn(app, town.workers[1]![1]!.username);
    const outside = await report(neighbour, town, { location: town.pointIn(1, 1) });
    const mine = await report(worker, town);
    // Changes arrive in commit order: once the later one is here, the earlier one would have been too.
    await gridWorkerStream.waitFor(isCase(mine.body.id));
    expect(caseEventsOf(gridWorkerStream).map((e) => e.caseId)).not.toContain(outside.body.id);

    const otherTownCase = await report(await signedIn(app, other.workers[0]![0]!.username), other);
    await otherTownStream.waitFor(isCase(otherTownCase.body.id));
    const heardByOtherTown = caseEventsOf(otherTownStream).map((e) => e.caseId);
    expect(heardByOtherTown).not.toContain(outside.body.id);
    expect(heardByOtherTown).not.toContain(mine.body.id);
  });

  it('when a case outside the grid is reported by the worker themself, then they still hear it', async () => {
    const stream = await listen(worker);
    const res = await report(worker, town, { location: town.pointIn(1, 0) });
    expect(res.body.grid.id).toBe(town.grids[1]![0]!.id);
    await stream.waitFor(isCase(res.body.id));
  });

  it('when the stream is idle, then heartbeats keep it open', async () => {
    const stream = await listen(townLeader);
    await expect.poll(() => stream.comments, { timeout: 3_000 }).toBeGreaterThan(0);
  });

  it('when the listener disconnects, then its subscription is removed', async () => {
    const before = app.ctx.events.listenerCount();
    const stream = await listen(townLeader);
    expect(app.ctx.events.listenerCount()).toBe(before + 1);
    stream.close();
    await expect.poll(() => app.ctx.events.listenerCount(), { timeout: 2_000 }).toBe(before);
  });

  it('when the person signs out, then the server ends their stream at the next heartbeat', async () => {
    const client = await signedIn(app, town.leaders[1]!.username);
    const stream = await listen(client);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    await stream.ended;
    expect(stream.events.at(-1)?.event).toBe('ready');
  });

  it('when a listener reconnects, then it hears changes again', async () => {
    const first = await listen(townLeader);
    first.close();
    const second = await listen(townLeader);
    const res = await report(worker, town);
    await second.waitFor(isCase(res.body.id));
  });
});
