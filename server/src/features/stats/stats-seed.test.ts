// The demo history is bulk-inserted past the incremental path: its flow must fill the statistics,
// and the figures must then agree with the case list on that realistic data (suspensions, rework,
// escalations, a backlog of overdue cases).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '@gridgov/db';
import { TEST_PASSWORD } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { signedIn } from '../cases/cases-testing';
import { seedDemoHistory } from '../demo/demo-history';
import { countCaseList } from './stats-testing';

let app: TestApp;
let uploadDir: string;
let townLeader: HttpClient;
const HISTORY_CASES = 300;

beforeAll(async () => {
  uploadDir = await mkdtemp(join(tmpdir(), 'gridgov-stats-seed-'));
  app = await startTestApp({ UPLOAD_DIR: uploadDir });
  // PostgreSQL test runs share one database: the demo town may already be there from another file.
  if (!(await app.db.prisma.region.findUnique({ where: { code: '440881110' }, select: { id: true } }))) {
    await seedDemo(app.db.prisma, { password: TEST_PASSWORD });
  }
  // Pinned: the year ranges below are those of a history ending on 2026-11-28 (DEMO_ANCHOR's 16:00).
  await seedDemoHistory(app.ctx, { cases: HISTORY_CASES, end: new Date('2026-11-28T16:00:00+08:00') });
  townLeader = await signedIn(app, 'town01');
}, 300_000);
afterAll(async () => {
  await app?.close();
  if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
});

describe('statistics of the seeded demo history', () => {
  it.each([
    ['2024-11-28', '2025-11-28'],
    ['2025-11-29', '2026-11-28'],
  ])(
    'when the town leader asks for %s…%s, then received, open and overdue equal the case list',
    async (from, to) => {
      const res = await townLeader.get(`/api/stats/summary?from=${from}&to=${to}`);
      expect(res.status).toBe(200);
      const { figures } = res.body;
      expect(figures.received).toBe(await countCaseList(townLeader, { from, to }));
      expect(figures.open).toBe(
        await countCaseList(townLeader, { status: 'accepted,dispatched,in_progress,handled,suspended' }),
      );
      expect(figures.overdue).toBe(await countCaseList(townLeader, { overdue: 'true' }));
      expect(figures.closed).toBeGreaterThan(0);
      expect(figures.medianHandlingHours).not.toBeNull();
    },
  );

  it('when both years are added up, then every seeded case was received once', async () => {
    const years = await Promise.all(
      [
        ['2024-11-28', '2025-11-28'],
        ['2025-11-29', '2026-11-28'],
      ].map(([from, to]) => townLeader.get(`/api/stats/summary?from=${from}&to=${to}`)),
    );
    expect(years.reduce((sum, y) => sum + y.body.figures.received, 0)).toBe(HISTORY_CASES);
  });
});
