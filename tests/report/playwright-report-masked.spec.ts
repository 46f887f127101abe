// Playwright's own HTML report, after the CLI masked the call logs in it, still opens in a real browser from file://
// and shows the run: rewriting its embedded archive must not cost the user that report.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { readResults, runCli } from '../support/run-cli.ts';
import { firstDeleteStalls, TARGET_CREDENTIALS } from '../support/stalling-target.ts';

const CHROMIUM = '/usr/bin/chromium';

test.use({
  launchOptions: { executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] },
});

test('Playwright\'s report, its call logs masked, opens and shows the failed check and its requests', async ({ page }, testInfo) => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install it with 'apt-get install -y chromium'`);
  const target = await firstDeleteStalls();
  const dir = testInfo.outputPath('report');
  try {
    const run = await runCli(['--target', target.url, '--transport', 'playwright', '--timeout', '1', '--requirement', 'DEL-001', '--report-dir', dir], TARGET_CREDENTIALS);
    // the DELETE went unanswered: the kit could not check DEL-001, so no verdict (exit 2), not a failure
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(readResults(dir).requirements.find((r) => r.id === 'DEL-001')?.status, run.stdout + run.stderr).toBe('error');
  } finally {
    await target.close();
  }
  const problems: string[] = [];
  // the unmasked report shows 'Failed to fetch' too: from file:// it cannot fetch its attachments' previews
  page.on('pageerror', (error) => { if (error.message !== 'Failed to fetch') problems.push(error.message); });
  await page.goto(pathToFileURL(join(dir, 'playwright-report', 'index.html')).href);
  const title = page.getByText('a deleted draft is gone').first();
  await expect(title).toBeVisible();
  await title.click();
  await expect(page.getByRole('link', { name: /Failed\s*1/ })).toBeVisible();
  await expect(page.getByText(/CouldNotCheck: DELETE .*no answer from the target \(timeout/).first()).toBeVisible();
  await page.getByRole('treeitem', { name: /^DELETE / }).click();
  expect(await page.locator('body').innerText()).not.toContain('reference-access-token');
  expect(problems).toEqual([]);
});
