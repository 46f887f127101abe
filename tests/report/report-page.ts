// What the report's browser tests share: Debian's chromium, the report opened from file:// with the network off, a
// check that nothing left the page and no script failed, and full-page screenshots attached to the test.
import { expect, type Page, type TestInfo } from '@playwright/test';
import { existsSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { renderHtmlReport } from '../../cli/html-report.ts';
import type { Results } from '../../cli/results.ts';

const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_OPTIONS = {
  viewport: { width: 1280, height: 900 },
  launchOptions: {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  },
};

export function requireChromium(): void {
  // CI installs Debian's chromium (.ci/run); a missing browser is a broken setup, not a reason to skip
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install it with 'apt-get install -y chromium' (the report test needs a real browser)`);
}

export interface Opened { html: string; requests: string[]; problems: string[] }

export async function open(page: Page, results: Results, name: string, testInfo: TestInfo): Promise<Opened> {
  const html = renderHtmlReport(results);
  const file = testInfo.outputPath(`${name}.html`);
  writeFileSync(file, html);
  const requests: string[] = [];
  const problems: string[] = [];
  await page.context().setOffline(true);
  await page.context().route('**', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // a CSP refusal (a script whose hash does not match) shows up as a console error
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  await page.goto(pathToFileURL(file).href);
  await expect(page.locator('#requirements')).toBeVisible();
  return { html, requests, problems };
}

export function expectOffline(opened: Opened): void {
  expect(opened.requests.filter((url) => !url.startsWith('file:')), 'requests that left the page').toEqual([]);
  expect(opened.problems).toEqual([]);
}

export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(name);
  await page.screenshot({ fullPage: true, path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
