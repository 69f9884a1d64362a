import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, countGridsInScope, launchBrowser, newIsolatedContext, signIn } from '../src/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function mapCount(page: Page) {
  return page.getByTestId('grid-map').getAttribute('data-grid-count');
}

describe('the governance net on the map', () => {
  it('when grid worker gw001 signs in, then they land on their own grid only', async () => {
    const context = await newIsolatedContext(browser, { viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await signIn(page, 'gw001');
    await page.getByTestId('grid-map').waitFor();
    await expect.poll(() => mapCount(page)).toBe('1');
    // Zoomed to one grid, its name is written on the map.
    await expect
      .poll(() => page.locator('.grid-label').first().textContent(), { timeout: 10_000 })
      .toMatch(/第1网格/);
    await page.screenshot({ path: artifactPath('gw001-phone.png') });
    await context.close();
  });

  it('when town leader town01 signs in, then every grid of the town (85 seeded) is drawn and a grid’s panel shows its staff', async () => {
    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    await signIn(page, 'town01');
    await expect.poll(() => mapCount(page)).toBe(await countGridsInScope(page));
    // Click the middle of the map: some grid is there, since the grids tile the town.
    const box = (await page.getByTestId('grid-map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const panel = page.getByRole('complementary');
    await panel.waitFor();
    await expect.poll(async () => ((await panel.textContent()) ?? '').includes('网格员')).toBe(true);
    await expect.poll(async () => ((await panel.textContent()) ?? '').includes('网格长')).toBe(true);
    await expect.poll(async () => ((await panel.textContent()) ?? '').includes('巡防员')).toBe(true);
    await page.screenshot({ path: artifactPath('town01-panel.png') });
    await context.close();
  });
});
