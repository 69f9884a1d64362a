// Helpers for statistics tests: drive cases through their life over the API, and move a deadline
// into the past the way time would (through the same statistics tracking as any case change).
import type { TestTown } from '@gridgov/db/testing';
import { chinaDayOf } from '@gridgov/shared';
import { expect } from 'vitest';
import type { HttpClient, TestApp } from '../../testing/test-app';
import { act, report, uploadPhoto } from '../cases/cases-testing';
import { rebuildStats } from './stats-rebuild';
import { trackCaseStats } from './stats-tracking';

export interface Cast {
  worker: HttpClient;
  leader: HttpClient;
  townLeader: HttpClient;
}

export type Fate =
  | 'reported'
  | 'rejected'
  | 'accepted'
  | 'in_progress'
  | 'suspended'
  | 'overdue'
  | 'handled'
  | 'closed'
  | 'closed_reworked'
  | 'closed_suspended'
  | 'escalated';

async function feedback(worker: HttpClient, id: string) {
  const photoId = await uploadPhoto(worker);
  return act(worker, id, { action: 'feedback', note: '已处置', photoIds: [photoId] });
}

async function ok<T extends { id: string }>(response: Promise<{ status: number; body: T }>): Promise<T> {
  const res = await response;
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Reports a case in grid [v][g] and plays it to `fate`; returns its id. */
export async function playCase(
  app: TestApp,
  town: TestTown,
  cast: Cast,
  place: { v: number; g: number; categoryCode?: string },
  fate: Fate,
): Promise<string> {
  const { worker, leader, townLeader } = cast;
  const created = await ok(
    report(worker, town, {
      location: town.pointIn(place.v, place.g),
      ...(place.categoryCode ? { categoryCode: place.categoryCode } : {}),
    }),
  );
  const id = created.id;
  if (fate === 'reported') return id;
  if (fate === 'rejected') {
    await ok(act(leader, id, { action: 'reject', note: '不属于网格事项' }));
    return id;
  }
  await ok(act(leader, id, { action: 'accept' }));
  if (fate === 'accepted') return id;
  if (fate === 'escalated') {
    await ok(act(townLeader, id, { action: 'escalate', note: '请加快处置' }));
    return id;
  }
  if (fate === 'suspended' || fate === 'closed_suspended') {
    await ok(act(leader, id, { action: 'suspend', note: '等待协调' }));
    if (fate === 'suspended') return id;
    await ok(act(leader, id, { action: 'resume' }));
  }
  await ok(act(worker, id, { action: 'start' }));
  if (fate === 'in_progress') return id;
  if (fate === 'overdue') {
    await moveDeadlineToPast(app, id);
    return id;
  }
  await ok(feedback(worker, id));
  if (fate === 'handled') return id;
  if (fate === 'closed_reworked') {
    await ok(act(leader, id, { action: 'return', note: '仍未整改到位' }));
    await ok(act(worker, id, { action: 'start' }));
    await ok(feedback(worker, id));
  }
  await ok(act(leader, id, { action: 'verify', note: '核查属实' }));
  return id;
}

/** What the passing of a few days would do: the deadline lies behind us. */
export async function moveDeadlineToPast(app: TestApp, caseId: string): Promise<void> {
  await app.db.prisma.$transaction((tx) =>
    trackCaseStats(tx, caseId, () =>
      tx.case.update({
        where: { id: caseId },
        data: { deadline: new Date(Date.now() - 3 * 86_400_000) },
        select: { id: true },
      }),
    ),
  );
}

/** A window around today (local days) that holds every report and deadline of a test. */
export function windowAroundToday(): { from: string; to: string } {
  const today = Date.now();
  return {
    from: chinaDayOf(new Date(today - 7 * 86_400_000)),
    to: chinaDayOf(new Date(today + 60 * 86_400_000)),
  };
}

/** Counts the case list's items for a query, following every page. */
export async function countCaseList(client: HttpClient, query: Record<string, string>): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const params: URLSearchParams = new URLSearchParams({
      ...query,
      limit: '200',
      ...(cursor ? { cursor } : {}),
    });
    const res = await client.get<{ items: unknown[]; nextCursor: string | null }>(`/api/cases?${params}`);
    if (res.status !== 200) throw new Error(`case list ${res.status} ${JSON.stringify(res.body)}`);
    total += res.body.items.length;
    cursor = res.body.nextCursor;
  } while (cursor);
  return total;
}

/** The town's non-empty StatsDaily rows (every level, span rows included), comparable with toEqual. */
export async function statsSnapshot(app: TestApp, townId: string) {
  const rows = await app.db.prisma.statsDaily.findMany({
    where: { townId },
    orderBy: [
      { level: 'asc' },
      { day: 'asc' },
      { gridId: 'asc' },
      { categoryId: 'asc' },
      { assigneeId: 'asc' },
    ],
  });
  return rows
    .map((r) => ({ ...r, handlingMsSum: Number(r.handlingMsSum) }))
    .filter((r) => Object.entries(r).some(([k, v]) => typeof v === 'number' && k !== 'level' && v !== 0));
}

/** The incremental statistics of a town equal what a rebuild from its cases gives. */
export async function expectStatsMatchRebuild(app: TestApp, townId: string): Promise<void> {
  const incremental = await statsSnapshot(app, townId);
  await rebuildStats(app.db.prisma, { townIds: [townId] });
  expect(await statsSnapshot(app, townId)).toEqual(incremental);
}
