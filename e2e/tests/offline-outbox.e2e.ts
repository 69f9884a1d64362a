import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, artifactPath, baseUrl, launchBrowser, newIsolatedContext, signIn } from '../src/browser';

// Issue 14, second part: a report made with no network waits in the outbox (IndexedDB) with its
// photos, survives a reload, and is sent exactly once when the network returns.
type Browser = Awaited<ReturnType<typeof launchBrowser>>;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const PHONE = { width: 390, height: 844 };
// A 48×36 green PNG: a real image, so the server's content check and re-encoding accept it.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAADAAAAAkCAIAAABAJy5dAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAUElEQVRYhe2WQQ0AQAzC5glx9YTKk8E9mkwAIdBxKV/dzRVEQehQzVBsGXP8RDCiQzVDsWXMIRQHGjpUMxRbhhxCMNbXEZ8rzo/up1n+HGgP4ov3eaX8RHwAAAAASUVORK5CYII=',
  'base64',
);

describe('the offline outbox', () => {
  it('when gw001 reports a case with two photos offline and reloads, then going online sends it once, with its photos', async () => {
    const context = await newIsolatedContext(browser, { viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, 'gw001');
    await expect.poll(() => page.url(), { timeout: 20_000 }).not.toContain('/login');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // Online once: the form and what it reads (categories, grids, configuration) are cached.
    await page.goto(`${baseUrl()}/cases/new`);
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await page.getByLabel('事件类型').waitFor({ timeout: 20_000 });
    await page.reload();
    await page.getByLabel('事件类型').waitFor({ timeout: 20_000 });

    const description = `离线上报测试 ${Date.now()}：水库边护栏损坏`;
    await context.setOffline(true);
    await page.getByLabel('事件类型').selectOption('sanitation.garbage');
    await page.getByLabel('事件描述').fill(description);
    await page.getByLabel('所属网格').selectOption({ index: 1 });
    await page.getByLabel('现场照片').setInputFiles([
      { name: 'first.png', mimeType: 'image/png', buffer: PNG },
      { name: 'second.png', mimeType: 'image/png', buffer: PNG },
    ]);
    await expect.poll(() => page.getByText('暂未上传：联网后随表单自动发送').count()).toBe(2);
    await page.getByRole('button', { name: '提交上报' }).click();

    // Queued: the outbox page lists it, and the header says one is waiting.
    await page.waitForURL((url) => url.pathname === '/outbox', { timeout: 20_000 });
    await page.getByText(description).waitFor();
    await page.getByTestId('outbox-badge').getByText('1 条待上传').waitFor();

    // A reload with no network: the shell from the service worker, the item from IndexedDB.
    await page.reload();
    await page.getByText(description).waitFor({ timeout: 20_000 });
    await page.getByText('等待上传').first().waitFor();
    await page.screenshot({ path: artifactPath('offline-outbox-waiting-phone.png'), fullPage: true });

    await context.setOffline(false);
    await page.getByText('已上传', { exact: true }).first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('outbox-badge').count()).toBe(0);
    await page.getByText(/上次成功同步/).waitFor();

    const found = await apiAs<{ items: { id: string; description: string }[] }>(
      page,
      'GET',
      `/api/cases?q=${encodeURIComponent(description)}`,
    );
    expect(found.items.filter((item) => item.description === description)).toHaveLength(1);
    const detail = await apiAs<{ photos: unknown[] }>(page, 'GET', `/api/cases/${found.items[0]!.id}`);
    expect(detail.photos).toHaveLength(2);
    await context.close();
  });
});
