import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, artifactPath, baseUrl, launchBrowser, openSignedIn } from '../src/browser';

// Issue 20, the work inbox: a grid leader's 我的待办 shows a newly reported case within seconds (live),
// they accept it from there, and it lands in the grid worker's inbox and navigation count.
type Browser = Awaited<ReturnType<typeof launchBrowser>>;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const openAs = (username: string, viewport = { width: 1280, height: 900 }) =>
  openSignedIn(browser, username, viewport);

describe('the work inbox', () => {
  it('when gw001 reports, then gl01’s inbox shows it live, gl01 accepts it, and it is in gw001’s inbox', async () => {
    const leader = await openAs('gl01');
    await leader.goto(`${baseUrl()}/tasks`);
    await leader.getByRole('heading', { name: '我的待办', level: 1 }).waitFor({ timeout: 20_000 });
    const toAccept = leader.getByRole('region', { name: /待受理/ });
    await toAccept.waitFor({ timeout: 20_000 });
    const before = Number(await leader.getByTestId('inbox-count-to_accept').textContent());

    // The worker reports in their own grid (the middle of the area their map opens on).
    const worker = await openAs('gw001', { width: 390, height: 844 });
    const me = await apiAs<{ scope: { bbox: [number, number, number, number] } }>(worker, 'GET', '/api/me');
    const [minLon, minLat, maxLon, maxLat] = me.scope.bbox;
    const reported = await apiAs<{ id: string; number: string }>(worker, 'POST', '/api/cases', {
      categoryCode: 'sanitation.garbage',
      description: '待办测试：村口垃圾桶满溢',
      location: { lon: (minLon + maxLon) / 2, lat: (minLat + maxLat) / 2 },
    });

    // Live: no reload, within a few seconds.
    const link = toAccept.getByRole('link', { name: reported.number });
    await link.waitFor({ timeout: 5_000 });
    await expect
      .poll(async () => Number(await leader.getByTestId('inbox-count-to_accept').textContent()))
      .toBe(before + 1);
    await leader.screenshot({ path: artifactPath('inbox-leader-1280.png'), fullPage: true });

    // One tap to the case, accept it there.
    await link.click();
    await leader.getByRole('button', { name: '受理立案', exact: true }).click();
    await leader.getByRole('button', { name: '确认', exact: true }).click();
    await expect
      .poll(() => leader.getByTestId('case-status').first().getAttribute('data-status'), { timeout: 15_000 })
      .toBe('dispatched');

    // The worker's inbox and navigation count now hold it.
    await worker.goto(`${baseUrl()}/tasks`);
    const newly = worker.getByRole('region', { name: /新派给我/ });
    await newly.getByRole('link', { name: reported.number }).waitFor({ timeout: 15_000 });
    await expect
      .poll(async () =>
        Number((await worker.getByTestId('nav-badge').first().textContent())?.match(/\d+/)?.[0]),
      )
      .toBeGreaterThanOrEqual(1);
    await worker.screenshot({ path: artifactPath('inbox-worker-phone.png'), fullPage: true });
  });
});
