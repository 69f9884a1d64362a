import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, countGridsInScope, launchBrowser, newIsolatedContext, signIn } from '../src/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the app shell', () => {
  it('when a visitor opens the app, signs in and switches to English, then the map shows in English and the choice survives a reload', async () => {
    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    await page.goto(baseUrl());
    await expect.poll(() => page.url()).toContain('/login');
    await signIn(page, 'town01');
    const map = page.getByTestId('grid-map');
    await map.waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Map' }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Map' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => map.getAttribute('data-grid-count')).toBe(await countGridsInScope(page));
    await context.close();
  });
});
