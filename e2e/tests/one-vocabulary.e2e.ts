import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, artifactPath, baseUrl, launchBrowser, newIsolatedContext, signIn } from '../src/browser';

// Issue 13, "One vocabulary": the Chinese UI on a device set to English and to New York time shows
// no English of the browser's or Leaflet's, and every time in China time.
let browser: Browser;
let page: Page;

const CHINA_MINUTE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const chinaTime = (iso: string) => CHINA_MINUTE.format(new Date(iso)).replace(', ', ' ');

const api = <T>(method: 'GET' | 'PATCH', path: string, data?: unknown) => apiAs<T>(page, method, path, data);

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await newIsolatedContext(browser, {
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'America/New_York',
  });
  page = await context.newPage();
  await signIn(page, 'admin');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 20_000 });
});
afterAll(() => browser?.close());

describe('one vocabulary, zh-CN at 1280 px on an English, New York device', () => {
  it('when the audit log shows a category edit, then it reads in Chinese with no codes or JSON', async () => {
    const { items } = await api<{ items: { code: string; nameEn: string }[] }>('GET', '/api/categories');
    const category = items.find((c) => c.code === 'roads.damage') ?? items[0]!;
    await api('PATCH', `/api/categories/${category.code}`, { nameEn: `${category.nameEn} (checked)` });
    await api('PATCH', `/api/categories/${category.code}`, { nameEn: category.nameEn });

    await page.goto(`${baseUrl()}/admin/audit?action=category.`);
    const row = page.getByRole('row').filter({ hasText: '修改事件分类' }).first();
    await row.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: artifactPath('vocab-audit-1280.png'), fullPage: false });

    const table = (await page.locator('.audit-table').textContent()) ?? '';
    expect(table).not.toContain('category.update');
    expect(table).not.toMatch(/[{}"]/);
    expect(table).toContain(`编码 ${category.code}`);
    expect(table).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await page.getByPlaceholder('YYYY-MM-DD').count()).toBe(2);
  });

  it('when a case page is opened, then its times are China time and the map speaks Chinese', async () => {
    const { items } = await api<{ items: { id: string; reportedAt: string }[] }>('GET', '/api/cases?limit=1');
    const item = items[0]!;

    await page.goto(`${baseUrl()}/cases/${item.id}`);
    await page.locator('.leaflet-container').first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: artifactPath('vocab-case-1280.png'), fullPage: true });

    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(chinaTime(item.reportedAt));
    expect(text).not.toMatch(/\b(AM|PM)\b/);
    expect(await page.locator('[title="Zoom in"]').count()).toBe(0);
    expect(await page.locator('[title="放大"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.leaflet-control-attribution').allInnerTexts()).not.toContain('Leaflet');
  });

  it('when the report form is opened, then the file control is ours: 选择文件, no browser English', async () => {
    await page.goto(`${baseUrl()}/cases/new`);
    await page.locator('.leaflet-container').first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: artifactPath('vocab-report-1280.png'), fullPage: true });

    await expect.poll(() => page.getByText('选择文件').count()).toBeGreaterThan(0);
    await page.getByText('选择文件').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('vocab-report-photos-1280.png') });
    // The hidden real input must not widen the page (a form rule once stretched it to 100%).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    const fileInput = page.locator('input[type="file"]').first();
    expect(await fileInput.evaluate((input) => input.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    expect(await page.locator('[title="Zoom in"], [title="Zoom out"]').count()).toBe(0);
    expect(
      await page.locator('input[type="date"], input[type="time"], input[type="datetime-local"]').count(),
    ).toBe(0);
  });

  it('when a number field is out of range, then the browser’s bubble speaks our Chinese, not English', async () => {
    await page.goto(`${baseUrl()}/admin/coverage`);
    const load = page.getByLabel('网格长最多负责网格数');
    await load.waitFor({ timeout: 20_000 });
    await load.fill('101');
    const message = await load.evaluate((input: HTMLInputElement) => {
      input.reportValidity();
      return input.validationMessage;
    });
    expect(message).toBe('请填写 1 到 100 之间的数');
    // What was typed stays (it used to turn silently into the default 6), and nothing was applied.
    expect(await load.inputValue()).toBe('101');
    expect(new URL(page.url()).searchParams.get('maxGridsPerLeader')).toBeNull();
    await load.fill('8');
    await expect.poll(() => new URL(page.url()).searchParams.get('maxGridsPerLeader')).toBe('8');
    expect(await load.evaluate((input: HTMLInputElement) => input.validationMessage)).toBe('');
    await page.screenshot({ path: artifactPath('vocab-number-range-1280.png') });
  });
});
