import { createTestTown, type TestTown } from '@gridgov/db/testing';
import { mapPointsSchema } from '@gridgov/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { act, report, signedIn } from './cases-testing';

let app: TestApp;
let town: TestTown;
let worker: HttpClient;
let leader: HttpClient;
let townLeader: HttpClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  worker = await signedIn(app, town.workers[0]![0]!.username);
  leader = await signedIn(app, town.leaders[0]!.username);
  townLeader = await signedIn(app, town.townLeader.username);
  ids.plain = (await report(worker, town)).body.id;
  ids.accepted = (await report(worker, town, { categoryCode: 'security.suspicious' })).body.id;
  await act(leader, ids.accepted!, { action: 'accept' });
  ids.escalated = (await report(worker, town)).body.id;
  await act(townLeader, ids.escalated!, { action: 'escalate', note: '请尽快处理' });
  const neighbour = await signedIn(app, town.workers[1]![1]!.username);
  ids.elsewhere = (await report(neighbour, town, { location: town.pointIn(1, 1) })).body.id;
  ids.noLocation = (await report(worker, town, { location: null, gridId: town.grids[0]![0]!.id })).body.id;
  // Overdue: an accepted case whose deadline has passed.
  ids.overdue = (await report(worker, town)).body.id;
  await act(leader, ids.overdue!, { action: 'accept' });
  await app.db.prisma.case.update({
    where: { id: ids.overdue },
    data: { deadline: new Date(Date.now() - 60_000) },
  });
});
afterAll(() => app?.close());

async function pointIds(client: HttpClient, query = '') {
  const res = await client.get(`/api/cases/map-points${query}`);
  expect(res.status).toBe(200);
  return mapPointsSchema.parse(res.body).points.map((p) => p[0]);
}

describe('GET /api/cases/map-points', () => {
  it('when not signed in, then 401', async () => {
    expect((await app.client().get('/api/cases/map-points')).status).toBe(401);
  });

  it('when a filter is malformed, then 400 with the shared error shape', async () => {
    for (const query of ['?status=nonsense', '?from=2026-13-45', '?escalated=maybe']) {
      const res = await townLeader.get(`/api/cases/map-points${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });

  it('when the town leader asks, then every located case of the town comes as a compact tuple', async () => {
    const res = await townLeader.get('/api/cases/map-points');
    const { points, truncated } = mapPointsSchema.parse(res.body);
    expect(truncated).toBe(false);
    const plain = points.find((p) => p[0] === ids.plain);
    // Coordinates are rounded to 6 decimals (~0.1 m): enough for a map, and shorter JSON.
    const round = (value: number) => Math.round(value * 1e6) / 1e6;
    const { lon, lat } = town.pointIn(0, 0);
    expect(plain).toEqual([ids.plain, round(lon), round(lat), 'reported', 0, 0]);
    expect(points.map((p) => p[0])).toContain(ids.elsewhere);
    expect(points.map((p) => p[0])).not.toContain(ids.noLocation);
    expect(points.find((p) => p[0] === ids.escalated)?.[4]).toBe(1);
    expect(points.find((p) => p[0] === ids.overdue)?.[5]).toBe(1);
  });

  it('when a grid worker asks, then only their grid’s cases (and their own reports) come', async () => {
    const seen = await pointIds(worker);
    expect(seen).toContain(ids.plain);
    expect(seen).not.toContain(ids.elsewhere);
  });

  it('when filtered, then the filters match the case list’s', async () => {
    expect(await pointIds(townLeader, '?escalated=true')).toEqual([ids.escalated]);
    expect(await pointIds(townLeader, '?overdue=true')).toEqual([ids.overdue]);
    expect(await pointIds(townLeader, '?categoryCode=security')).toEqual([ids.accepted]);
    const dispatched = await pointIds(townLeader, '?status=dispatched,accepted');
    expect(dispatched.sort()).toEqual([ids.accepted, ids.overdue].sort());
    expect(await pointIds(townLeader, '?to=2000-01-01')).toEqual([]);
    const list = await townLeader.get('/api/cases?overdue=true&limit=200');
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([ids.overdue]);
  });
});
