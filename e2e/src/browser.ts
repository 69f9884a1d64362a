import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** A fresh browser profile that can reach nothing but the app under test. */
export async function newIsolatedContext(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'zh-CN',
    // Our users' browsers run on China time; deadlines must read as they would for them.
    timezoneId: 'Asia/Shanghai',
  });
  const allowed = new URL(baseUrl()).host;
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return url.host === allowed || url.protocol === 'data:' || url.protocol === 'blob:'
      ? route.continue()
      : route.abort();
  });
  return context;
}

export async function signIn(
  page: Page,
  username: string,
  password = process.env.DEMO_PASSWORD ?? 'GridGov@2026',
) {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Where screenshots go (e2e/artifacts, ignored by git), for a person to look at after a run. */
export function artifactPath(name: string): string {
  return join(import.meta.dirname, '..', 'artifacts', name);
}

/**
 * How many grids the signed-in user's territory holds, from the API. The seed has 85 in 石角镇; the
 * admin e2e splits one (files share one database), so map tests compare with this, not a constant.
 */
export async function countGridsInScope(page: Page): Promise<string> {
  // Asked once the map is up (the sign-in has completed and set the session cookie), through the
  // browser context's request client, which carries that cookie.
  await page.getByTestId('grid-map').waitFor({ timeout: 30_000 });
  const res = await page.context().request.get(`${baseUrl()}/api/grids`);
  if (!res.ok()) throw new Error(`GET /api/grids answered ${res.status()}`);
  const count = ((await res.json()) as { items: unknown[] }).items.length;
  if (count < 85) throw new Error(`expected at least the 85 seeded grids, got ${count}`);
  return String(count);
}
