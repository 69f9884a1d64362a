import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, baseUrl, launchBrowser, openSignedIn } from '../src/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The shell scrolls inside its main area, so a full-page shot needs a viewport as tall as the page. */
async function screenshotWhole(page: Page, name: string) {
  const size = page.viewportSize()!;
  const height = await page.locator('.app-main').evaluate((main) => main.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height + 80) });
  await page.screenshot({ path: artifactPath(name), fullPage: true });
  await page.setViewportSize(size);
}

const openAs = (username: string, viewport = { width: 1280, height: 900 }) =>
  openSignedIn(browser, username, viewport);

describe('the morning brief', () => {
  it('when town01 opens the brief, then the overdue line leads to the case list and a case can be escalated from the brief', async () => {
    const page = await openAs('town01');
    await page.getByRole('link', { name: '晨报' }).click();
    await page.getByRole('heading', { name: '晨报', level: 1 }).waitFor();
    const overdue = page.locator('section[aria-labelledby="brief-overdue"]');
    await overdue.locator('.brief-line').first().waitFor({ timeout: 20_000 });
    await page.locator('.brief-grid-lines li').first().waitFor({ timeout: 20_000 });
    await screenshotWhole(page, 'brief-1280.png');
    await page.emulateMedia({ media: 'print' });
    await screenshotWhole(page, 'brief-print.png');
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(
      await overdue
        .getByRole('button', { name: /^督办 / })
        .first()
        .isVisible(),
    ).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // 督办 one overdue case that is not escalated yet, with the required note.
    const escalate = overdue.getByRole('button', { name: /^督办 / }).first();
    const number = (await escalate.getAttribute('aria-label'))!.replace('督办 ', '');
    await escalate.click();
    await overdue.getByLabel('督办意见').fill('请今日内处置完毕并反馈');
    await overdue.getByRole('button', { name: '发出督办' }).click();
    const line = overdue.locator('.brief-line', {
      has: page.getByRole('link', { name: number, exact: true }),
    });
    await expect.poll(() => line.locator('.escalated-flag').count(), { timeout: 15_000 }).toBe(1);

    // The case itself now shows the escalation.
    await line.getByRole('link', { name: number, exact: true }).click();
    await expect
      .poll(() => page.getByText('请今日内处置完毕并反馈').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.goBack();

    // "View all" of the overdue section opens the case list filtered to overdue cases.
    await overdue.getByRole('link', { name: '已超期：查看全部' }).click();
    await expect.poll(() => page.url()).toContain('/cases?overdue=true');
    await page.getByTestId('deadline-status').first().waitFor({ timeout: 15_000 });
    const statuses = await page
      .getByTestId('deadline-status')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['overdue']));
  });

  it('when the brief is opened on a 360 px phone, then the sections stack in one column', async () => {
    const page = await openAs('town01', { width: 360, height: 780 });
    await page.goto(`${baseUrl()}/brief`);
    await page
      .locator('section[aria-labelledby="brief-overdue"] .brief-line')
      .first()
      .waitFor({ timeout: 20_000 });
    await screenshotWhole(page, 'brief-360.png');
    const widths = await page
      .locator('.brief-section')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
    for (const width of widths) expect(width).toBeLessThanOrEqual(360);
    const overflow = await page.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

describe('the statistics page', () => {
  it('when town01 exports the grid ranking as CSV, then progress runs to completion and the file is a UTF-8 CSV of the grids', async () => {
    const page = await openAs('town01');
    await page.getByRole('link', { name: '统计分析' }).click();
    await page.getByRole('heading', { name: '统计分析', level: 1 }).waitFor();
    await page.locator('.figure-card').first().waitFor({ timeout: 20_000 });
    await page.locator('.trend-chart canvas').waitFor({ timeout: 20_000 });
    await page.locator('.rankings-table tbody tr').first().waitFor({ timeout: 20_000 });
    await page.getByRole('radio', { name: '近 90 天' }).click();
    await expect.poll(() => page.url()).toContain('preset=90');
    await page.locator('.rankings-table tbody tr').first().waitFor();
    await screenshotWhole(page, 'stats-1280.png');

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    await page.locator('.export-status[data-state="done"]').waitFor({ timeout: 30_000 });
    const doneText = await page.locator('.export-status[data-state="done"]').textContent();
    expect(doneText).toMatch(/导出完成：网格排名-.*\.csv，\d+ 行/);
    expect(download.suggestedFilename()).toMatch(/^网格排名-\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('名次,网格');
    const rowsInTable = await page.locator('.rankings-table tbody tr').count();
    expect(lines.length - 1).toBe(rowsInTable);
    expect(doneText).toContain(`${rowsInTable} 行`);
  });

  it('when the statistics page is opened on a 360 px phone, then nothing overflows sideways but the ranking table', async () => {
    const page = await openAs('town01', { width: 360, height: 780 });
    await page.goto(`${baseUrl()}/stats`);
    await page.locator('.rankings-table tbody tr').first().waitFor({ timeout: 20_000 });
    await page.locator('.trend-chart canvas').waitFor({ timeout: 20_000 });
    await screenshotWhole(page, 'stats-360.png');
    const overflow = await page.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
