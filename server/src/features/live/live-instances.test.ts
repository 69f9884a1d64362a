// Two app instances on one PostgreSQL database (issue 5): a change made through either reaches the live
// listeners of both, through LISTEN/NOTIFY. Runs in the PostgreSQL pass (TEST_DATABASE_URL).
import { createTestTown, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventStream, openEventStream } from '../../testing/event-stream';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { act, report, signedIn } from '../cases/cases-testing';

const isPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!isPostgres)('live events across two instances on one PostgreSQL database', () => {
  let a: TestApp;
  let b: TestApp;
  let town: TestTown;
  let other: TestTown;
  const streams: EventStream[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp(), startTestApp()]);
    town = await createTestTown(a.db.prisma);
    other = await createTestTown(a.db.prisma);
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await Promise.all([a?.close(), b?.close()]);
  });

  async function listenOn(app: TestApp, username: string) {
    const stream = await openEventStream(app.url, await signedIn(app, username));
    streams.push(stream);
    expect(stream.status).toBe(200);
    await stream.waitFor((e) => e.event === 'ready');
    return stream;
  }
  const isCase = (caseId: string, kind: string) => (e: { event: string; data: string }) =>
    e.event === 'case' && JSON.parse(e.data).caseId === caseId && JSON.parse(e.data).kind === kind;

  it('when a case is created through A, then a listener on B hears it within 2 s', async () => {
    expect(a.ctx.events.kind).toBe('postgres');
    const onB = await listenOn(b, town.townLeader.username);
    const onA = await listenOn(a, town.townLeader.username);
    const worker = await signedIn(a, town.workers[0]![0]!.username);
    const started = Date.now();
    const res = await report(worker, town);
    expect(res.status).toBe(201);
    await onB.waitFor(isCase(res.body.id, 'created'), 2_000);
    expect(Date.now() - started).toBeLessThan(2_000 + 1_000);
    await onA.waitFor(isCase(res.body.id, 'created'), 2_000);
    expect(onB.events.filter(isCase(res.body.id, 'created'))).toHaveLength(1);
  });

  it('when a case is acted on through B, then a listener on A hears the change', async () => {
    const worker = await signedIn(a, town.workers[0]![0]!.username);
    const created = await report(worker, town);
    const onA = await listenOn(a, town.townLeader.username);
    const leaderOnB = await signedIn(b, town.leaders[0]!.username);
    expect((await act(leaderOnB, created.body.id, { action: 'accept' })).status).toBe(200);
    const event = await onA.waitFor(isCase(created.body.id, 'changed'), 2_000);
    expect(JSON.parse(event.data).status).not.toBe('reported');
  });

  it('when the case is in another town, then a listener on the other instance does not hear it', async () => {
    const otherLeaderOnB = await listenOn(b, other.townLeader.username);
    const outside = await report(await signedIn(a, town.workers[0]![0]!.username), town);
    const inside = await report(await signedIn(a, other.workers[0]![0]!.username), other);
    await otherLeaderOnB.waitFor(isCase(inside.body.id, 'created'), 2_000);
    expect(otherLeaderOnB.events.some(isCase(outside.body.id, 'created'))).toBe(false);
  });
});
