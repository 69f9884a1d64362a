import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, baseUrl, launchBrowser, newIsolatedContext, signIn } from '../src/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const HEADER = '姓名,手机号,用户名,角色,所属村,网格编码,是否党员';
const dir = mkdtempSync(join(tmpdir(), 'gridgov-roster-'));

function rosterFile(name: string, rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`);
  return path;
}

async function uploadAndCheck(page: Page, file: string) {
  await page.getByLabel('名单文件（.xlsx 或 .csv，最多 20000 行）').setInputFiles(file);
  await page.getByRole('button', { name: '上传并检查' }).click();
}

describe('roster import', () => {
  it('when an admin imports a file with one bad row, fixes it and imports, then the new worker signs in on their grid', async () => {
    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    await signIn(page, 'admin');
    await page.getByRole('button', { name: '系统管理' }).click();
    await page.getByRole('link', { name: '人员管理' }).click();
    await page.getByRole('heading', { name: '人员名册' }).waitFor();

    // Free a grid first: gw085 leaves, their cases go to the grid's leader.
    await page.getByLabel('姓名、用户名、手机号或网格').fill('gw085');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByRole('row', { name: /gw085/ }).getByRole('link').click();
    await page.getByRole('heading', { name: '离职或休假交接' }).waitFor();
    const gridCode = (await page.locator('.admin-list .mono').first().textContent())!.trim();
    expect(gridCode).toMatch(/^\d{15}$/);
    await page.screenshot({ path: artifactPath('admin-person-1280.png'), fullPage: true });
    await page.getByRole('button', { name: '确认交接' }).click();
    // Nothing moves before the admin confirms, in a dialog naming the person and what goes where.
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.getByRole('heading').textContent()).toMatch(/gw085.*离职并交接/);
    await expect.poll(() => dialog.textContent()).toMatch(/网格职务将解除/);
    await page.screenshot({ path: artifactPath('admin-handover-confirm-1280.png') });
    await dialog.getByRole('button', { name: '确认交接' }).click();
    await page.locator('.admin-card .notice').last().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: artifactPath('admin-handover-1280.png'), fullPage: true });
    expect(await page.locator('.admin-card .notice').last().textContent()).toMatch(
      /已交接 \d+ 件事件、1 个网格职务/,
    );

    await page.getByRole('link', { name: '批量导入' }).click();
    const good = `新网格员,13900000851,e2eworker85,网格员,${gridCode.slice(0, 12)},${gridCode},是`;
    const patroller = `新巡防员,13900000852,,巡防员,${gridCode.slice(0, 12)},${gridCode},否`;
    await uploadAndCheck(page, rosterFile('bad.csv', [good, patroller.replace('13900000852', '1390000085')]));
    await page.getByText('发现问题').waitFor();
    const problem = page.getByRole('row', { name: /手机号格式不正确/ });
    await expect.poll(() => problem.textContent()).toContain('3');
    await page.screenshot({ path: artifactPath('admin-import-problems-1280.png'), fullPage: true });

    await uploadAndCheck(page, rosterFile('fixed.csv', [good, patroller]));
    await page.getByText('全部 2 行检查通过，可以导入。').waitFor();
    await page.getByRole('button', { name: '导入 2 人' }).click();
    await page.getByText('已创建 2 个账号。').waitFor({ timeout: 30_000 });
    // One code per person, shown once (never one password for many).
    const codeCell = page.getByRole('row', { name: /e2eworker85/ }).getByTestId('activation-code');
    const code = (await codeCell.textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await page.getByTestId('activation-code').count()).toBe(2);
    await page.screenshot({ path: artifactPath('admin-import-activation-codes-1280.png'), fullPage: true });
    await context.close();

    const phone = await newIsolatedContext(browser, { viewport: { width: 360, height: 740 } });
    const worker = await phone.newPage();
    await worker.goto(`${baseUrl()}/login`);
    await worker.getByRole('link', { name: '首次登录？使用激活码' }).click();
    // The sign-in page has a 用户名 field too: wait for the activation page before typing.
    await worker.getByRole('heading', { name: '使用激活码登录' }).waitFor();
    await worker.getByLabel('用户名').fill('e2eworker85');
    await worker.getByLabel('激活码').fill(code.toLowerCase());
    await worker.getByLabel('新密码', { exact: true }).fill('Shijiao2026tea');
    await worker.getByLabel('再次输入新密码').fill('Shijiao2026tea');
    await worker.screenshot({ path: artifactPath('activate-phone.png') });
    await worker.getByRole('button', { name: '激活并登录' }).click();
    await worker.getByTestId('grid-map').waitFor();
    await expect.poll(() => worker.getByTestId('grid-map').getAttribute('data-grid-count')).toBe('1');
    await expect
      .poll(() => worker.locator('.grid-label').first().textContent(), { timeout: 10_000 })
      .toMatch(/网格/);
    await worker.screenshot({ path: artifactPath('imported-worker-phone.png') });
    await phone.close();
  }, 240_000);

  it('when the admin pages are opened at 1280 px and 360 px, then each shows its heading and content within the width (screenshots for review)', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 360, height: 740 },
    ]) {
      const context = await newIsolatedContext(browser, { viewport });
      const page = await context.newPage();
      await signIn(page, 'admin');
      await page.getByTestId('grid-map').waitFor();
      // This machine's Chromium has no CJK fonts: English screenshots show the layout readably.
      await page.evaluate("localStorage.setItem('gridgov.lang', 'en')");
      for (const [path, heading] of [
        ['/admin/staff', 'Staff roster'],
        ['/admin/coverage', 'Coverage check'],
        ['/admin/audit', 'Audit log'],
        ['/admin/import', 'Import staff'],
      ] as const) {
        await page.goto(`${baseUrl()}${path}`);
        await page.getByRole('heading', { name: heading }).waitFor();
        await page
          .locator('.spinner')
          .waitFor({ state: 'detached' })
          .catch(() => undefined);
        expect(await page.getByRole('heading', { name: heading }).isVisible(), path).toBe(true);
        // A string expression: the e2e workspace compiles without the DOM library.
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - window.innerWidth',
        );
        expect(overflow, `${path} at ${viewport.width} px`).toBeLessThanOrEqual(1);
        // The seeded county has people: the roster table lists more than its header row.
        if (path === '/admin/staff' && viewport.width === 1280) {
          expect(await page.getByRole('row').count()).toBeGreaterThan(1);
        }
        if (path === '/admin/import') {
          expect(await page.getByRole('button', { name: 'Upload and check' }).count()).toBe(1);
        }
        await page.screenshot({
          path: artifactPath(`admin${path.replace(/\//g, '-')}-${viewport.width}.png`),
          fullPage: true,
        });
      }
      await context.close();
    }
  }, 180_000);
});
