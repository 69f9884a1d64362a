import { createTestTown, type TestTown } from '@gridgov/db/testing';
import { addDays, chinaDayOf, DAILY_COUNTERS } from '@gridgov/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { signedIn } from '../cases/cases-testing';
import { type Cast, countCaseList, type Fate, playCase, windowAroundToday } from './stats-testing';

let app: TestApp;
let town: TestTown;
let other: TestTown;
let cast: Cast;
let worker00: HttpClient;
let leader0: HttpClient;
let townLeader: HttpClient;
let otherLeader: HttpClient;
const window = windowAroundToday();
const OPEN = 'accepted,dispatched,in_progress,handled,suspended';

/** Grid [0][0] gets most of the story; grid [1][1] is left without cases. */
const STORY: { v: number; g: number; fate: Fate; categoryCode?: string }[] = [
  { v: 0, g: 0, fate: 'closed' },
  { v: 0, g: 0, fate: 'closed_reworked' },
  { v: 0, g: 0, fate: 'closed_suspended', categoryCode: 'roads.damage' },
  { v: 0, g: 0, fate: 'overdue' },
  { v: 0, g: 0, fate: 'overdue', categoryCode: 'roads.damage' },
  { v: 0, g: 0, fate: 'in_progress' },
  { v: 0, g: 0, fate: 'reported' },
  { v: 0, g: 0, fate: 'rejected' },
  { v: 0, g: 1, fate: 'suspended' },
  { v: 0, g: 1, fate: 'handled' },
  { v: 1, g: 0, fate: 'escalated' },
  { v: 1, g: 0, fate: 'closed' },
];

const query = (params: Record<string, string>) => `?${new URLSearchParams({ ...window, ...params })}`;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  other = await createTestTown(app.db.prisma);
  leader0 = await signedIn(app, town.leaders[0]!.username);
  townLeader = await signedIn(app, town.townLeader.username);
  worker00 = await signedIn(app, town.workers[0]![0]!.username);
  otherLeader = await signedIn(app, other.townLeader.username);
  const clients = new Map<string, HttpClient>();
  const client = async (username: string) => {
    if (!clients.has(username)) clients.set(username, await signedIn(app, username));
    return clients.get(username)!;
  };
  for (const step of STORY) {
    const stepCast: Cast = {
      worker: await client(town.workers[step.v]![step.g]!.username),
      leader: await client(town.leaders[step.v]!.username),
      townLeader,
    };
    await playCase(app, town, stepCast, step, step.fate);
  }
  // Another town's case must never show up in this town's figures.
  const otherCast: Cast = {
    worker: await signedIn(app, other.workers[0]![0]!.username),
    leader: await signedIn(app, other.leaders[0]!.username),
    townLeader: otherLeader,
  };
  cast = otherCast;
  await playCase(app, other, otherCast, { v: 0, g: 0 }, 'closed');
}, 120_000);
afterAll(() => app?.close());

describe.each(['/api/stats/summary', '/api/stats/breakdown?by=grid', '/api/stats/trend'])(
  'GET %s',
  (path) => {
    it('when not signed in, then 401', async () => {
      const res = await app
        .client()
        .get(`${path}${path.includes('?') ? '&' : '?'}from=2026-01-01&to=2026-01-31`);
      expect(res.status).toBe(401);
    });

    it('when the window ends before it starts, is longer than 366 days or is missing, then 400 with the shared error shape', async () => {
      const sep = path.includes('?') ? '&' : '?';
      for (const bad of [
        'from=2026-02-01&to=2026-01-31',
        'from=2025-01-01&to=2026-01-02',
        'from=2026-01-01',
        'from=2026-02-30&to=2026-03-01',
      ]) {
        const res = await townLeader.get(`${path}${sep}${bad}`);
        expect(res.status, bad).toBe(400);
        expect(res.body.error.code).toMatch(/validation_failed|bad_request/);
      }
      const longest = await townLeader.get(`${path}${sep}from=2025-01-01&to=2026-01-01`);
      expect(longest.status).toBe(200);
    });

    it('when a grid outside the caller’s territory is asked for, then 403', async () => {
      const sep = path.includes('?') ? '&' : '?';
      const res = await worker00.get(
        `${path}${sep}${new URLSearchParams({ ...window, gridId: town.grids[1]![1]!.id })}`,
      );
      expect(res.status).toBe(403);
      const foreign = await townLeader.get(
        `${path}${sep}${new URLSearchParams({ ...window, villageId: other.villageIds[0] })}`,
      );
      expect(foreign.status).toBe(403);
    });
  },
);

describe('GET /api/stats/breakdown validation', () => {
  it('when `by` is not one of village, grid, worker or category, or the category is unknown, then 400', async () => {
    expect((await townLeader.get(`/api/stats/breakdown${query({ by: 'street' })}`)).status).toBe(400);
    const res = await townLeader.get(`/api/stats/breakdown${query({ by: 'grid', categoryCode: 'no.such' })}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual({ categoryCode: 'no.such' });
  });
});

describe('figures match the case list for the same filters and scope', () => {
  const cases: [string, () => [HttpClient, Record<string, string>]][] = [
    ['town leader, whole town', () => [townLeader, {}]],
    ['town leader, one village', () => [townLeader, { villageId: town.villageIds[0] }]],
    [
      'town leader, one grid and a category group',
      () => [townLeader, { gridId: town.grids[0]![0]!.id, categoryCode: 'roads' }],
    ],
    ['grid leader of village 1', () => [leader0, {}]],
    ['grid worker of grid [0][0]', () => [worker00, {}]],
    ['other town’s leader', () => [otherLeader, {}]],
  ];
  it.each(cases)(
    'when %s asks, then received, open and overdue equal the case list counts',
    async (_, who) => {
      const [client, filters] = who();
      const res = await client.get(`/api/stats/summary${query(filters)}`);
      expect(res.status).toBe(200);
      const { figures } = res.body;
      expect(figures.received).toBe(await countCaseList(client, { ...window, ...filters }));
      expect(figures.open).toBe(await countCaseList(client, { ...filters, status: OPEN }));
      expect(figures.overdue).toBe(await countCaseList(client, { ...filters, overdue: 'true' }));
      expect(figures.received).toBeGreaterThan(0);
    },
  );
});

describe('open and late', () => {
  it('when a case was suspended after its deadline, then the statistics count it overdue as the case list does', async () => {
    const third = await createTestTown(app.db.prisma);
    const worker = await signedIn(app, third.workers[0]![0]!.username);
    const leader = await signedIn(app, third.leaders[0]!.username);
    const boss = await signedIn(app, third.townLeader.username);
    const id = await playCase(app, third, { worker, leader, townLeader: boss }, { v: 0, g: 0 }, 'suspended');
    // The deadline passed before the case was suspended.
    const paused = await app.db.prisma.case.findUniqueOrThrow({ where: { id }, select: { pausedAt: true } });
    await app.db.prisma.case.update({
      where: { id },
      data: { deadline: new Date(paused.pausedAt!.getTime() - 3_600_000) },
    });
    const res = await boss.get(`/api/stats/summary${query({})}`);
    expect(res.body.figures).toMatchObject({ open: 1, overdue: 1 });
    expect(await countCaseList(boss, { overdue: 'true' })).toBe(1);
    const byGrid = await boss.get(`/api/stats/breakdown${query({ by: 'village' })}`);
    const village = byGrid.body.items.find((i: { id: string }) => i.id === third.villageIds[0]);
    expect(village.figures).toMatchObject({ open: 1, overdue: 1 });
  });
});

describe('GET /api/stats/summary', () => {
  it('when the town leader asks, then every figure follows from the story told in the test', async () => {
    const res = await townLeader.get(`/api/stats/summary${query({})}`);
    expect(res.body.figures).toMatchObject({
      received: 12,
      accepted: 10,
      closed: 4,
      closedOnTime: 4,
      open: 6, // 2 overdue, in progress, suspended, handled, escalated (accepted)
      overdue: 2,
      reworked: 1,
      reworkRate: 0.25,
      escalated: 1,
      onTimeRate: 4 / 6,
      satisfactionRate: null,
    });
    expect(res.body.figures.dueToClose).toBe(10);
    expect(res.body.figures.dueClosed).toBe(4);
    expect(res.body.figures.closeRate).toBe(0.4);
    expect(res.body.figures.avgHandlingHours).not.toBeNull();
  });

  it('when a grid worker asks, then only their grid counts', async () => {
    const res = await worker00.get(`/api/stats/summary${query({})}`);
    expect(res.body.figures).toMatchObject({ received: 8, closed: 3, overdue: 2, reworked: 1 });
  });

  it('when the window holds none of the cases, then counts are 0, rates null, and open/overdue still show', async () => {
    const res = await townLeader.get('/api/stats/summary?from=2020-01-01&to=2020-01-31');
    expect(res.body.figures).toMatchObject({
      received: 0,
      closed: 0,
      closeRate: null,
      reworkRate: null,
      open: 6,
      overdue: 2,
    });
    expect(res.body.figures.onTimeRate).toBe(0);
  });
});

describe('GET /api/stats/breakdown', () => {
  // Grid and category rankings read span rows (blocks of 2^k days); the summary reads daily rows.
  // The counters the figures report as they are (handling time comes back as hours, not sums).
  const COUNTERS = DAILY_COUNTERS.filter((c) => c !== 'handlingCount' && c !== 'handlingMsSum');
  const today = chinaDayOf(new Date());
  const windows = [
    [0, 0],
    [-3, 3],
    [-7, 60],
    [1, 30],
    [-100, 265],
  ].map(([a, b]) => ({ from: addDays(today, a!), to: addDays(today, b!) }));
  it.each(windows)(
    'when the window is $from…$to, then the grid and category rows add up to the summary',
    async (w) => {
      const summary = (await townLeader.get(`/api/stats/summary?${new URLSearchParams(w)}`)).body.figures;
      for (const by of ['grid', 'village', 'category']) {
        const res = await townLeader.get(`/api/stats/breakdown?${new URLSearchParams({ ...w, by })}`);
        expect(res.status).toBe(200);
        for (const counter of COUNTERS) {
          const total = res.body.items.reduce(
            (sum: number, item: { figures: Record<string, number> }) => sum + item.figures[counter]!,
            0,
          );
          expect(total, `${by} ${counter}`).toBe(summary[counter]);
        }
      }
      if (w.from <= today && today <= w.to) expect(summary.received).toBe(12);
    },
  );

  it('when broken down by grid, then every grid is there with its population, the empty one included', async () => {
    const res = await townLeader.get(`/api/stats/breakdown${query({ by: 'grid' })}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id).sort()).toEqual(
      town.grids
        .flat()
        .map((g) => g.id)
        .sort(),
    );
    const empty = res.body.items.find((i: { id: string }) => i.id === town.grids[1]![1]!.id);
    expect(empty).toMatchObject({ population: 350, figures: { received: 0, open: 0, onTimeRate: null } });
    const busy = res.body.items.find((i: { id: string }) => i.id === town.grids[0]![0]!.id);
    expect(busy.figures).toMatchObject({ received: 8, closed: 3, overdue: 2 });
  });

  it('when broken down by village, then populations are the sums of their grids and counts add up', async () => {
    const res = await townLeader.get(`/api/stats/breakdown${query({ by: 'village' })}`);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items.map((i: { population: number }) => i.population)).toEqual([700, 700]);
    expect(res.body.items.map((i: { figures: { received: number } }) => i.figures.received)).toEqual([10, 2]);
    const live = res.body.items.map((i: { figures: { open: number; overdue: number } }) => [
      i.figures.open,
      i.figures.overdue,
    ]);
    expect(live).toEqual([
      [5, 2],
      [1, 0],
    ]);
  });

  it('when broken down by worker, then each assignee has their cases, and workers without cases are listed', async () => {
    const res = await townLeader.get(`/api/stats/breakdown${query({ by: 'worker' })}`);
    const byId = new Map(res.body.items.map((i: { id: string; figures: unknown }) => [i.id, i.figures]));
    expect(byId.get(town.workers[0]![0]!.id)).toMatchObject({ closed: 3, overdue: 2 });
    expect(byId.get(town.workers[1]![1]!.id)).toMatchObject({ received: 0, closed: 0 });
  });

  it('when broken down by category under a group filter, then the group’s sub-categories are the rows', async () => {
    const res = await townLeader.get(
      `/api/stats/breakdown${query({ by: 'category', categoryCode: 'roads' })}`,
    );
    expect(res.status).toBe(200);
    const roads = res.body.items.find((i: { id: string }) => i.id === 'roads.damage');
    expect(roads.figures).toMatchObject({ received: 2, closed: 1, overdue: 1 });
    expect(res.body.items.every((i: { code: string }) => i.code.startsWith('roads.'))).toBe(true);
  });

  it('when a grid leader breaks down by grid, then only their grids come back', async () => {
    const res = await leader0.get(`/api/stats/breakdown${query({ by: 'grid' })}`);
    expect(res.body.items.map((i: { id: string }) => i.id).sort()).toEqual(
      town.grids[0]!.map((g) => g.id).sort(),
    );
  });
});

describe('GET /api/stats/trend', () => {
  it('when asked by day and by week, then the points cover the window and add up to the summary', async () => {
    const summary = (await townLeader.get(`/api/stats/summary${query({})}`)).body.figures;
    for (const interval of ['day', 'week']) {
      const res = await townLeader.get(`/api/stats/trend${query({ interval })}`);
      expect(res.status).toBe(200);
      const points = res.body.points as { start: string; received: number; closed: number }[];
      expect(points[0]!.start).toBe(window.from);
      expect(points.reduce((a, p) => a + p.received, 0)).toBe(summary.received);
      expect(points.reduce((a, p) => a + p.closed, 0)).toBe(summary.closed);
    }
    const byDay = await townLeader.get(`/api/stats/trend${query({ interval: 'day' })}`);
    expect(byDay.body.points).toHaveLength(68);
  });

  it('when the other town’s leader asks, then this town’s cases are not in their trend', async () => {
    const res = await otherLeader.get(`/api/stats/trend${query({})}`);
    expect(res.body.points.reduce((a: number, p: { received: number }) => a + p.received, 0)).toBe(1);
    expect(cast.townLeader).toBe(otherLeader);
  });
});
