import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath,
  baseUrl,
  countGridsInScope,
  launchBrowser,
  newIsolatedContext,
  signIn,
  submitReportForm,
} from '../src/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const caseCount = async (page: Page) =>
  Number(await page.getByTestId('grid-map').getAttribute('data-case-count'));
const caseMarkers = async (page: Page) =>
  Number(await page.getByTestId('grid-map').getAttribute('data-case-markers'));
const legendMetric = (page: Page) => page.getByTestId('map-legend').locator('h2').getAttribute('data-metric');

async function reportCaseInUi(page: Page, description: string) {
  await page.goto(`${baseUrl()}/cases/new`);
  await page.getByLabel('事件类型').selectOption('facilities.streetlight');
  await page.getByLabel('事件描述').fill(description);
  const picker = page.locator('.leaflet-container').first();
  await picker.waitFor();
  await page.waitForTimeout(500);
  const box = (await picker.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => page.getByLabel('所属网格').inputValue()).not.toBe('');
  await submitReportForm(page);
}

describe('the command map (town leader)', () => {
  it('when town01 opens the map, then grids are coloured by a metric, a grid opens its panel, and a new case appears live', async () => {
    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    await signIn(page, 'town01');
    await expect
      .poll(() => page.getByTestId('grid-map').getAttribute('data-grid-count'), { timeout: 20_000 })
      .toBe(await countGridsInScope(page));
    await expect.poll(() => legendMetric(page)).toBe('open');
    await expect
      .poll(() => page.getByTestId('live-state').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('live');
    // The demo history has cases in the last 30 days: they are on the map as clusters.
    await expect.poll(() => caseCount(page), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => caseMarkers(page)).toBeGreaterThan(0);
    await page.screenshot({ path: artifactPath('command-map-town01.png') });

    // Change the metric: the legend follows, and the choice is kept in the URL.
    await page.getByRole('combobox', { name: '着色指标' }).selectOption('overdue');
    await expect.poll(() => legendMetric(page)).toBe('overdue');
    expect(await page.getByTestId('map-legend').textContent()).toContain('超期事件数');
    expect(page.url()).toContain('metric=overdue');
    await page.getByRole('combobox', { name: '着色指标' }).selectOption('onTimeRate');
    await expect.poll(() => legendMetric(page)).toBe('onTimeRate');

    // Hide the cases so the click lands on a grid, then click the middle of the town.
    // The layer toggles live in the URL, so the box changes a moment after the click: poll for it.
    const casesLayer = page.getByLabel('事件', { exact: true });
    await casesLayer.click();
    await expect.poll(() => casesLayer.isChecked()).toBe(false);
    await expect.poll(() => caseMarkers(page)).toBe(0);
    const box = (await page.getByTestId('grid-map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const panel = page.getByRole('complementary');
    await panel.waitFor();
    await expect.poll(async () => (await panel.textContent()) ?? '').toContain('网格员');
    await expect.poll(async () => (await panel.textContent()) ?? '').toContain('最新事件');
    await page.screenshot({ path: artifactPath('command-map-grid-panel.png') });
    await page.getByRole('button', { name: '关闭网格详情' }).click();
    await casesLayer.click();
    await expect.poll(() => casesLayer.isChecked()).toBe(true);
    await expect.poll(() => caseCount(page), { timeout: 15_000 }).toBeGreaterThan(0);

    // A grid worker reports in another browser: the leader's map gains the case without a reload.
    await page.evaluate('window.noReload = true');
    const before = await caseCount(page);
    const workerContext = await newIsolatedContext(browser, { viewport: { width: 360, height: 740 } });
    const worker = await workerContext.newPage();
    await signIn(worker, 'gw001');
    await worker.getByTestId('grid-map').waitFor();
    await reportCaseInUi(worker, '指挥地图实时测试：路灯损坏');
    await expect.poll(() => caseCount(page), { timeout: 5_000 }).toBe(before + 1);
    expect(await page.evaluate('window.noReload')).toBe(true);
    await workerContext.close();
    await context.close();
  });

  it('when town01 uses a phone, then the map, legend and filter button fit a 360 px screen', async () => {
    const context = await newIsolatedContext(browser, { viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await signIn(page, 'town01');
    await expect
      .poll(() => page.getByTestId('grid-map').getAttribute('data-grid-count'), { timeout: 20_000 })
      .toBe(await countGridsInScope(page));
    await page.getByTestId('map-legend').waitFor();
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: artifactPath('command-map-phone.png') });
    await page.getByRole('button', { name: '筛选' }).click();
    await page.getByLabel('事件状态').waitFor();
    await page.screenshot({ path: artifactPath('command-map-phone-filters.png') });
    await context.close();
  });
});
