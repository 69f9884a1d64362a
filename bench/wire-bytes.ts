// Bytes on the wire for what a person's browser loads, without and with HTTP compression, in the same
// run against one running server: Chromium (CDP) sums encodedDataLength of every response, once asking
// for `Accept-Encoding: identity` (what every byte cost before compression) and once as browsers ask.
// Run against a seeded server (e.g. `npm start`, demo town):
//   BASE_URL=http://127.0.0.1:3000 npx tsx bench/wire-bytes.ts
// Env: CHROMIUM_PATH (/usr/bin/chromium), WIRE_USER (town01), DEMO_PASSWORD (GridGov@2026).
import { type CDPSession, chromium, type Page } from 'playwright-core';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const USER = process.env.WIRE_USER ?? 'town01';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'GridGov@2026';

interface Tally {
  js: number;
  css: number;
  api: number;
  other: number;
}

async function measure(page: Page, cdp: CDPSession, action: () => Promise<void>): Promise<Tally> {
  const types = new Map<string, { url: string; mime: string }>();
  const tally: Tally = { js: 0, css: 0, api: 0, other: 0 };
  const onResponse = (e: { requestId: string; response: { url: string; mimeType: string } }) =>
    types.set(e.requestId, { url: e.response.url, mime: e.response.mimeType });
  const onFinished = (e: { requestId: string; encodedDataLength: number }) => {
    const what = types.get(e.requestId);
    if (!what) return;
    const kind = what.url.includes('/api/')
      ? 'api'
      : what.mime.includes('javascript')
        ? 'js'
        : what.mime.includes('css')
          ? 'css'
          : 'other';
    tally[kind] += e.encodedDataLength;
  };
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.loadingFinished', onFinished);
  await action();
  await page.waitForLoadState('networkidle');
  cdp.off('Network.responseReceived', onResponse);
  cdp.off('Network.loadingFinished', onFinished);
  return tally;
}

async function run(compressed: boolean) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (!compressed)
      await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    const login = await measure(page, cdp, async () => {
      await page.goto(`${BASE_URL}/login`);
    });
    const dashboard = await measure(page, cdp, async () => {
      await page.getByLabel('用户名').fill(USER);
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('grid-map').waitFor({ timeout: 60_000 });
    });
    const caseList = await measure(page, cdp, async () => {
      await page.goto(`${BASE_URL}/cases`);
      await page.locator('table, .case-list').first().waitFor({ timeout: 60_000 });
    });
    return { login, dashboard, caseList };
  } finally {
    await browser.close();
  }
}

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const plain = await run(false);
const packed = await run(true);
console.log('| page (what loads) | uncompressed | compressed | share |');
console.log('|---|---:|---:|---:|');
for (const page of ['login', 'dashboard', 'caseList'] as const) {
  for (const kind of ['js', 'css', 'api'] as const) {
    const before = plain[page][kind];
    const after = packed[page][kind];
    if (before === 0) continue;
    console.log(
      `| ${page} ${kind} | ${kib(before)} | ${kib(after)} | ${((after / before) * 100).toFixed(0)} % |`,
    );
  }
}
