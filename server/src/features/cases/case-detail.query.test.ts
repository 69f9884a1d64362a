// The case page's one statement must read exactly what Prisma's reading of the same relations reads,
// and apply the same phone rule, on cases that exercise every part of it: photos, a timeline with
// assignees, a pending extension, an escalation, a suspension, rework, a duplicate, a resident's
// phone, a case closed outside every grid — and a case that does not exist. Run in China's time zone.
import { createTestTown, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActorScope } from '../../lib/auth/scope';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { caseDetailSql } from './case-detail.query';
import { findCaseDetail, findCaseDetailView } from './cases.repository';
import { act, report, signedIn, uploadPhoto } from './cases-testing';

let app: TestApp;
let town: TestTown;
let other: TestTown;
let worker: HttpClient;
let leader: HttpClient;
let townLeader: HttpClient;
const caseIds: string[] = [];
const originalTz = process.env.TZ;

beforeAll(async () => {
  // A server in China: a timestamp read as local time would shift by eight hours here.
  process.env.TZ = 'Asia/Shanghai';
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  other = await createTestTown(app.db.prisma);
  worker = await signedIn(app, town.workers[0]![0]!.username);
  leader = await signedIn(app, town.leaders[0]!.username);
  townLeader = await signedIn(app, town.townLeader.username);

  const ok = async (res: Promise<{ status: number; body: { id: string; deadline?: string } }>) => {
    const done = await res;
    if (done.status >= 300) throw new Error(`${done.status} ${JSON.stringify(done.body)}`);
    return done.body;
  };
  // Reported with photos and a resident's phone; accepted, started, handled with a photo, returned, escalated.
  const photos = [await uploadPhoto(worker), await uploadPhoto(worker)];
  const reworked = await ok(
    report(worker, town, { photoIds: photos, onBehalfOf: { name: '李阿姨', phone: '13812345678' } }),
  );
  await ok(act(leader, reworked.id, { action: 'accept' }));
  await ok(act(worker, reworked.id, { action: 'start' }));
  await ok(
    act(worker, reworked.id, { action: 'feedback', note: '已清理', photoIds: [await uploadPhoto(worker)] }),
  );
  await ok(act(leader, reworked.id, { action: 'return', note: '仍有残留' }));
  await ok(act(townLeader, reworked.id, { action: 'escalate', note: '请三天内处理完毕' }));
  // A pending extension.
  const extended = await ok(report(worker, town));
  const accepted = await ok(act(leader, extended.id, { action: 'accept' }));
  const wanted = new Date(new Date(accepted.deadline!).getTime() + 86_400_000);
  await ok(
    act(worker, extended.id, {
      action: 'request_extension',
      note: '需等待配件',
      deadline: wanted.toISOString(),
    }),
  );
  // Suspended.
  const suspended = await ok(report(worker, town, { location: town.pointIn(1, 1) }));
  await ok(act(townLeader, suspended.id, { action: 'accept' }));
  await ok(act(townLeader, suspended.id, { action: 'suspend', note: '等待村委协调' }));
  // A duplicate of the first, and a case of another town.
  const copy = await ok(report(worker, town));
  await ok(act(leader, copy.id, { action: 'mark_duplicate', duplicateOfId: reworked.id }));
  const elsewhere = await ok(report(await signedIn(app, other.workers[0]![0]!.username), other));
  // An event written by Prisma without photos, as boundary edits write theirs: NULL, read as [].
  await app.db.prisma.caseEvent.create({
    data: {
      caseId: elsewhere.id,
      townId: other.townId,
      seq: 2,
      kind: 'regrid',
      actorId: other.townLeader.id,
      fromStatus: 'reported',
      toStatus: 'reported',
      note: 'a → b',
      data: { fromGridCode: 'a', toGridCode: 'b' },
    },
  });
  // Reported outside every grid, then handled and verified: closed.
  const closed = await ok(
    report(worker, town, { location: { lon: town.origin[0] - 0.002, lat: town.origin[1] + 0.005 } }),
  );
  await ok(act(leader, closed.id, { action: 'accept' }));
  await ok(act(worker, closed.id, { action: 'start' }));
  await ok(
    act(worker, closed.id, { action: 'feedback', note: '已清理', photoIds: [await uploadPhoto(worker)] }),
  );
  await ok(act(leader, closed.id, { action: 'verify', note: '核查属实' }));
  caseIds.push(reworked.id, extended.id, suspended.id, copy.id, elsewhere.id, closed.id);
}, 120_000);
afterAll(async () => {
  process.env.TZ = originalTz;
  await app?.close();
});

async function viewer(username: string) {
  const { id } = await app.db.prisma.staff.findUniqueOrThrow({ where: { username }, select: { id: true } });
  return { id, ...(await loadActorScope(app.db.prisma, id)) };
}

type Viewer = Awaited<ReturnType<typeof viewer>>;

/**
 * Whose phones the viewer sees in full, worked out in memory from rows read with Prisma — not with
 * `staffVisibleSql`, which the statement under test embeds: the viewer, people of the viewer's towns
 * (town and county scope), and people with a current (not ended) assignment to a grid in scope.
 */
async function expectedVisibleIds(actor: Viewer, ids: string[]): Promise<string[]> {
  const staff = await app.db.prisma.staff.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      regionId: true,
      assignments: { select: { endedAt: true, gridId: true, grid: { select: { townId: true } } } },
    },
  });
  const { scope } = actor;
  const isGridInScope = (a: { gridId: string; grid: { townId: string } }) =>
    scope.level === 'grids' ? scope.gridIds.includes(a.gridId) : scope.townIds.includes(a.grid.townId);
  return staff
    .filter(
      (s) =>
        s.id === actor.id ||
        (scope.level !== 'grids' && scope.townIds.includes(s.regionId)) ||
        s.assignments.some((a) => a.endedAt === null && isGridInScope(a)),
    )
    .map((s) => s.id)
    .sort();
}

describe('case detail statement', () => {
  it.each([
    ['the grid worker', () => town.workers[0]![0]!.username],
    ['the town leader', () => town.townLeader.username],
    ['a worker of another grid', () => town.workers[1]![1]!.username],
    ['a worker of another town', () => other.workers[0]![0]!.username],
  ])(
    'when %s reads each case, then it equals the Prisma reading with the same phones visible',
    async (_, who) => {
      const actor = await viewer(who());
      for (const id of caseIds) {
        const view = await findCaseDetailView(app.ctx.sql, caseDetailSql(actor, id));
        const reference = await findCaseDetail(app.db.prisma, id);
        expect(view, id).not.toBeNull();
        const byId = <T extends { id: string }>(list: T[]) =>
          [...list].sort((a, b) => a.id.localeCompare(b.id));
        expect({ ...view!.row, uploads: byId(view!.row.uploads) }).toEqual({
          ...reference!,
          uploads: byId(reference!.uploads),
        });
        const people = [
          reference!.reporterId,
          reference!.assigneeId,
          reference!.escalatedById,
          reference!.extensionById,
          ...reference!.events.flatMap((e) => [e.actor.id, e.assignee?.id]),
        ].filter((p): p is string => Boolean(p));
        expect([...view!.staffById.keys()].sort()).toEqual([...new Set(people)].sort());
        expect([...view!.visibleStaffIds].sort()).toEqual(
          await expectedVisibleIds(actor, [...new Set(people)]),
        );
        const duplicate = reference!.duplicateOfId
          ? await app.db.prisma.case.findUniqueOrThrow({
              where: { id: reference!.duplicateOfId },
              select: {
                id: true,
                number: true,
                gridId: true,
                townId: true,
                reporterId: true,
                assigneeId: true,
              },
            })
          : null;
        expect(view!.duplicateOf).toEqual(duplicate);
      }
    },
  );

  it('covers what it claims: photos, rework, escalation, extension, suspension, a duplicate, a resident, closed outside every grid, an event without photos', async () => {
    const rows = await Promise.all(caseIds.map((id) => findCaseDetail(app.db.prisma, id)));
    expect(rows.some((r) => r!.uploads.length === 3 && r!.reworkCount === 1 && r!.isEscalated)).toBe(true);
    expect(rows.some((r) => r!.extensionById !== null)).toBe(true);
    expect(rows.some((r) => r!.status === 'suspended' && r!.resumeStatus !== null)).toBe(true);
    expect(rows.some((r) => r!.duplicateOfId !== null)).toBe(true);
    expect(rows.some((r) => r!.onBehalfPhone === '13812345678')).toBe(true);
    expect(rows.some((r) => r!.status === 'closed' && r!.closedAt !== null && r!.isOutsideGrid)).toBe(true);
    const nullPhotos = await app.db.sql.query<{ n: number }>({
      text: `SELECT count(*)::int AS n FROM "CaseEvent" WHERE "photoIds" IS NULL AND "caseId" = ANY($1::uuid[])`,
      values: [caseIds],
    });
    expect(nullPhotos[0]!.n).toBeGreaterThan(0);
  });

  it('when the grid worker reads the reworked case, then the village leader’s phone shows and the town leader’s (no grid of theirs) does not', async () => {
    const actor = await viewer(town.workers[0]![0]!.username);
    const view = await findCaseDetailView(app.ctx.sql, caseDetailSql(actor, caseIds[0]!));
    expect(view!.staffById.has(town.townLeader.id)).toBe(true);
    expect(view!.visibleStaffIds.has(town.leaders[0]!.id)).toBe(true);
    expect(view!.visibleStaffIds.has(town.townLeader.id)).toBe(false);
  });

  it('when the case does not exist, then there is no row', async () => {
    const actor = await viewer(town.townLeader.username);
    await expect(
      findCaseDetailView(app.ctx.sql, caseDetailSql(actor, '01a227e7-0000-7000-8000-000000000000')),
    ).resolves.toBeNull();
  });
});
