// Issue 12 item 5: text people type must reach the screen as text. Markup is planted in every name and
// free-text field a user can write (through the API, as the admin and a town leader would), then every
// page that shows them is opened: the markup must be there literally, and no element, request or
// dialog may come from it. The CSP would stop the `onerror` script anyway, so the proof is the DOM:
// no <img src="x">, no <b>粗体</b>, no request for /x, no CSP refusal.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type APIRequestContext, type APIResponse, type Browser, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, baseUrl, launchBrowser, newIsolatedContext, signIn } from '../src/browser';

const MARKUP = '<img src=x onerror=alert(1)><b>粗体</b>';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'GridGov@2026';
/** A year nobody's deadlines fall in, so the planted holiday changes no SLA of the other files. */
const HOLIDAY_YEAR = 2099;

type Api = {
  get: <T>(path: string) => Promise<T>;
  /** JSON, or GeoJSON when `type` says so (the grid import reads only application/geo+json). */
  send: <T>(method: 'POST' | 'PATCH' | 'PUT', path: string, data: unknown, type?: string) => Promise<T>;
  dispose: () => Promise<void>;
};

/** Signs in over HTTP the way the page does: a CSRF token first, a fresh one after sign-in. */
async function signInApi(username: string): Promise<Api> {
  const context: APIRequestContext = await request.newContext({ baseURL: baseUrl() });
  const readToken = async () =>
    ((await (await context.get('/api/auth/csrf')).json()) as { token: string }).token;
  let token = await readToken();
  const login = await context.post('/api/auth/login', {
    data: { username, password: PASSWORD },
    headers: { 'X-CSRF-Token': token },
  });
  expect(login.status(), `sign-in of ${username}`).toBe(200);
  token = await readToken();
  const check = async <T>(path: string, res: APIResponse): Promise<T> => {
    if (!res.ok()) throw new Error(`${path} answered ${res.status()}: ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    get: async <T>(path: string) => check<T>(path, await context.get(path)),
    send: async <T>(method: string, path: string, data: unknown, type = 'application/json') =>
      check<T>(
        path,
        await context.fetch(path, {
          method,
          data: JSON.stringify(data),
          headers: { 'X-CSRF-Token': token, 'Content-Type': type },
        }),
      ),
    dispose: () => context.dispose(),
  };
}

type Ring = [number, number][];
type GridFeature = {
  id: string;
  geometry: { coordinates: Ring[] };
  properties: { code: string; name: string };
};

function isInsideRing([x, y]: [number, number], ring: Ring): boolean {
  let isInside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) isInside = !isInside;
  }
  return isInside;
}

/** Where Leaflet's fitBounds (symmetric padding) centres a box: the middle in Web Mercator. */
function mercatorCentre([west, south, east, north]: [number, number, number, number]): [number, number] {
  const toY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const y = (toY(south) + toY(north)) / 2;
  return [(west + east) / 2, ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI];
}

type Planted = {
  gridId: string;
  oldGridName: string;
  gridName: string;
  importedGridId: string;
  oldImportedGridName: string;
  importedGridName: string;
  categoryCode: string;
  categoryName: string;
  staffId: string;
  staffName: string;
  staffUsername: string;
  caseId: string;
  holidayName: string;
};

let browser: Browser;
let admin: Api;
let leader: Api;
let planted: Planted;

/** Everything a user can name, with markup in it; the grid is the one under the command map's centre. */
async function plantMarkup(): Promise<Planted> {
  const me = await leader.get<{ scope: { bbox: [number, number, number, number] } }>('/api/me');
  const centre = mercatorCentre(me.scope.bbox);
  const { features } = await leader.get<{ features: GridFeature[] }>('/api/grids.geojson');
  const grid = features.find((f) => isInsideRing(centre, f.geometry.coordinates[0]!));
  if (!grid) throw new Error(`no grid holds the map's centre ${centre.join(', ')}`);
  const unique = Date.now().toString(36);

  const gridName = `${MARKUP}网格`;
  await admin.send('PATCH', `/api/admin/grids/${grid.id}`, { name: gridName });
  const { town } = await admin.get<{ town: { id: string } }>(`/api/grids/${grid.id}`);
  // Another grid of the town is renamed the other way an admin can: a GeoJSON file, exported and re-imported.
  const exported = await admin.get<{ features: { properties: { code: string; name: string } }[] }>(
    '/api/admin/grids/export',
  );
  const townCode = grid.properties.code.slice(0, 9);
  const other = exported.features.find(
    (f) => f.properties.code.startsWith(townCode) && f.properties.code !== grid.properties.code,
  )!;
  const importedGridName = `${MARKUP}导入`;
  await admin.send(
    'POST',
    '/api/admin/grids/import',
    {
      type: 'FeatureCollection',
      features: [{ ...other, properties: { ...other.properties, name: importedGridName } }],
    },
    'application/geo+json',
  );
  const { items: grids } = await admin.get<{ items: { id: string; code: string }[] }>('/api/grids');

  const categoryCode = `xss_${unique}`;
  const categoryName = `${MARKUP}类`;
  await admin.send('POST', '/api/categories', {
    code: categoryCode,
    name: categoryName,
    nameEn: `${MARKUP} type`,
    sla: { unit: 'working_days', amount: 3 },
    defaultPriority: 'normal',
    defaultHandler: 'grid_worker',
    fields: [{ key: 'detail', label: `${MARKUP}项`, labelEn: `${MARKUP} item`, type: 'text' }],
  });

  const staffName = `${MARKUP}员`;
  const staffUsername = `xss${unique}`;
  const staff = await admin.send<{ id: string }>('POST', '/api/admin/staff', {
    name: staffName,
    phone: `139${String(Date.now()).slice(-8)}`,
    username: staffUsername,
    townId: town.id,
    // A town leader may be given any case of the town (grid roles have one holder each in the seed).
    roles: ['town_leader'],
  });

  const reported = await leader.send<{ id: string; version: number }>('POST', '/api/cases', {
    categoryCode,
    description: `${MARKUP}描述`,
    gridId: grid.id,
    location: { lon: centre[0], lat: centre[1] },
    address: `${MARKUP}地址`,
    onBehalfOf: { name: `${MARKUP}代`, phone: '13800138000' },
    extra: { detail: `${MARKUP}值` },
  });
  // Accepting may hand the case to the grid's worker at once; then it is reassigned instead.
  const accepted = await leader.send<{ version: number; status: string }>(
    'POST',
    `/api/cases/${reported.id}/actions`,
    { action: 'accept', version: reported.version },
  );
  await leader.send('POST', `/api/cases/${reported.id}/actions`, {
    action: accepted.status === 'accepted' ? 'dispatch' : 'reassign',
    version: accepted.version,
    assigneeId: staff.id,
    note: `${MARKUP}派`,
  });
  // The person leaves: the case goes to the grid leader with the handover note on its timeline.
  await admin.send('POST', `/api/admin/staff/${staff.id}/handover`, {
    status: 'departed',
    mode: 'grid_leader',
    note: `${MARKUP}交接`,
  });
  // Unique, so a second run on the same database still changes the year (and writes the audit).
  const holidayName = `${MARKUP}节${unique}`;
  await admin.send('PUT', `/api/admin/calendar/years/${HOLIDAY_YEAR}`, {
    holidays: [{ name: holidayName, off: [`${HOLIDAY_YEAR}-10-08`], workdays: [] }],
  });
  return {
    gridId: grid.id,
    oldGridName: grid.properties.name,
    gridName,
    importedGridId: grids.find((g) => g.code === other.properties.code)!.id,
    oldImportedGridName: other.properties.name,
    importedGridName,
    categoryCode,
    categoryName,
    staffId: staff.id,
    staffName,
    staffUsername,
    caseId: reported.id,
    holidayName,
  };
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await signInApi('admin');
  leader = await signInApi('town01');
  planted = await plantMarkup();
});
afterAll(async () => {
  // Files share one database: give the grid its name back for the tests that come after.
  if (planted) {
    await admin.send('PATCH', `/api/admin/grids/${planted.gridId}`, { name: planted.oldGridName });
    await admin.send('PATCH', `/api/admin/grids/${planted.importedGridId}`, {
      name: planted.oldImportedGridName,
    });
  }
  await admin?.dispose();
  await leader?.dispose();
  await browser?.close();
});

type Watched = { page: Page; problems: string[] };

/** A signed-in page that records any dialog, request for the planted image, or CSP refusal. */
async function openWatched(username: string): Promise<Watched> {
  const context = await newIsolatedContext(browser, { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (req) => {
    if (new URL(req.url()).pathname === '/x') problems.push(`request: ${req.url()}`);
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  await signIn(page, username);
  await expect.poll(() => page.url(), { timeout: 20_000 }).not.toContain('/login');
  return { page, problems };
}

/** Text of the page (and of its form fields, where names are edited) once it shows every expected piece. */
async function expectShownAsText(page: Page, expected: readonly string[], where: string) {
  const readAll = () =>
    page.evaluate(() => {
      const values = Array.from(document.querySelectorAll('input, textarea')).map(
        (field) => (field as HTMLInputElement).value,
      );
      return [document.body.textContent, ...values].join('\n');
    });
  await expect
    .poll(
      async () => {
        const shown = await readAll();
        return expected.filter((piece) => !shown.includes(piece));
      },
      {
        timeout: 20_000,
        message: `${where}: every planted text is shown`,
      },
    )
    .toEqual([]);
  const elements = await page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"], img[onerror]').length,
    bold: Array.from(document.querySelectorAll('b')).filter((b) => b.textContent?.includes('粗体')).length,
  }));
  expect(elements, `${where}: no element made from the markup`).toEqual({ images: 0, bold: 0 });
}

describe('user text on the screen (markup planted in every name field)', () => {
  it('when a grid is named with markup, then the command map tooltip, grid panel and case card show it as text', async () => {
    const { page, problems } = await openWatched('town01');
    // Cases hidden: the middle of the map is then the planted grid, not a cluster.
    await page.goto(`${baseUrl()}/?layers=grids,villages`);
    const map = page.locator('.leaflet-container');
    await expect
      .poll(() => page.getByTestId('grid-map').getAttribute('data-grid-count'), { timeout: 30_000 })
      .not.toBe('0');
    await page.waitForTimeout(800);
    const box = (await map.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x - 8, y - 8);
    await page.mouse.move(x, y, { steps: 4 });
    // On the way the pointer may cross a neighbour, whose tooltip is still fading out. '粗体' is text
    // whether or not the name became markup, so the failure says which.
    const tooltip = page.locator('.leaflet-tooltip.grid-hover', { hasText: '粗体' });
    await tooltip.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: artifactPath('escaping-map-tooltip.png') });
    expect(await tooltip.locator('img, b').count(), 'elements made from the grid name').toBe(0);
    expect(await tooltip.textContent()).toContain(planted.gridName);
    await expectShownAsText(page, [planted.gridName], 'command map tooltip');

    await page.goto(`${baseUrl()}/?grid=${planted.gridId}`);
    await expectShownAsText(page, [planted.gridName, planted.categoryName], 'grid panel');
    await page.goto(`${baseUrl()}/?case=${planted.caseId}`);
    await expectShownAsText(page, [`${MARKUP}描述`], 'case card on the map');
    expect(problems).toEqual([]);
  });

  it('when a case carries markup in every text, then the case list and case page show it as text', async () => {
    const { page, problems } = await openWatched('town01');
    await page.goto(`${baseUrl()}/cases?gridId=${planted.gridId}`);
    await expectShownAsText(page, [`${MARKUP}描述`, planted.categoryName], 'case list');
    await page.goto(`${baseUrl()}/cases/${planted.caseId}`);
    await expectShownAsText(
      page,
      [
        `${MARKUP}描述`,
        `${MARKUP}地址`,
        `${MARKUP}代`,
        `${MARKUP}项`,
        `${MARKUP}值`,
        `${MARKUP}派`,
        `${MARKUP}交接`,
        planted.gridName,
        planted.categoryName,
        planted.staffName,
      ],
      'case page',
    );
    await page.screenshot({ path: artifactPath('escaping-case-page.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('when names hold markup, then the statistics breakdowns and the organisation tree show them as text', async () => {
    const { page, problems } = await openWatched('town01');
    await page.goto(`${baseUrl()}/stats?by=grid`);
    await expectShownAsText(page, [planted.gridName], 'stats by grid');
    await page.goto(`${baseUrl()}/stats?by=category`);
    await expectShownAsText(page, [planted.categoryName], 'stats by category');
    await page.goto(`${baseUrl()}/hierarchy?search=${encodeURIComponent('粗体')}`);
    await expectShownAsText(page, [planted.gridName], 'organisation tree');
    expect(problems).toEqual([]);
  });

  it('when names hold markup, then the staff, audit, grid, category and calendar administration show them as text', async () => {
    const { page, problems } = await openWatched('admin');
    await page.goto(`${baseUrl()}/admin/staff?q=${planted.staffUsername}`);
    await expectShownAsText(page, [planted.staffName], 'staff list');
    await page.goto(`${baseUrl()}/admin/staff/${planted.staffId}`);
    await expectShownAsText(page, [planted.staffName], 'staff page');
    await page.goto(`${baseUrl()}/admin/audit`);
    await expectShownAsText(
      page,
      [
        planted.gridName,
        planted.importedGridName,
        planted.staffName,
        planted.categoryName,
        planted.holidayName,
      ],
      'audit log',
    );
    await page.goto(`${baseUrl()}/admin/grids?grid=${planted.gridId}`);
    await expectShownAsText(page, [planted.gridName, planted.importedGridName], 'grid administration');
    await page.goto(`${baseUrl()}/admin/categories`);
    await expectShownAsText(page, [planted.categoryName], 'category administration');
    await page.goto(`${baseUrl()}/admin/calendar?year=${HOLIDAY_YEAR}`);
    await expectShownAsText(page, [planted.holidayName], 'calendar administration');
    expect(problems).toEqual([]);
  });

  it('when a roster file holds markup in its name and cells, then the import check shows them as text', async () => {
    const { page, problems } = await openWatched('admin');
    // A file name cannot hold '/', so its markup has no closing tag.
    const fileName = '<img src=x onerror=alert(1)><b>粗体<b>.csv';
    const tooLongName = `${MARKUP}${'名'.repeat(10)}`;
    const path = join(mkdtempSync(join(tmpdir(), 'gridgov-escaping-')), fileName);
    const header = '姓名,手机号,用户名,角色,所属村,网格编码,是否党员';
    writeFileSync(path, `\uFEFF${header}\r\n${tooLongName},13900000999,,巡防员,${MARKUP},,否\r\n`);
    await page.goto(`${baseUrl()}/admin/import`);
    await page.getByLabel('名单文件（.xlsx 或 .csv，最多 20000 行）').setInputFiles(path);
    await page.getByRole('button', { name: '上传并检查' }).click();
    await page.getByText('发现问题').waitFor({ timeout: 30_000 });
    await expectShownAsText(page, [fileName, tooLongName, MARKUP], 'roster import check');
    expect(problems).toEqual([]);
  });
});
