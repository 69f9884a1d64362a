import { createTestTown, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../testing/test-app';
import { act, report, signedIn } from './cases-testing';

let app: TestApp;
let town: TestTown;
let townLeader: HttpClient;
let dueDay: string;
let acceptedId: string;
let reportedOnlyId: string;

const chinaDay = (iso: string, addDays = 0) =>
  new Date(Date.parse(iso) + 8 * 3_600_000 + addDays * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  townLeader = await signedIn(app, town.townLeader.username);
  const worker = await signedIn(app, town.workers[0]![0]!.username);
  acceptedId = (await report(worker, town)).body.id;
  reportedOnlyId = (await report(worker, town)).body.id;
  const accepted = await act(townLeader, acceptedId, { action: 'accept' });
  dueDay = chinaDay(accepted.body.deadline);
});
afterAll(() => app?.close());

const ids = async (query: string) => {
  const res = await townLeader.get(`/api/cases?${query}`);
  expect(res.status).toBe(200);
  return res.body.items.map((c: { id: string }) => c.id);
};

describe('GET /api/cases?dueFrom=&dueTo= (deadline in these local days)', () => {
  it('when the window holds the deadline’s day, then the case is listed and cases without deadline are not', async () => {
    const found = await ids(`dueFrom=${dueDay}&dueTo=${dueDay}`);
    expect(found).toContain(acceptedId);
    expect(found).not.toContain(reportedOnlyId);
  });

  it('when the window ends the day before or starts the day after, then the case is not listed', async () => {
    expect(await ids(`dueTo=${chinaDay(`${dueDay}T00:00:00+08:00`, -1)}`)).not.toContain(acceptedId);
    expect(await ids(`dueFrom=${chinaDay(`${dueDay}T00:00:00+08:00`, 1)}`)).not.toContain(acceptedId);
  });

  it('when a due date is not a date, then 400 in the shared error shape', async () => {
    const res = await townLeader.get('/api/cases?dueFrom=today');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
});

describe('GET /api/cases?from= (reported since a local day)', () => {
  it('when from is today, then today’s reports are listed; from tomorrow, none', async () => {
    const today = chinaDay(new Date().toISOString());
    expect(await ids(`from=${today}`)).toEqual(expect.arrayContaining([acceptedId, reportedOnlyId]));
    expect(await ids(`from=${chinaDay(new Date().toISOString(), 1)}`)).toEqual([]);
  });
});
