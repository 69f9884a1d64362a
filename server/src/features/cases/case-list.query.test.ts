// The SQL case list against a plain in-memory reference over the same rows: every filter, every sort,
// paging through with a small page size, scope, and phone masking.
import { createTestTown, type TestTown } from '@gridgov/db/testing';
import { CASE_SORTS, type CaseStatus, createRandom } from '@gridgov/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { signedIn } from './cases-testing';

const STATUSES: CaseStatus[] = [
  'reported',
  'accepted',
  'dispatched',
  'in_progress',
  'handled',
  'suspended',
  'closed',
  'rejected',
  'cancelled',
];
const CODES = ['sanitation.garbage', 'sanitation.sewage', 'security.gambling', 'fire.hazard'];
const TEXTS = ['村口垃圾堆放', '下水道堵塞 50%_满', '路灯损坏', 'Road sign DOWN near bridge'];
const DAY = 86_400_000;

interface Row {
  id: string;
  townId: string;
  number: string;
  gridId: string;
  villageId: string;
  categoryCode: string;
  parentCode: string;
  status: CaseStatus;
  reporterId: string;
  assigneeId: string | null;
  deadline: Date | null;
  reportedAt: Date;
  updatedAt: Date;
  pausedAt: Date | null;
  isEscalated: boolean;
  description: string;
  address: string;
}

let app: TestApp;
let town: TestTown;
let other: TestTown;
let rows: Row[];
let townLeader: HttpClient;
let worker: HttpClient;
const now = Date.now();

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  other = await createTestTown(app.db.prisma);
  const categories = await app.db.prisma.category.findMany({
    where: { code: { in: CODES } },
    select: { id: true, code: true, parent: { select: { code: true } } },
  });
  expect(categories).toHaveLength(CODES.length);
  const random = createRandom(20261129);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const data = Array.from({ length: 160 }, (_, i) => {
    const t = i % 5 === 4 ? other : town;
    const v = Math.floor(random() * 2);
    const g = Math.floor(random() * 2);
    const category = pick(categories);
    const status = pick(STATUSES);
    const reportedAt = new Date(now - Math.floor(random() * 40) * DAY - (i % 7) * 3_600_000);
    return {
      townId: t.townId,
      number: `2026-${String(9000 + i).padStart(6, '0')}`,
      categoryId: category.id,
      gridId: t.grids[v]![g]!.id,
      villageId: t.villageIds[v]!,
      status,
      description: `${pick(TEXTS)} #${i}`,
      address: i % 3 === 0 ? '石角镇横新村' : '',
      reporterId: t.workers[v]![g]!.id,
      // Some cases of the other town are held by a worker of this town (visible to that worker).
      assigneeId: status === 'reported' ? null : i % 9 === 0 ? town.workers[0]![0]!.id : t.workers[v]![g]!.id,
      deadline:
        status === 'reported' || i % 11 === 0
          ? null
          : new Date(now + (Math.floor(random() * 20) - 9.5) * DAY),
      // Ties on the sort keys exercise the id tie-break of the cursor.
      reportedAt: i % 13 === 0 ? new Date(now - 5 * DAY) : reportedAt,
      updatedAt: new Date(reportedAt.getTime() + (i % 4) * DAY),
      isEscalated: random() < 0.2,
      // Suspended cases: half paused before their deadline, half after it.
      pausedAt: status === 'suspended' ? new Date(now - (i % 2 === 0 ? 12 : 1) * DAY) : null,
    };
  });
  const created = await app.db.prisma.case.createManyAndReturn({ data, select: { id: true, number: true } });
  const idByNumber = new Map(created.map((c) => [c.number, c.id]));
  rows = data.map((d) => {
    const category = categories.find((c) => c.id === d.categoryId)!;
    return {
      ...d,
      id: idByNumber.get(d.number)!,
      categoryCode: category.code,
      parentCode: category.parent?.code ?? '',
    };
  });
  townLeader = await signedIn(app, town.townLeader.username);
  worker = await signedIn(app, town.workers[0]![0]!.username);
});
afterAll(() => app?.close());

type Query = Record<string, string>;

function dayStart(day: string): number {
  return new Date(`${day}T00:00:00+08:00`).getTime();
}

/** The reference: the documented meaning of each filter and sort, over every row. */
function expected(query: Query, viewer: { id: string; gridIds?: string[]; townIds?: string[] }): string[] {
  const late = (r: Row) =>
    r.deadline !== null &&
    ((['accepted', 'dispatched', 'in_progress'].includes(r.status) && r.deadline.getTime() < now) ||
      (r.status === 'suspended' && r.pausedAt !== null && r.pausedAt > r.deadline));
  const matches = rows.filter((r) => {
    const inTerritory = viewer.gridIds
      ? viewer.gridIds.includes(r.gridId)
      : viewer.townIds!.includes(r.townId);
    if (!(inTerritory || r.reporterId === viewer.id || r.assigneeId === viewer.id)) return false;
    if (query.status && !query.status.split(',').includes(r.status)) return false;
    if (query.categoryCode && r.categoryCode !== query.categoryCode && r.parentCode !== query.categoryCode)
      return false;
    if (query.gridId && r.gridId !== query.gridId) return false;
    if (query.villageId && r.villageId !== query.villageId) return false;
    if (query.assigneeId && r.assigneeId !== (query.assigneeId === 'me' ? viewer.id : query.assigneeId))
      return false;
    if (query.overdue && late(r) !== (query.overdue === 'true')) return false;
    if (query.escalated && r.isEscalated !== (query.escalated === 'true')) return false;
    if (query.q) {
      const q = query.q.toLowerCase();
      if (![r.number, r.description.toLowerCase(), r.address.toLowerCase()].some((text) => text.includes(q)))
        return false;
    }
    if (query.from && r.reportedAt.getTime() < dayStart(query.from)) return false;
    if (query.to && r.reportedAt.getTime() >= dayStart(query.to) + DAY) return false;
    if (query.dueFrom && !(r.deadline && r.deadline.getTime() >= dayStart(query.dueFrom))) return false;
    if (query.dueTo && !(r.deadline && r.deadline.getTime() < dayStart(query.dueTo) + DAY)) return false;
    return true;
  });
  const sort = query.sort ?? 'reported_desc';
  const key = (r: Row) =>
    sort === 'deadline_asc'
      ? (r.deadline?.getTime() ?? Number.POSITIVE_INFINITY)
      : sort === 'updated_desc'
        ? r.updatedAt.getTime()
        : r.reportedAt.getTime();
  const desc = sort === 'reported_desc' || sort === 'updated_desc';
  return matches
    .sort((a, b) => {
      const byKey = key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      return desc ? -byKey : byKey;
    })
    .map((r) => r.id);
}

async function walk(client: HttpClient, query: Query): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = '';
  for (let page = 0; cursor !== null; page++) {
    expect(page).toBeLessThan(100);
    const params: URLSearchParams = new URLSearchParams({
      ...query,
      limit: '11',
      ...(cursor ? { cursor } : {}),
    });
    const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } =
      await client.get(`/api/cases?${params}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push(...res.body.items.map((c: { id: string }) => c.id));
    cursor = res.body.nextCursor;
  }
  return ids;
}

function localDay(offsetDays: number): string {
  return new Date(now + offsetDays * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
}

describe('the case list query', () => {
  const queries = (): Query[] => [
    {},
    { status: 'accepted,dispatched,in_progress' },
    { status: 'closed' },
    { categoryCode: 'sanitation' },
    { categoryCode: 'security.gambling' },
    { gridId: town.grids[1]![0]!.id },
    { villageId: town.villageIds[0] },
    { assigneeId: town.workers[0]![0]!.id },
    { overdue: 'true' },
    { overdue: 'false' },
    { escalated: 'true' },
    { escalated: 'false', status: 'handled,suspended' },
    { q: '50%_' },
    { q: 'road sign' },
    { q: '2026-0090' },
    { q: '横新' },
    { from: localDay(-20), to: localDay(-5) },
    { to: localDay(-30) },
    { dueFrom: localDay(-3), dueTo: localDay(2) },
    { dueTo: localDay(0), status: 'accepted,dispatched,in_progress' },
  ];

  it('when a town leader filters and pages through every sort, then the pages equal the reference', async () => {
    const viewer = { id: town.townLeader.id, townIds: [town.townId] };
    for (const sort of CASE_SORTS) {
      for (const query of queries()) {
        const q = { ...query, sort };
        expect(await walk(townLeader, q), JSON.stringify(q)).toEqual(expected(q, viewer));
      }
    }
  }, 180_000);

  it('when a grid worker lists, then only their grid plus what they reported or hold, in reference order', async () => {
    const me = town.workers[0]![0]!;
    const viewer = { id: me.id, gridIds: [town.grids[0]![0]!.id] };
    const listed: Query[] = [{}, { assigneeId: 'me' }, { overdue: 'true' }, { sort: 'deadline_asc' }];
    for (const query of listed) {
      expect(await walk(worker, query), JSON.stringify(query)).toEqual(expected(query, viewer));
    }
    const held = rows.filter((r) => r.townId === other.townId && r.assigneeId === me.id);
    expect(held.length).toBeGreaterThan(0);
  });

  it('when a case of another town is shown to the worker who holds it, then its reporter’s phone is masked', async () => {
    const me = town.workers[0]![0]!;
    const list = await worker.get('/api/cases?limit=200&assigneeId=me');
    const foreign = list.body.items.filter((c: { village: { id: string } }) =>
      other.villageIds.includes(c.village.id),
    );
    expect(foreign.length).toBeGreaterThan(0);
    for (const item of foreign) {
      const reporter = [...other.workers.flat()].find((w) => w.id === item.reporter.id)!;
      // A mainland mobile keeps its first 3 and last 4 digits.
      expect(reporter.phone).toMatch(/^1\d{10}$/);
      expect(item.reporter.phone).toBe(`${reporter.phone.slice(0, 3)}****${reporter.phone.slice(7)}`);
      expect(item.assignee).toMatchObject({ id: me.id, phone: me.phone });
    }
    const own = list.body.items.find((c: { village: { id: string } }) => c.village.id === town.villageIds[0]);
    if (own) expect(own.reporter.phone).not.toContain('*');
  });
});
