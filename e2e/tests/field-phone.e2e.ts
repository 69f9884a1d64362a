import type { Browser, Locator, Page } from 'playwright-core';
// sharp comes with the server workspace, which this suite always starts: it makes the 12 MB photo.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, baseUrl, launchBrowser, openSignedIn } from '../src/browser';

// Issue 13, "The phone in the field": what a grid worker sees on a 390×844 phone.
const PHONE = { width: 390, height: 844 };
const CASE_PAGE = /\/cases\/[0-9a-f-]{36}$/;
const MB = 1024 * 1024;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const openAs = (username: string, viewport = PHONE) => openSignedIn(browser, username, viewport);

/** Whether the element is where the person is looking: inside the viewport, and holding the focus. */
async function isInViewAndFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return document.activeElement === element && box.top >= 0 && box.top < window.innerHeight;
  });
}

/** A noisy 4000×3000 JPEG of about 12 MB whose EXIF says "rotate 90°": a phone held upright. */
async function buildLargeUprightPhoto(): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const raw = Buffer.alloc(width * height * 3);
  let seed = 1;
  for (let i = 0; i < raw.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    raw[i] = ((i / 3) % width) / 16 + ((seed >> 16) % 96);
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 97 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const SMALL_PNG = {
  name: 'scene.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAADAAAAAkCAIAAABAJy5dAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAUElEQVRYhe2WQQ0AQAzC5glx9YTKk8E9mkwAIdBxKV/dzRVEQehQzVBsGXP8RDCiQzVDsWXMIRQHGjpUMxRbhhxCMNbXEZ8rzo/up1n+HGgP4ov3eaX8RHwAAAAASUVORK5CYII=',
    'base64',
  ),
};

/** Fills the report form: category, description, a pin in the middle of the map, one photo. */
async function fillReport(page: Page, description: string) {
  await page.goto(`${baseUrl()}/cases/new`);
  await page.getByLabel('事件类型').selectOption('roads.damage');
  await page.getByLabel('事件描述').fill(description);
  const picker = page.locator('.leaflet-container').first();
  await picker.waitFor();
  await page.waitForTimeout(500);
  const box = (await picker.boundingBox())!;
  await picker.scrollIntoViewIfNeeded();
  const inView = (await picker.boundingBox())!;
  await page.mouse.click(inView.x + box.width / 2, inView.y + box.height / 2);
  await expect.poll(() => page.getByLabel('所属网格').inputValue()).not.toBe('');
  await page.getByLabel('现场照片').setInputFiles(SMALL_PNG);
  await page.getByText('已上传').waitFor({ timeout: 15_000 });
}

async function submitAndReadNumber(page: Page): Promise<string> {
  await page.waitForURL(CASE_PAGE, { timeout: 20_000 });
  const notice = page.getByRole('status', { name: '上报成功' });
  await notice.waitFor();
  await expect.poll(() => isInViewAndFocused(notice)).toBe(true);
  return (await notice.getByRole('link').first().textContent()) ?? '';
}

describe('the phone in the field (390×844)', () => {
  it('when a worker reports from a phone, then the counter refuses an over-long text, the success notice is in view with the number, and a possible duplicate comes into view when 提交上报 is pressed', async () => {
    const page = await openAs('gw007');

    // An over-long description is kept whole, counted, and refused visibly.
    await page.goto(`${baseUrl()}/cases/new`);
    const description = page.getByLabel('事件描述');
    await description.fill('路'.repeat(2010));
    const counter = page.getByText('2,010/2,000，超出 10 字，请删减');
    await counter.waitFor();
    expect(await description.inputValue()).toHaveLength(2010);
    expect(await description.getAttribute('aria-invalid')).toBe('true');
    await counter.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('field-description-over.png') });

    // The report is sent; the case page opens on a focused notice with the new number.
    await fillReport(page, '村道路面塌陷一处，摩托车经过危险');
    await page.getByRole('button', { name: '提交上报' }).click();
    const number = await submitAndReadNumber(page);
    expect(number).toMatch(/^\d{4}-\d{6}$/);
    await page.screenshot({ path: artifactPath('field-reported-phone.png') });

    // The same problem again at the same place: the warning sits above the button and comes into view.
    await fillReport(page, '村道路面塌陷，仍未修复');
    const nearby = page.getByRole('region', { name: '附近可能已有相同的事件' });
    await nearby.waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '提交上报' }).click();
    await nearby.getByRole('alert').waitFor();
    await expect.poll(() => isInViewAndFocused(nearby)).toBe(true);
    await page.screenshot({ path: artifactPath('field-duplicate-warning.png') });
    await nearby.getByRole('button', { name: '不是同一事件，仍然上报' }).click();
    expect(await submitAndReadNumber(page)).not.toBe(number);
  });

  it('when a worker feeds back from a phone, then 确认 says what it needs, a refused file says why and takes no place, a 12 MB photo is shrunk upright, and a pressed button stays readable', async () => {
    const worker = await openAs('gw008');
    await fillReport(worker, '桥头护栏断裂，需要尽快修复');
    await worker.getByRole('button', { name: '提交上报' }).click();
    await submitAndReadNumber(worker);
    const caseUrl = worker.url();

    // The town leader accepts; the case goes to the grid's worker, who starts on it.
    const leader = await openAs('town01', { width: 1280, height: 900 });
    await leader.goto(caseUrl);
    await leader.getByRole('button', { name: '受理立案', exact: true }).click();
    await leader.getByRole('button', { name: '确认', exact: true }).click();
    await expect
      .poll(() => leader.getByTestId('case-status').first().getAttribute('data-status'), { timeout: 15_000 })
      .toBe('dispatched');
    await worker.reload();
    await worker.getByRole('button', { name: '开始处置', exact: true }).click();
    await worker.getByRole('button', { name: '确认', exact: true }).click();
    await expect
      .poll(() => worker.getByTestId('case-status').first().getAttribute('data-status'), { timeout: 15_000 })
      .toBe('in_progress');

    // 确认 is disabled, and the hint tied to it says why.
    const feedback = worker.getByRole('button', { name: '提交反馈', exact: true });
    await feedback.click();
    const confirm = worker.getByRole('button', { name: '确认', exact: true });
    expect(await confirm.isDisabled()).toBe(true);
    const hintId = (await confirm.getAttribute('aria-describedby')) ?? '';
    expect(await worker.locator(`[id="${hintId}"]`).textContent()).toBe(
      '还需填写处理说明、上传至少 1 张处置照片，才能确认',
    );

    // A pressed action button (hover on a desktop, the tap that leaves :hover on a phone) keeps its label.
    await feedback.hover();
    await worker.mouse.down();
    const pressed = await feedback.evaluate((element) => {
      const style = getComputedStyle(element);
      return { color: style.color, background: style.backgroundColor };
    });
    await worker.screenshot({ path: artifactPath('field-pressed-button.png') });
    // Released elsewhere, so the press is not a click (which would close the form).
    await worker.mouse.move(2, 2);
    await worker.mouse.up();
    expect(pressed.color).toBe('rgb(255, 255, 255)');
    expect(pressed.background).not.toBe(pressed.color);
    expect(pressed.background).not.toBe('rgb(255, 255, 255)');

    // A file that is not a photo: the reason, no retry, removable, none of the nine places taken.
    const photos = worker.getByLabel('处置照片');
    await photos.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    const list = worker.getByRole('list', { name: '已选择的照片' });
    await list.getByText('未添加：这不是照片文件').waitFor();
    expect(await list.getByRole('button', { name: '重试' }).count()).toBe(0);
    expect(await worker.getByText('（0/9 张）').count()).toBe(1);
    await worker.screenshot({ path: artifactPath('field-refused-file.png') });
    await list.getByRole('button', { name: '移除照片 1' }).click();

    // A 12 MB photo is shrunk on the phone below the server's 10 MB and arrives upright.
    const large = await buildLargeUprightPhoto();
    expect(large.length).toBeGreaterThan(10 * MB);
    const uploaded = worker.waitForResponse(
      (response) => response.url().endsWith('/api/uploads') && response.request().method() === 'POST',
      { timeout: 120_000 },
    );
    await photos.setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: large });
    const response = await uploaded;
    expect(response.status()).toBe(201);
    const upload = (await response.json()) as { size: number; width: number; height: number };
    expect(upload.size).toBeLessThanOrEqual(10 * MB);
    expect(upload.height).toBeGreaterThan(upload.width);
    await worker.getByText('已上传').waitFor();

    await worker.getByLabel('处理说明').fill('护栏已临时加固，设置警示牌');
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    expect(await confirm.getAttribute('aria-describedby')).toBeNull();
    await worker.screenshot({ path: artifactPath('field-feedback-ready.png'), fullPage: true });
    await confirm.click();
    await expect
      .poll(() => worker.getByTestId('case-status').first().getAttribute('data-status'), { timeout: 15_000 })
      .toBe('handled');
  }, 240_000);
});

describe('header and map for every screen (issue 13)', () => {
  it('when the administrator opens any page at 1440 or 1280 px, then the menu fits on one line, with the administration pages under 系统管理', async () => {
    for (const width of [1440, 1280]) {
      const page = await openAs('admin', { width, height: 900 });
      await page.goto(`${baseUrl()}/cases`);
      const nav = page.getByRole('navigation', { name: '主导航' });
      await nav.getByRole('link', { name: '事件列表' }).waitFor();
      const rows = await nav.evaluate((element) => {
        const tops = Array.from(element.children).map((child) =>
          Math.round(child.getBoundingClientRect().top),
        );
        return new Set(tops).size;
      });
      expect(rows, `${width} px`).toBe(1);
      await nav.getByRole('button', { name: '系统管理' }).click();
      await nav.getByRole('link', { name: '人员管理' }).waitFor();
      await page.screenshot({ path: artifactPath(`field-header-admin-${width}.png`) });
      await page.context().close();
    }
    const phone = await openAs('admin');
    await phone.getByRole('button', { name: '打开菜单' }).click();
    await phone.getByRole('link', { name: '工作日历' }).waitFor();
    await phone.screenshot({ path: artifactPath('field-header-admin-390.png') });
  });

  it('when a town leader picks a grid with the keyboard on the command map, then it is selected, its panel opens and the choice is announced', async () => {
    const page = await openAs('town01', { width: 1280, height: 900 });
    await page.getByTestId('grid-map').waitFor({ timeout: 30_000 });
    const picker = page.getByRole('combobox', { name: '网格', exact: true });
    await picker.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.url()).toContain('grid=');
    await page.getByRole('complementary', { name: '网格详情' }).first().waitFor();
    expect(await page.getByTestId('grid-selection-status').textContent()).toMatch(
      /^已选择网格：\S+ .+（.+）$/,
    );
    const legend = page.getByTestId('case-marker-legend');
    expect(await legend.getByText('红色外圈：已超期').isVisible()).toBe(true);
    await page.screenshot({ path: artifactPath('field-map-keyboard.png') });
  });
});
