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
  options: { viewport?: { width: number; height: number }; locale?: string; timezoneId?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'zh-CN',
    // Our users' browsers run on China time; the vocabulary test moves the device elsewhere (issue 13).
    timezoneId: options.timezoneId ?? 'Asia/Shanghai',
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

/** A new isolated context and page, signed in as `username` (the login page left behind). */
export async function openSignedIn(
  browser: Browser,
  username: string,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<Page> {
  const context = await newIsolatedContext(browser, { viewport });
  const page = await context.newPage();
  await signIn(page, username);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 20_000 });
  return page;
}

/** A JSON API call with the page's session and a fresh CSRF token; throws on a non-2xx answer. */
export async function apiAs<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  data?: unknown,
): Promise<T> {
  const request = page.context().request;
  const csrf = ((await (await request.get(`${baseUrl()}/api/auth/csrf`)).json()) as { token: string }).token;
  const res = await request.fetch(`${baseUrl()}${path}`, {
    method,
    data: data === undefined ? undefined : JSON.stringify(data),
    headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
  });
  if (!res.ok()) throw new Error(`${method} ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
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

const CASE_PAGE = /\/cases\/[0-9a-f-]{36}$/;

/**
 * Sends the report form and waits for the new case's page. Files share one database, so an earlier
 * test may have reported the same category nearby: the form then asks whether this is a different
 * problem (possible duplicates within 50 m), and we answer that it is.
 */
export async function submitReportForm(page: Page, timeoutMs = 20_000) {
  const submit = page.getByRole('button', { name: '提交上报' });
  const deadline = Date.now() + 15_000;
  while (!(await submit.isEnabled())) {
    if (Date.now() > deadline) throw new Error('the report form never enabled its submit button');
    await page.waitForTimeout(100);
  }
  await submit.click();
  const differentProblem = page.getByRole('button', { name: '不是同一事件，仍然上报' });
  const end = Date.now() + timeoutMs;
  while (!CASE_PAGE.test(page.url())) {
    if (Date.now() > end) throw new Error(`the report was not created; still at ${page.url()}`);
    if (await differentProblem.isVisible()) await differentProblem.click();
    await page.waitForTimeout(100);
  }
}
