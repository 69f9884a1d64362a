import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestTown, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { act, report, signedIn } from '../cases/cases-testing';
import { rebuildStats } from './stats-rebuild';
import { type Cast, type Fate, playCase, statsSnapshot } from './stats-testing';

let app: TestApp;
let town: TestTown;
let cast: Cast;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  cast = {
    worker: await signedIn(app, town.workers[0]![0]!.username),
    leader: await signedIn(app, town.leaders[0]!.username),
    townLeader: await signedIn(app, town.townLeader.username),
  };
}, 60_000);
afterAll(() => app?.close());

describe('rebuilding the statistics from the cases', () => {
  it('when every kind of case change went through the incremental path, then a rebuild gives the same rows', async () => {
    const fates: Fate[] = [
      'closed',
      'closed_reworked',
      'closed_suspended',
      'overdue',
      'suspended',
      'escalated',
      'rejected',
      'handled',
    ];
    for (const fate of fates) await playCase(app, town, cast, { v: 0, g: 0 }, fate);
    // Reassignment moves a case's counts from one person to another; cancelling and marking a
    // duplicate take a case out of "due to close".
    const moved = await playCase(app, town, cast, { v: 0, g: 0 }, 'accepted');
    const leader: HttpClient = cast.leader;
    const bulk = await leader.post('/api/cases/bulk-dispatch', {
      assigneeId: town.leaders[0]!.id,
      cases: [{ id: moved, version: (await leader.get(`/api/cases/${moved}`)).body.version }],
    });
    expect(bulk.status).toBe(200);
    const cancelled = await playCase(app, town, cast, { v: 0, g: 0 }, 'accepted');
    expect((await act(leader, cancelled, { action: 'cancel', note: '当事人已自行解决' })).status).toBe(200);
    const original = await playCase(app, town, cast, { v: 0, g: 0 }, 'reported');
    const duplicate = (await report(cast.worker, town)).body.id;
    expect((await act(leader, duplicate, { action: 'mark_duplicate', duplicateOfId: original })).status).toBe(
      200,
    );

    const incremental = await statsSnapshot(app, town.townId);
    expect(incremental.length).toBeGreaterThan(10);
    const result = await rebuildStats(app.db.prisma, { townIds: [town.townId] });
    expect(result).toMatchObject({ towns: 1, cases: 12 });
    expect(await statsSnapshot(app, town.townId)).toEqual(incremental);
  }, 120_000);

  it('when a database from before the span rows is migrated, then the migration fills the same span rows', async () => {
    const incremental = await statsSnapshot(app, town.townId);
    await app.db.prisma.statsDaily.deleteMany({ where: { level: { gte: 10 } } });
    expect((await statsSnapshot(app, town.townId)).length).toBeLessThan(incremental.length);
    const migration = await readFile(
      join(import.meta.dirname, '../../../../prisma/migrations/20261129213500_stats_span_rows/migration.sql'),
      'utf8',
    );
    await app.db.prisma.$executeRawUnsafe(migration);
    expect(await statsSnapshot(app, town.townId)).toEqual(incremental);
  }, 60_000);

  it('when the statistics were rebuilt, then later changes keep adding to the rebuilt rows correctly', async () => {
    await playCase(app, town, cast, { v: 0, g: 0, categoryCode: 'roads.damage' }, 'closed');
    const incremental = await statsSnapshot(app, town.townId);
    await rebuildStats(app.db.prisma, { townIds: [town.townId] });
    expect(await statsSnapshot(app, town.townId)).toEqual(incremental);
  }, 60_000);
});
