// The demo town on any day (issue 22): seeded at an anchor A and at A + 400 days, the history has the
// same shape relative to its anchor, and every case reads like its category, in its own grid.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_PASSWORD } from '@gridgov/db/testing';
import { addDays, chinaDayOf, chinaDayStart } from '@gridgov/shared';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase, writeDemoHistoryInBackground } from '../../bootstrap';
import { loadConfig } from '../../lib/config';
import { createScratchDatabase, type ScratchDatabase } from '../../testing/scratch-database';
import { isDemoTextOf } from './demo-texts';
import { resolveHistoryEnd } from './demo-timeline';

const HISTORY_CASES = 1500;
const ANCHOR_A = '2026-12-07';
const ANCHOR_B = addDays(ANCHOR_A, 400);
const OPEN = ['reported', 'accepted', 'dispatched', 'in_progress', 'handled', 'suspended'];
const DAY = 86_400_000;

interface SeededCase {
  status: string;
  reportedAt: Date;
  deadline: Date | null;
  description: string;
  reporterId: string;
  assigneeId: string | null;
  reworkCount: number;
  isEscalated: boolean;
  events: { kind: string }[];
  category: { code: string };
  village: { name: string };
  grid: { assignments: { staffId: string }[] };
}
interface Seeded {
  anchor: string;
  cases: SeededCase[];
  townLeaderIds: string[];
}

async function seedAt(anchor: string): Promise<Seeded> {
  const scratch: ScratchDatabase = await createScratchDatabase(`shape_${anchor.replaceAll('-', '')}`);
  const uploadDir = await mkdtemp(join(tmpdir(), 'gridgov-demo-shape-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: scratch.databaseUrl ?? '',
    PGLITE_DIR: scratch.pgliteDir ?? './unused',
    PGLITE_MAINTENANCE_SECONDS: '0',
    SEED_DEMO: 'true',
    DEMO_PASSWORD: TEST_PASSWORD,
    DEMO_HISTORY_CASES: String(HISTORY_CASES),
    DEMO_ANCHOR: anchor,
    UPLOAD_DIR: uploadDir,
  });
  const { db, ctx } = await prepareDatabase(config, pino({ level: 'silent' }));
  try {
    await writeDemoHistoryInBackground(ctx);
    const cases = await db.prisma.case.findMany({
      select: {
        status: true,
        reportedAt: true,
        deadline: true,
        description: true,
        reporterId: true,
        assigneeId: true,
        reworkCount: true,
        isEscalated: true,
        events: {
          where: { kind: { in: ['approve_extension', 'return', 'escalate'] } },
          select: { kind: true },
        },
        category: { select: { code: true } },
        village: { select: { name: true } },
        grid: { select: { assignments: { where: { endedAt: null }, select: { staffId: true } } } },
      },
    });
    const leaders = await db.prisma.staffRole.findMany({
      where: { role: 'town_leader' },
      select: { staffId: true },
    });
    return { anchor, cases, townLeaderIds: leaders.map((l) => l.staffId) };
  } finally {
    await ctx.events.close();
    await db.close();
    await scratch.drop();
    await rm(uploadDir, { recursive: true, force: true });
  }
}

/** The history's shape relative to its own end: what a newcomer sees on the anchor day. */
function shapeOf({ anchor, cases }: Seeded) {
  const end = resolveHistoryEnd(anchor, new Date()).getTime();
  const open = cases.filter((c) => OPEN.includes(c.status));
  const overdue = open.filter((c) => c.status !== 'handled' && c.deadline && c.deadline.getTime() < end);
  const byState = Object.fromEntries(
    [...OPEN, 'closed', 'rejected', 'cancelled'].map((s) => [s, cases.filter((c) => c.status === s).length]),
  );
  const weeksBack = (c: SeededCase) => Math.floor((end - c.reportedAt.getTime()) / (7 * DAY));
  const perWeek = Array.from({ length: 8 }, (_, w) => cases.filter((c) => weeksBack(c) === w).length);
  const today = chinaDayStart(chinaDayOf(new Date(end))).getTime();
  const recentOpen = open.filter((c) => c.reportedAt.getTime() > end - 28 * DAY);
  return {
    byState,
    perWeek,
    open: open.length,
    overdueShare: overdue.length / Math.max(1, open.length),
    reportedToday: cases.filter((c) => c.reportedAt.getTime() >= today).length,
    reportedYesterday: cases.filter(
      (c) => c.reportedAt.getTime() >= today - DAY && c.reportedAt.getTime() < today,
    ).length,
    deadlinesAroundNow: open.filter((c) => c.deadline && Math.abs(c.deadline.getTime() - end) < 7 * DAY)
      .length,
    recentOpenShare: recentOpen.length / Math.max(1, open.length),
    escalated: cases.filter((c) => c.isEscalated).length,
    reworked: cases.filter((c) => c.reworkCount > 0).length,
    extended: cases.filter((c) => c.events.some((e) => e.kind === 'approve_extension')).length,
    last30Days: cases.filter((c) => c.reportedAt.getTime() > end - 30 * DAY).length,
    future: cases.filter((c) => c.reportedAt.getTime() > end).length,
  };
}

let seeded: Seeded[];
beforeAll(async () => {
  // One after the other: two seeds at once would only fight over two shared cores.
  seeded = [await seedAt(ANCHOR_A), await seedAt(ANCHOR_B)];
}, 600_000);

describe('the demo history on any day', () => {
  it('when seeded at A and at A + 400 days, then both have the same shape relative to their anchor', () => {
    const [a, b] = seeded.map(shapeOf) as [ReturnType<typeof shapeOf>, ReturnType<typeof shapeOf>];
    for (const shape of [a, b]) {
      expect(shape.future).toBe(0);
      expect(shape.reportedToday).toBeGreaterThanOrEqual(2);
      expect(shape.reportedYesterday).toBeGreaterThanOrEqual(1);
      // Every state a case can be in, on the anchor day.
      for (const state of [
        'reported',
        'dispatched',
        'in_progress',
        'handled',
        'closed',
        'rejected',
        'cancelled',
      ])
        expect(shape.byState[state], state).toBeGreaterThan(0);
      // A plausible backlog: a few per cent overdue, not most of it; the open cases are recent ones.
      expect(shape.overdueShare).toBeGreaterThan(0);
      expect(shape.overdueShare).toBeLessThanOrEqual(0.25);
      expect(shape.recentOpenShare).toBeGreaterThanOrEqual(0.8);
      expect(shape.deadlinesAroundNow).toBeGreaterThanOrEqual(shape.open / 3);
      expect(shape.perWeek.every((n) => n > 0)).toBe(true);
      expect(shape.escalated).toBeGreaterThan(0);
      expect(shape.reworked).toBeGreaterThan(0);
      expect(shape.extended).toBeGreaterThan(0);
    }
    // Same shape: per state and per week within noise of each other.
    const near = (x: number, y: number) => Math.abs(x - y) <= Math.max(8, 0.35 * Math.max(x, y));
    for (const state of Object.keys(a.byState))
      expect(
        near(a.byState[state]!, b.byState[state]!),
        `${state}: ${a.byState[state]} vs ${b.byState[state]}`,
      ).toBe(true);
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    expect(near(sum(a.perWeek), sum(b.perWeek))).toBe(true);
    expect(near(a.last30Days, b.last30Days)).toBe(true);
    expect(Math.abs(a.overdueShare - b.overdueShare)).toBeLessThanOrEqual(0.15);
  });

  it('when seeded, then every case text belongs to its category and names its own village', () => {
    for (const { cases } of seeded) {
      const strays = cases.filter((c) => !isDemoTextOf(c.category.code, c.village.name, c.description));
      expect(strays.map((c) => `${c.category.code}: ${c.description}`)).toEqual([]);
      expect(new Set(cases.map((c) => c.category.code)).size).toBeGreaterThanOrEqual(20);
    }
  });

  it('when seeded, then reporters and assignees belong to the case grid (or lead the town)', () => {
    for (const { cases, townLeaderIds } of seeded) {
      const outsiders = cases.filter((c) => {
        const members = new Set([...c.grid.assignments.map((a) => a.staffId), ...townLeaderIds]);
        return !members.has(c.reporterId) || (c.assigneeId !== null && !members.has(c.assigneeId));
      });
      expect(outsiders).toHaveLength(0);
    }
  });
});
