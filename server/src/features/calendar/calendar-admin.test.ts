import { WORKING_HOURS_SETTING } from '@gridgov/db';
import { createStaff, createTestTown, nextUnique, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { act, report, signedIn } from '../cases/cases-testing';

let app: TestApp;
let town: TestTown;
let countyAdmin: HttpClient;
// A year far from any test's deadlines, so editing it cannot disturb tests running alongside.
const FAR_YEAR = 2098;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  const admin = await createStaff(app.db.prisma, { regionId: town.countyId, roles: [{ role: 'admin' }] });
  countyAdmin = await signedIn(app, admin.username);
});
afterAll(() => app?.close());

const spring = (year: number) => ({
  holidays: [
    { name: '春节', off: [`${year}-02-06`, `${year}-02-07`, `${year}-02-08`], workdays: [`${year}-02-14`] },
  ],
});

describe('calendar administration', () => {
  it('when not signed in 401; a grid worker 403; a town leader reads but may not write', async () => {
    expect((await app.client().get('/api/admin/calendar')).status).toBe(401);
    expect(
      (await app.client().request('PUT', `/api/admin/calendar/years/${FAR_YEAR}`, { body: spring(FAR_YEAR) }))
        .status,
    ).toBe(401);
    const worker = await signedIn(app, town.workers[0]![0]!.username);
    expect((await worker.get('/api/admin/calendar')).status).toBe(403);
    const leader = await signedIn(app, town.townLeader.username);
    const read = await leader.get('/api/admin/calendar');
    expect(read.status).toBe(200);
    expect(read.body.years.map((y: { year: number }) => y.year)).toEqual(
      expect.arrayContaining([2025, 2026]),
    );
    expect(read.body.workingHours.length).toBeGreaterThan(0);
    expect(
      (await leader.request('PUT', `/api/admin/calendar/years/${FAR_YEAR}`, { body: spring(FAR_YEAR) }))
        .status,
    ).toBe(403);
    // A town-level administrator does not edit the county's calendar either.
    const townAdmin = await signedIn(app, town.admin.username);
    expect(
      (
        await townAdmin.request('PUT', '/api/admin/calendar/working-hours', {
          body: { workingHours: [{ start: '09:00', end: '17:00' }] },
        })
      ).status,
    ).toBe(403);
  });

  it('when a town admin who leads the county tries to write, then 403 (the admin role is the town’s)', async () => {
    const mixed = await createStaff(app.db.prisma, {
      regionId: town.townId,
      roles: [{ role: 'admin' }, { role: 'town_leader', regionId: town.countyId }],
    });
    const client = await signedIn(app, mixed.username);
    expect((await client.get('/api/admin/calendar')).status).toBe(200);
    // The harmless year first: before the fix the write went through.
    expect(
      (
        await client.request('PUT', `/api/admin/calendar/years/${FAR_YEAR - 1}`, {
          body: spring(FAR_YEAR - 1),
        })
      ).status,
    ).toBe(403);
    expect(await app.db.prisma.calendarYear.count({ where: { year: FAR_YEAR - 1 } })).toBe(0);
    const hours = () =>
      app.db.prisma.setting.findUnique({ where: { key: WORKING_HOURS_SETTING }, select: { value: true } });
    const before = await hours();
    expect(
      (
        await client.request('PUT', '/api/admin/calendar/working-hours', {
          body: { workingHours: [{ start: '09:00', end: '17:00' }] },
        })
      ).status,
    ).toBe(403);
    expect(await hours()).toEqual(before);
  });

  it('when a county administrator enters a new year, then it is stored, listed and audited', async () => {
    const res = await countyAdmin.request('PUT', `/api/admin/calendar/years/${FAR_YEAR}`, {
      body: spring(FAR_YEAR),
    });
    expect(res.status).toBe(200);
    expect(res.body.years.find((y: { year: number }) => y.year === FAR_YEAR)).toEqual({
      year: FAR_YEAR,
      ...spring(FAR_YEAR),
    });
    const audit = await app.db.prisma.auditLog.findFirst({
      where: { entity: 'calendar_year', entityId: String(FAR_YEAR) },
      select: { action: true, after: true },
    });
    expect(audit?.action).toMatch(/^calendar\.year_(create|update)$/);
    expect(audit?.after).toEqual(spring(FAR_YEAR));
  });

  it('when a date lies outside the year, is both off and a workday, or is not a date, then 400 and nothing changes', async () => {
    const before = await app.db.prisma.calendarYear.findUnique({ where: { year: FAR_YEAR } });
    const outside = await countyAdmin.request('PUT', `/api/admin/calendar/years/${FAR_YEAR}`, {
      body: spring(FAR_YEAR + 1),
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.code).toBe('validation_failed');
    const both = {
      holidays: [
        { name: '春节', off: [`${FAR_YEAR}-02-06`], workdays: [] },
        { name: '补班', off: [], workdays: [`${FAR_YEAR}-02-06`] },
      ],
    };
    const conflict = await countyAdmin.request('PUT', `/api/admin/calendar/years/${FAR_YEAR}`, {
      body: both,
    });
    expect(conflict.status).toBe(400);
    expect(conflict.body.error.message).toContain('both');
    const notDate = await countyAdmin.request('PUT', `/api/admin/calendar/years/${FAR_YEAR}`, {
      body: { holidays: [{ name: 'x', off: [`${FAR_YEAR}-02-30`], workdays: [] }] },
    });
    expect(notDate.status).toBe(400);
    expect(
      (await countyAdmin.request('PUT', '/api/admin/calendar/years/1999', { body: spring(1999) })).status,
    ).toBe(400);
    const hours = await countyAdmin.request('PUT', '/api/admin/calendar/working-hours', {
      body: { workingHours: [{ start: '14:00', end: '12:00' }] },
    });
    expect(hours.status).toBe(400);
    expect(await app.db.prisma.calendarYear.findUnique({ where: { year: FAR_YEAR } })).toEqual(before);
  });

  it('when days off are added ahead, then new cases get later deadlines and accepted cases keep theirs', async () => {
    const category = `other.t${nextUnique()}`;
    await countyAdmin.post('/api/categories', {
      code: category,
      parentCode: 'other',
      name: '日历测试',
      nameEn: 'Calendar test',
      sla: { unit: 'working_days', amount: 2 },
      defaultPriority: 'normal',
      defaultHandler: 'grid_worker',
    });
    const leader = await signedIn(app, town.leaders[0]!.username);
    const worker = await signedIn(app, town.workers[0]![0]!.username);
    const first = (await report(worker, town, { categoryCode: category })).body;
    const firstDeadline: string = (await act(leader, first.id, { action: 'accept' })).body.deadline;
    // Every day of the next three weeks becomes a day off (only adding days off: deadlines elsewhere can
    // only move later while this runs). Each touched year is restored afterwards.
    const current = (await countyAdmin.get('/api/admin/calendar')).body.years as {
      year: number;
      holidays: unknown[];
    }[];
    const days = Array.from({ length: 21 }, (_, i) =>
      new Date(Date.now() + (i + 1) * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10),
    );
    const years = [...new Set(days.map((d) => Number(d.slice(0, 4))))];
    const saved = new Map(years.map((y) => [y, current.find((c) => c.year === y)?.holidays ?? null]));
    try {
      for (const year of years) {
        const original = (saved.get(year) ?? []) as { off: string[]; workdays: string[] }[];
        const taken = new Set(original.flatMap((h) => [...h.off, ...h.workdays]));
        const off = days.filter((d) => d.startsWith(`${year}-`) && !taken.has(d));
        const res = await countyAdmin.request('PUT', `/api/admin/calendar/years/${year}`, {
          body: { holidays: [...original, { name: '测试停工', off, workdays: [] }] },
        });
        expect(res.status).toBe(200);
      }
      const second = (await report(worker, town, { categoryCode: category })).body;
      const secondDeadline: string = (await act(leader, second.id, { action: 'accept' })).body.deadline;
      expect((await leader.get(`/api/cases/${first.id}`)).body.deadline).toBe(firstDeadline);
      expect(new Date(secondDeadline).getTime() - new Date(firstDeadline).getTime()).toBeGreaterThan(
        10 * 86_400_000,
      );
    } finally {
      for (const [year, holidays] of saved) {
        if (holidays)
          await countyAdmin.request('PUT', `/api/admin/calendar/years/${year}`, { body: { holidays } });
        else await app.db.prisma.calendarYear.delete({ where: { year } });
      }
    }
  });
});
