import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, baseUrl, launchBrowser, openSignedIn } from '../src/browser';

type CaseItem = {
  id: string;
  number: string;
  grid: { id: string };
  location: { lon: number; lat: number } | null;
};

const OPEN = 'reported,accepted,dispatched,in_progress,handled,suspended';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const openAs = (username: string, viewport: { width: number; height: number }) =>
  openSignedIn(browser, username, viewport);

async function getJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${baseUrl()}${path}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

/**
 * A grid with open cases on both sides of the vertical line through the middle of its bounding box, so
 * whichever half becomes the new grid, at least one open case has to move.
 */
async function findGridToSplit(page: Page) {
  const { items } = await getJson<{ items: CaseItem[] }>(page, `/api/cases?status=${OPEN}&limit=200`);
  const byGrid = new Map<string, CaseItem[]>();
  for (const c of items) if (c.location) byGrid.set(c.grid.id, [...(byGrid.get(c.grid.id) ?? []), c]);
  for (const [gridId, cases] of byGrid) {
    const grid = await getJson<{
      id: string;
      code: string;
      name: string;
      bbox: [number, number, number, number];
    }>(page, `/api/grids/${gridId}`);
    const midLon = (grid.bbox[0] + grid.bbox[2]) / 2;
    const margin = (grid.bbox[2] - grid.bbox[0]) * 0.05;
    const east = cases.filter((c) => c.location!.lon > midLon + margin);
    const west = cases.filter((c) => c.location!.lon < midLon - margin);
    if (east.length > 0 && west.length > 0) return { grid, midLon, east, west };
  }
  throw new Error('no grid with open cases on both sides');
}

describe('grid boundary administration in the browser', () => {
  it('when the admin draws a line across a grid with mouse clicks and confirms, then the grid is split and its open cases there move to the new grid', async () => {
    const page = await openAs('admin', { width: 1280, height: 900 });
    const { grid, midLon, east, west } = await findGridToSplit(page);

    await page.goto(`${baseUrl()}/admin/grids?grid=${grid.id}`);
    await page.getByRole('heading', { name: '网格边界管理' }).waitFor();
    const map = page.getByTestId('admin-grid-map');
    await map.waitFor();
    await page.screenshot({ path: artifactPath('admin-grids-desktop.png') });

    await page.getByRole('button', { name: '拆分网格' }).click();
    await expect.poll(() => map.getAttribute('data-mode')).toBe('split');
    // The selected grid is fitted into the map with padding: the map's vertical middle is the box's
    // middle longitude, and the top and bottom edges lie outside the grid.
    await page.waitForTimeout(800);
    const box = (await map.boundingBox())!;
    const x = box.x + box.width / 2;
    for (const y of [box.y + 6, box.y + box.height * 0.5, box.y + box.height - 6]) {
      await page.mouse.click(x, y);
    }
    await expect.poll(() => map.getAttribute('data-split-points')).toBe('3');
    await page.getByLabel('新网格名称').fill(`${grid.name}东片`);
    await page.screenshot({ path: artifactPath('admin-grids-split-line.png') });
    await page.getByRole('button', { name: '确认拆分' }).click();
    const outcome = page.getByRole('status').filter({ hasText: '已拆分为' });
    await outcome.waitFor({ timeout: 20_000 });
    const text = (await outcome.textContent()) ?? '';
    const moved = Number(/(\d+) 件未结事件/.exec(text)?.[1]);
    await page.screenshot({ path: artifactPath('admin-grids-split-done.png') });

    // The new grid holds exactly the open cases of its half; the others stayed.
    const newCode = /和 (\d{15})/.exec(text)?.[1];
    expect(newCode).toMatch(new RegExp(`^${grid.code.slice(0, 12)}\\d{3}$`));
    const grids = await getJson<{ items: { id: string; code: string }[] }>(page, '/api/grids');
    const created = grids.items.find((g) => g.code === newCode)!;
    const createdCases = (
      await getJson<{ items: CaseItem[] }>(page, `/api/cases?status=${OPEN}&gridId=${created.id}&limit=200`)
    ).items;
    const movedSide = createdCases.some((c) => east.some((e) => e.id === c.id)) ? east : west;
    expect(moved).toBe(movedSide.length);
    expect(createdCases.map((c) => c.id).sort()).toEqual(movedSide.map((c) => c.id).sort());
    expect(createdCases.every((c) => c.location!.lon > midLon === (movedSide === east))).toBe(true);

    // The move shows on the case's timeline.
    await page.goto(`${baseUrl()}/cases/${movedSide[0]!.id}`);
    await page.getByText('网格调整').first().waitFor({ timeout: 15_000 });
    await page.getByText(`${grid.code} → ${newCode}`).first().waitFor();
    await page.screenshot({ path: artifactPath('admin-grids-case-moved.png'), fullPage: true });
  });

  it('when the admin drags a vertex with Geoman, then an overlapping edit is refused and an inward one saved with a new area', async () => {
    const page = await openAs('admin', { width: 1280, height: 900 });
    const { items } = await getJson<{ items: { id: string; areaSqm: number }[] }>(page, '/api/grids');
    const grid = items[20]!;
    await page.goto(`${baseUrl()}/admin/grids?grid=${grid.id}`);
    const map = page.getByTestId('admin-grid-map');
    await map.waitFor();
    await page.waitForTimeout(800);
    await page.getByRole('button', { name: '编辑边界' }).click();
    const vertex = page.locator('.marker-icon:not(.marker-icon-middle)').first();
    await vertex.waitFor();
    const mapBox = (await map.boundingBox())!;
    const centre = { x: mapBox.x + mapBox.width / 2, y: mapBox.y + mapBox.height / 2 };
    const drag = async (towardsCentre: number) => {
      const b = (await vertex.boundingBox())!;
      const start = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      const to = {
        x: start.x + (centre.x - start.x) * towardsCentre,
        y: start.y + (centre.y - start.y) * towardsCentre,
      };
      await page.mouse.move(to.x, to.y, { steps: 6 });
      await page.mouse.up();
    };
    // Outwards, far across the boundary: into a neighbouring grid.
    await drag(-0.6);
    await page.getByRole('button', { name: '保存边界' }).click();
    await page.getByRole('alert').filter({ hasText: '重叠' }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: artifactPath('admin-grids-edit-refused.png') });
    // Cancel and start again from the stored boundary, this time pulling the vertex inwards.
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByRole('button', { name: '编辑边界' }).click();
    await vertex.waitFor();
    await drag(0.3);
    await page.getByRole('button', { name: '保存边界' }).click();
    await expect.poll(() => map.getAttribute('data-mode'), { timeout: 15_000 }).toBe('view');
    const after = await getJson<{ areaSqm: number }>(page, `/api/grids/${grid.id}`);
    expect(after.areaSqm).toBeLessThan(grid.areaSqm);
  });

  it('when the admin opens grid, category and calendar pages on a phone, then they fit the screen', async () => {
    const page = await openAs('admin', { width: 360, height: 780 });
    for (const [path, heading, shot] of [
      ['/admin/grids', '网格边界管理', 'admin-grids-phone.png'],
      ['/admin/categories', '事件类型管理', 'admin-categories-phone.png'],
      ['/admin/calendar', '工作日历', 'admin-calendar-phone.png'],
    ] as const) {
      await page.goto(`${baseUrl()}${path}`);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page.waitForTimeout(400);
      // A string expression: the e2e workspace compiles without the DOM library.
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      expect(overflow).toBeLessThanOrEqual(1);
      await page.screenshot({ path: artifactPath(shot), fullPage: true });
    }
  });

  it('when a town leader signs in, then the calendar is in the menu read-only and grid administration is not', async () => {
    const page = await openAs('town01', { width: 1280, height: 900 });
    const nav = page.getByRole('navigation', { name: '主导航' });
    // The administration pages share the 系统管理 menu (issue 13).
    await nav.getByRole('button', { name: '系统管理' }).click();
    await nav.getByRole('link', { name: '工作日历' }).click();
    await page.getByText('只读：只有管理员可以修改。').waitFor();
    expect(await nav.getByRole('link', { name: '网格边界' }).count()).toBe(0);
    await page.screenshot({ path: artifactPath('admin-calendar-town-leader.png'), fullPage: true });
  });
});
