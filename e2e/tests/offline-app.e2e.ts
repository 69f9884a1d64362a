import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, artifactPath, baseUrl, launchBrowser, newIsolatedContext, signIn } from '../src/browser';

// Issue 14, first part: the field app installs (manifest, service worker) and opens from a cold start
// with the network cut, showing what the person last saw; signing out wipes what it kept.
type Browser = Awaited<ReturnType<typeof launchBrowser>>;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const PHONE = { width: 390, height: 844 };
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
/** The API paths the app's read cache holds. */
const cachedApiPaths = (page: Page) =>
  page.evaluate(async () => {
    const cache = await caches.open('gridgov-api');
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
  });

describe('the installable field app', () => {
  it('when gw001 has opened their work once, then the app opens with no network, and signing out wipes it', async () => {
    const context = await newIsolatedContext(browser, { viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, 'gw001');
    await expect.poll(() => page.url(), { timeout: 20_000 }).not.toContain('/login');

    // Installable: a manifest with the field name and icons, and a service worker in charge.
    const manifest = (await (await context.request.get(`${baseUrl()}/manifest.webmanifest`)).json()) as {
      short_name: string;
      display: string;
      icons: { sizes: string }[];
    };
    expect(manifest).toMatchObject({ short_name: '网格通', display: 'standalone' });
    expect(manifest.icons.map((i) => i.sizes)).toContain('512x512');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    // Online: the person reports a case in their grid, then opens their work and the case.
    const me = await apiAs<{ scope: { bbox: [number, number, number, number] } }>(page, 'GET', '/api/me');
    const [minLon, minLat, maxLon, maxLat] = me.scope.bbox;
    const reported = await apiAs<{ id: string; number: string }>(page, 'POST', '/api/cases', {
      categoryCode: 'sanitation.garbage',
      description: '离线测试：路边垃圾堆放',
      location: { lon: (minLon + maxLon) / 2, lat: (minLat + maxLat) / 2 },
    });
    await page.goto(`${baseUrl()}/tasks`);
    await page.getByRole('heading', { name: '我的待办', level: 1 }).waitFor({ timeout: 20_000 });
    await page.goto(`${baseUrl()}/cases/${reported.id}`);
    await page.getByText(reported.number).first().waitFor({ timeout: 15_000 });
    expect(await cacheNames(page)).toContain('gridgov-api');
    expect(await cachedApiPaths(page)).toEqual(
      expect.arrayContaining(['/api/me', '/api/inbox', `/api/cases/${reported.id}`]),
    );

    // No network, a cold start (a new tab): the shell comes from the service worker, the pages from
    // their last answers, and the person is told they are offline.
    await context.setOffline(true);
    await page.close();
    const cold = await context.newPage();
    await cold.goto(`${baseUrl()}/cases/${reported.id}`);
    await cold.getByText(reported.number).first().waitFor({ timeout: 20_000 });
    await cold.getByText('离线测试：路边垃圾堆放').first().waitFor({ timeout: 15_000 });
    await expect.poll(() => cold.getByText(/网络已断开/).count()).toBeGreaterThan(0);
    await cold.goto(`${baseUrl()}/tasks`);
    await cold.getByRole('heading', { name: '我的待办', level: 1 }).waitFor({ timeout: 20_000 });
    await cold
      .getByText(/我承办的事件/)
      .first()
      .waitFor({ timeout: 15_000 });
    await cold.screenshot({ path: artifactPath('offline-cold-start-phone.png'), fullPage: true });

    // Back online, signing out leaves nothing of this person in the app's caches.
    await context.setOffline(false);
    await cold.reload();
    await cold
      .getByRole('button', { name: /菜单|Menu/ })
      .first()
      .click();
    await cold.getByRole('button', { name: '退出登录' }).click();
    await cold.waitForURL((url) => url.pathname.startsWith('/login'), { timeout: 20_000 });
    // (The login page's own reads, such as the public configuration, may be cached again.)
    const kept = await cachedApiPaths(cold);
    expect(kept.filter((path) => /^\/api\/(me|inbox|cases|staff|grids|regions)/.test(path))).toEqual([]);
    await context.close();
  });
});
