// The HTML report in a real browser, opened from file:// with the network off: the verdict and counts at the top,
// filters, evidence with exchanges and curl, the shrunk model-based sequence, no secret anywhere, and markup from a
// target shown as text, never run.
import { test, expect, type Page } from '@playwright/test';
import { CHROMIUM_OPTIONS, expectOffline, open, requireChromium, shot } from './report-page.ts';
import { conformantRun, failingRun, INJECTION, noVerdictRun, PLANTED_API_KEY, PLANTED_SECRET, TARGET } from './sample-results.ts';

test.use(CHROMIUM_OPTIONS);
test.beforeAll(requireChromium);

const visibleRows = (page: Page) => page.locator('details.req:visible');

test('the failing run shows the verdict, the counts and what failed at the top', async ({ page }, testInfo) => {
  const results = failingRun();
  const opened = await open(page, results, 'failing', testInfo);
  await expect(page.locator('#verdict')).toHaveText('NON-CONFORMANT');
  await expect(page.locator('.meta')).toContainText(TARGET);
  await expect(page.locator('.meta')).toContainText('flow-service-conformance 0.1.0');
  await expect(page.locator('.meta')).toContainText('2 min 12 s');
  for (const [status, count] of [['fail', 4], ['error', 2], ['warn', 1], ['not-applicable', 3], ['pass', results.requirements.length - 10]] as const) {
    await expect(page.locator(`[data-count="${status}"]`)).toHaveText(String(count));
  }
  const failed = page.locator('.what-failed li');
  await expect(failed).toHaveCount(4);
  await expect(page.locator('.what-failed')).toContainText('ORD-003');
  await expect(failed.last()).toContainText('ETAG-001');
  await expect(page.locator('.what-failed')).toContainText('expected 4xx, received 200');
  await expect(page.locator('.what-failed')).toContainText('known failure');
  await expect(page.locator('a.pw')).toHaveAttribute('href', 'playwright-report/index.html');
  // the matrix: one row per area, a chip per requirement
  await expect(page.locator('.matrix tbody tr')).toHaveCount(Object.keys(results.areas).length);
  await expect(page.locator('.matrix .chip')).toHaveCount(results.requirements.length);
  // failures come first in the list
  await expect(visibleRows(page).first()).toHaveAttribute('data-status', 'fail');
  await shot(page, testInfo, 'failing-run.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, testInfo, 'failing-run-narrow.png');
  expectOffline(opened);
});

test('what the kit could not check has its own colour, tile, filter and group, right after the failures', async ({ page }, testInfo) => {
  const opened = await open(page, failingRun(), 'errors', testInfo);
  // the headline section: right after what failed, MUST first, a SHOULD marked as not failing the run
  await expect(page.locator('header.top > section').nth(0)).toHaveClass('what-failed');
  await expect(page.locator('header.top > section').nth(1)).toHaveClass('could-not-check');
  const unchecked = page.locator('.could-not-check li');
  await expect(unchecked).toHaveCount(2);
  await expect(unchecked.first()).toContainText('GATE-002');
  await expect(unchecked.last()).toContainText('PUB-006');
  await expect(unchecked.last()).toContainText('SHOULD: does not fail the run');
  await expect(unchecked.last()).toContainText('setup: POST /connections answered 200 {} — see DRAFT-007');
  await expect(page.locator('.what-failed')).not.toContainText('GATE-002');

  // its own colour: not the fail red, not the warn amber
  const colour = (selector: string) => page.locator(selector).evaluate((node) => getComputedStyle(node).borderTopColor);
  const [error, fail, warn] = [await colour('.tile-error'), await colour('.tile-fail'), await colour('.tile-warn')];
  expect(error).not.toBe(fail);
  expect(error).not.toBe(warn);
  const chip = await page.locator('.chip[data-open="GATE-002"]').evaluate((node) => getComputedStyle(node).color);
  expect(chip).toBe(await page.locator('.tile-error .num').evaluate((node) => getComputedStyle(node).color));

  // its own group, second in the list, after the failures
  const groups = await page.locator('.list > section.group').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-group')));
  expect(groups.slice(0, 2)).toEqual(['fail', 'error']);
  await expect(page.locator('section.group[data-group="error"] h3')).toHaveText('What could not be checked · 2');

  // its own filter button, and the tile filters too
  await expect(page.locator('.fbtn[data-status="error"] .fcount')).toHaveText('2');
  await page.locator('.fbtn[data-status="error"]').click();
  await expect(visibleRows(page)).toHaveCount(2);
  expect(await visibleRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual(['GATE-002', 'PUB-006']);
  expect(page.url()).toContain('#status=error');
  await page.locator('#reset').click();
  await page.locator('.tile-error').click();
  await expect(visibleRows(page)).toHaveCount(2);

  const pub = page.locator('#req-PUB-006');
  await pub.locator('summary').first().click();
  await expect(pub.locator('.st-error')).toHaveText('Error');
  await expect(pub.locator('pre.msg')).toContainText('see DRAFT-007');
  await shot(page, testInfo, 'could-not-check.png');
  expectOffline(opened);
});

test('a MUST the kit could not check, and nothing failed, is NO VERDICT', async ({ page }, testInfo) => {
  const opened = await open(page, noVerdictRun(), 'no-verdict', testInfo);
  await expect(page.locator('#verdict')).toHaveText('NO VERDICT');
  await expect(page.locator('.verdict')).toHaveClass(/verdict-none/);
  await expect(page.locator('.gist')).toHaveText('No verdict: the kit could not check 1 MUST requirement: DEL-001.');
  await expect(page.locator('.what-failed')).toHaveCount(0);
  await expect(page.locator('.could-not-check li')).toHaveCount(2);
  await expect(page.locator('.could-not-check li').first()).toContainText('not run: the run was interrupted');
  expect(opened.html).toContain('<title>NO VERDICT');
  expectOffline(opened);
});

test('filters by status, level, area and search, and keeps them in the URL hash', async ({ page }, testInfo) => {
  const results = failingRun();
  const opened = await open(page, results, 'filters', testInfo);
  const total = results.requirements.length;
  await expect(page.locator('#shown')).toHaveText(`Showing ${total} of ${total}`);

  await page.locator('.fbtn[data-status="fail"]').click();
  await expect(visibleRows(page)).toHaveCount(4);
  for (const status of await visibleRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))) expect(status).toBe('fail');
  expect(page.url()).toContain('#status=fail');

  await page.locator('#f-q').fill('stale');
  await expect(visibleRows(page)).toHaveCount(1);
  await expect(visibleRows(page).first()).toHaveAttribute('data-id', 'ETAG-001');

  await page.locator('#f-q').fill('no such requirement anywhere');
  await expect(page.locator('.empty')).toBeVisible();

  await page.locator('#reset').click();
  await page.locator('#f-level').selectOption('SHOULD');
  const should = results.requirements.filter((r) => r.level === 'SHOULD').length;
  await expect(visibleRows(page)).toHaveCount(should);

  await page.locator('#f-level').selectOption('');
  await page.locator('.matrix tr[data-area="etag"] .area-btn').click();
  await expect(visibleRows(page)).toHaveCount(results.requirements.filter((r) => r.area === 'etag').length);

  // a shared link restores the filters
  await page.goto(`${page.url().split('#')[0]}#status=warn,not-applicable&q=sandbox`);
  await page.reload();
  await expect(visibleRows(page)).toHaveCount(1);
  await expect(visibleRows(page).first()).toHaveAttribute('data-id', 'API-004');
  expectOffline(opened);
});

test('evidence shows exchanges, a curl per exchange and the shrunk sequence, with no secret anywhere', async ({ page }, testInfo) => {
  const opened = await open(page, failingRun(), 'evidence', testInfo);
  const ord003 = page.locator('#req-ORD-003');
  await page.locator('.what-failed a[data-open="ORD-003"]').click();
  await expect(ord003).toHaveAttribute('open', '');
  const publish = ord003.locator('details.ex-culprit');
  await expect(publish.locator('.code-st')).toHaveText('200');
  await expect(publish.locator('.method')).toHaveText('POST');
  const curl = publish.locator('[data-kind="curl"] pre');
  await expect(curl).toContainText(`curl -X POST '${TARGET}/flows/9c1d5e2a-4b7f-4f3e-9d61-2b8a7c0e5f11/action?op=publish'`);
  await expect(curl).toContainText('-H "authorization: Bearer $AEP_ACCESS_TOKEN"');
  await expect(curl).toContainText('-H "x-api-key: $AEP_API_KEY"');
  await publish.locator('[data-kind="curl"] .copy').click();
  await expect(publish.locator('[data-kind="curl"] .copy')).toHaveText(/Copied|Select/);
  // the un-redacted exchange: the report masks credential headers on its own
  const first = ord003.locator('details.ex').first();
  await first.locator(':scope > summary').click();
  await expect(first.locator('[data-kind="curl"] pre')).toContainText(`--data-raw '{"name":"kit base","auth":{"specName":"Basic Authentication"}}'`);
  await expect(first.locator('table.hdrs').first()).toContainText('Bearer [redacted]');

  const ord007 = page.locator('#req-ORD-007');
  await ord007.locator('summary').first().click();
  await expect(ord007.locator('ol.steps li')).toHaveCount(4);
  await expect(ord007.locator('ol.steps li').last()).toHaveText('publish draft flow #0');
  await expect(ord007.locator('[data-kind="replay"] pre')).toHaveText('flow-conformance --requirement ORD-007 --seed 1938472650 --path "17:3:0:1"');
  await expect(ord007.locator('pre.msg')).toHaveText(/^step "publish draft flow #0": expected 4xx/);

  const gate = page.locator('#req-GATE-002');
  await gate.locator('summary').first().click();
  await expect(gate.locator('.code-st')).toHaveText('no answer');
  await expect(gate.locator('pre.msg').last()).toContainText('socket hang up');
  await shot(page, testInfo, 'evidence.png');

  // every requirement opened: neither the file nor the rendered page holds a secret
  await page.locator('details.req').evaluateAll((rows) => rows.forEach((r) => { (r as HTMLDetailsElement).open = true; }));
  await page.locator('details.ex').evaluateAll((rows) => rows.forEach((r) => { (r as HTMLDetailsElement).open = true; }));
  const dom = await page.content();
  for (const secret of [PLANTED_SECRET, PLANTED_API_KEY]) {
    expect(opened.html).not.toContain(secret);
    expect(dom).not.toContain(secret);
  }
  expectOffline(opened);
});

test('markup in a target response is shown as text and never runs', async ({ page }, testInfo) => {
  const opened = await open(page, failingRun(), 'injection', testInfo);
  expect(opened.html).not.toContain('<script>window.__injected');
  expect(opened.html).not.toContain('<img src=x');
  const api007 = page.locator('#req-API-007');
  await api007.locator('summary').first().click();
  const body = api007.locator('details.ex pre').filter({ hasText: INJECTION });
  await expect(body).toBeVisible();
  await expect(body).toContainText('token [redacted] rejected');
  await expect(api007.locator('details.ex > summary')).toContainText('after 2 retries (1.50 s waiting)');
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await expect(page.locator('#app img, #app script')).toHaveCount(0);
  expectOffline(opened);
});

test('the conformant run says so and lists no failures', async ({ page }, testInfo) => {
  const results = conformantRun();
  const opened = await open(page, results, 'conformant', testInfo);
  await expect(page.locator('#verdict')).toHaveText('CONFORMANT');
  await expect(page.locator('.verdict')).toHaveClass(/verdict-ok/);
  await expect(page.locator('.what-failed')).toHaveCount(0);
  await expect(page.locator('[data-count="fail"]')).toHaveText('0');
  await expect(page.locator('[data-count="warn"]')).toHaveText('1');
  await expect(visibleRows(page).first()).toHaveAttribute('data-status', 'warn');
  await shot(page, testInfo, 'conformant-run.png');
  expectOffline(opened);
});
