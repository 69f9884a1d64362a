// An interrupted first start (power cut, kill) must not leave the demo history partial for good
// (issue 12, item 8; issue 22): the next start completes it, with the same end as the first one.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '@gridgov/db';
import { TEST_PASSWORD } from '@gridgov/db/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase, writeDemoHistoryInBackground } from '../../bootstrap';
import { loadConfig } from '../../lib/config';
import { createScratchDatabase, type ScratchDatabase } from '../../testing/scratch-database';
import { readHealth } from '../health/health.router';
import { seedDemoHistory } from './demo-history';
import { resolveHistoryEnd } from './demo-timeline';

const HISTORY_CASES = 450;
const ANCHOR = '2026-06-15';
let scratch: ScratchDatabase;
let uploadDir: string;

beforeAll(async () => {
  scratch = await createScratchDatabase('seed');
  uploadDir = await mkdtemp(join(tmpdir(), 'gridgov-seed-uploads-'));
});
afterAll(async () => {
  await scratch?.drop();
  if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
});

async function start(seed: boolean) {
  const logged: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => logged.push(line) });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: scratch.databaseUrl ?? '',
    PGLITE_DIR: scratch.pgliteDir ?? './unused',
    PGLITE_MAINTENANCE_SECONDS: '0',
    SEED_DEMO: String(seed),
    DEMO_PASSWORD: TEST_PASSWORD,
    DEMO_HISTORY_CASES: String(HISTORY_CASES),
    // Another anchor than the first start's: the resumed history keeps the one it began with.
    DEMO_ANCHOR: '2027-01-04',
    UPLOAD_DIR: uploadDir,
  });
  const prepared = await prepareDatabase(config, logger);
  // As index.ts does once the server listens.
  if (seed) await writeDemoHistoryInBackground(prepared.ctx);
  return {
    ...prepared,
    logged,
    close: async () => {
      await prepared.ctx.events.close();
      await prepared.db.close();
    },
  };
}

describe('demo history seed', () => {
  it('when the first start is cut off part-way through the history, then the next start completes it, and the one after leaves it alone', async () => {
    const first = await start(false);
    try {
      await seedDemo(first.db.prisma, { password: TEST_PASSWORD });
      // A sub-category an admin added (or a test on a shared database): no demo texts, no demo cases.
      const parent = await first.db.prisma.category.findFirstOrThrow({ where: { parentId: null } });
      await first.db.prisma.category.create({
        data: {
          code: 'other.admin_added',
          name: '管理员新增分类',
          nameEn: 'Added by an admin',
          parentId: parent.id,
          slaUnit: 'working_days',
          slaAmount: 3,
        },
      });
      const cut = seedDemoHistory(first.ctx, {
        cases: HISTORY_CASES,
        end: resolveHistoryEnd(ANCHOR, new Date()),
        onBatch: ({ casesDone }) => {
          if (casesDone === 200) throw new Error('power cut');
        },
      });
      await expect(cut).rejects.toThrow('power cut');
      // Never a silently partial history: until it is complete, health says so (the UI's 演示数据生成中).
      expect((await readHealth(first.ctx)).demoHistory).toBe('generating');
      expect(await first.db.prisma.case.count()).toBe(200);
    } finally {
      await first.close();
    }

    const second = await start(true);
    try {
      expect(second.logged.join('\n')).toContain(
        `demo history: ${HISTORY_CASES} cases over two years up to 2026-06-15T08:00:00.000Z (resumed after 200)`,
      );
      const health = await readHealth(second.ctx);
      expect(health.demoHistory).toBe('complete');
      const cases = await second.db.prisma.case.findMany({ select: { number: true, reportedAt: true } });
      expect(cases).toHaveLength(HISTORY_CASES);
      expect(new Set(cases.map((c) => c.reportedAt.getTime())).size).toBe(HISTORY_CASES);
      // Each year's numbers run 1…n without a gap or a repeat, as one uninterrupted seed numbers them.
      const byYear = new Map<string, typeof cases>();
      for (const c of cases)
        byYear.set(c.number.slice(0, 4), [...(byYear.get(c.number.slice(0, 4)) ?? []), c]);
      for (const [, yearCases] of byYear) {
        const numbers = yearCases.map((c) => Number(c.number.slice(5))).sort((a, b) => a - b);
        expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      }
      const counters = await second.db.prisma.caseCounter.findMany({ select: { year: true, last: true } });
      expect(Object.fromEntries(counters.map((c) => [String(c.year), c.last]))).toEqual(
        Object.fromEntries([...byYear].map(([year, list]) => [year, list.length])),
      );
      expect(await second.db.prisma.case.count({ where: { category: { code: 'other.admin_added' } } })).toBe(
        0,
      );
      const events = await second.db.prisma.caseEvent.groupBy({ by: ['caseId'], _count: true });
      expect(events).toHaveLength(HISTORY_CASES);
      const last = await second.db.prisma.case.findFirstOrThrow({
        orderBy: { reportedAt: 'desc' },
        select: { reportedAt: true },
      });
      expect(last.reportedAt.getTime()).toBeLessThanOrEqual(Date.parse('2026-06-15T16:00:00+08:00'));
      expect(last.reportedAt.getTime()).toBeGreaterThan(Date.parse('2026-06-15T08:00:00+08:00'));
    } finally {
      await second.close();
    }

    const third = await start(true);
    try {
      expect(third.logged.join('\n')).toContain('demo history already present');
      expect(await third.db.prisma.case.count()).toBe(HISTORY_CASES);
    } finally {
      await third.close();
    }
  }, 300_000);
});
