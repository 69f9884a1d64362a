// Whose phones the case page shows (issue 23): the resident's phone and the reporter's and assignee's
// phones are for those who act on the case; a colleague who merely sees the case in their grid gets
// them masked. Expected masks are written out by hand.
import { createStaff, createTestTown, type TestTown } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { report, signedIn } from './cases-testing';

const RESIDENT_PHONE = '13812345678';
const REPORTER_PHONE = '13987654321';

let app: TestApp;
let town: TestTown;
let reporterUsername: string;
let caseId: string;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  // A worker of grid [0][1] reports a case in grid [0][0], on behalf of a resident.
  const reporter = await createStaff(app.db.prisma, {
    regionId: town.townId,
    phone: REPORTER_PHONE,
    grids: [{ gridId: town.grids[0]![1]!.id, role: 'grid_worker' }],
  });
  reporterUsername = reporter.username;
  const res = await report(await signedIn(app, reporter.username), town, {
    location: town.pointIn(0, 0),
    onBehalfOf: { name: '李阿姨', phone: RESIDENT_PHONE },
  });
  if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  caseId = res.body.id;
});
afterAll(() => app?.close());

async function readAs(username: string) {
  const res = await (await signedIn(app, username)).get(`/api/cases/${caseId}`);
  expect(res.status).toBe(200);
  return res.body as { onBehalfOf: { phone: string }; reporter: { phone: string } };
}

describe('phones on the case page', () => {
  it('when a patroller of the case’s grid reads it, then the resident’s and the reporter’s phones are masked', async () => {
    const page = await readAs(town.patrollers[0]!.username);
    expect(page.onBehalfOf.phone).toBe('138****5678');
    expect(page.reporter.phone).toBe('139****4321');
  });

  it('when the village leader reads it, then both phones show in full', async () => {
    const page = await readAs(town.leaders[0]!.username);
    expect(page.onBehalfOf.phone).toBe(RESIDENT_PHONE);
    expect(page.reporter.phone).toBe(REPORTER_PHONE);
  });

  it('when the reporter reads it, then the resident’s phone shows in full', async () => {
    const page = await readAs(reporterUsername);
    expect(page.onBehalfOf.phone).toBe(RESIDENT_PHONE);
    expect(page.reporter.phone).toBe(REPORTER_PHONE);
  });
});
