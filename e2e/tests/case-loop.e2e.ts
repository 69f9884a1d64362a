import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, baseUrl, launchBrowser, openSignedIn, submitReportForm } from '../src/browser';

// A 48×36 green PNG: a real image, so the server's content check and re-encoding accept it.
const PHOTO = {
  name: 'scene.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAADAAAAAkCAIAAABAJy5dAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAUElEQVRYhe2WQQ0AQAzC5glx9YTKk8E9mkwAIdBxKV/dzRVEQehQzVBsGXP8RDCiQzVDsWXMIRQHGjpUMxRbhhxCMNbXEZ8rzo/up1n+HGgP4ov3eaX8RHwAAAAASUVORK5CYII=',
    'base64',
  ),
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const openAs = (username: string, viewport = { width: 1280, height: 900 }) =>
  openSignedIn(browser, username, viewport);

async function status(page: Page): Promise<string | null> {
  return page.getByTestId('case-status').first().getAttribute('data-status');
}

/** Opens an action's form, fills what it needs, confirms, and waits for the new status. */
async function takeAction(
  page: Page,
  action: string,
  expected: string,
  options: { note?: string; photo?: boolean } = {},
) {
  await page.getByRole('button', { name: action, exact: true }).click();
  if (options.note) await page.getByLabel('处理说明').fill(options.note);
  if (options.photo) {
    await page.getByLabel('处置照片').setInputFiles(PHOTO);
    await page
      .getByRole('img')
      .filter({ hasNot: page.locator('.leaflet-container *') })
      .last()
      .waitFor();
  }
  const confirm = page.getByRole('button', { name: '确认', exact: true });
  await expect.poll(() => confirm.isEnabled(), { timeout: 15_000 }).toBe(true);
  await confirm.click();
  await expect.poll(() => status(page), { timeout: 15_000 }).toBe(expected);
}

describe('the closed loop in the browser', () => {
  it('when gw001 reports with a photo, gl01 accepts, gw001 handles, gl01 returns it once and then verifies, then it is closed with every step on the timeline', async () => {
    // 1. The grid worker reports from a phone-sized screen, pin in the middle of their own grid.
    const worker = await openAs('gw001', { width: 390, height: 844 });
    await worker.goto(`${baseUrl()}/cases/new`);
    await worker.getByLabel('事件类型').selectOption('sanitation.garbage');
    await worker.getByLabel('事件描述').fill('石角社区村口垃圾堆放多日，影响通行');
    const picker = worker.locator('.leaflet-container').first();
    await picker.waitFor();
    await worker.waitForTimeout(500);
    const box = (await picker.boundingBox())!;
    await worker.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => worker.getByLabel('所属网格').inputValue()).not.toBe('');
    await worker.getByLabel('现场照片').setInputFiles(PHOTO);
    await worker.waitForTimeout(300);
    await submitReportForm(worker);
    await expect.poll(() => status(worker)).toBe('reported');
    const caseUrl = worker.url();
    await worker.screenshot({ path: artifactPath('case-reported-phone.png'), fullPage: true });

    // 2. The grid leader accepts; the case is dispatched to the grid's worker automatically.
    const leader = await openAs('gl01');
    await leader.goto(caseUrl);
    await expect.poll(() => status(leader)).toBe('reported');
    await takeAction(leader, '受理立案', 'dispatched');

    // 3. The worker starts and feeds back with an after-photo.
    await worker.reload();
    await takeAction(worker, '开始处置', 'in_progress');
    await takeAction(worker, '提交反馈', 'handled', { note: '已清理垃圾', photo: true });

    // 4. The leader returns it once for rework.
    await leader.reload();
    await takeAction(leader, '退回返工', 'dispatched', { note: '仍有残留，请返工' });

    // 5. The worker handles it again; the leader verifies and closes.
    await worker.reload();
    await takeAction(worker, '开始处置', 'in_progress');
    await takeAction(worker, '提交反馈', 'handled', { note: '已彻底清理', photo: true });
    await leader.reload();
    await takeAction(leader, '核查结案', 'closed');

    const timeline = leader.getByRole('list', { name: '处理过程' });
    const text = (await timeline.textContent()) ?? '';
    for (const step of ['上报', '受理立案', '派遣', '开始处置', '提交反馈', '退回返工', '核查结案']) {
      expect(text, `timeline lacks ${step}`).toContain(step);
    }
    expect(await timeline.locator(':scope > li').count()).toBe(9);
    await leader.screenshot({ path: artifactPath('case-closed.png'), fullPage: true });
  });
});
