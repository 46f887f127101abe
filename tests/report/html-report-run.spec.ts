// Reproducing a failure from the report, and what it says about the run as a whole, in a real browser: the exchange
// that broke the rule marked and open first, the setup that made its ids listed before it and the cleanup folded
// after it, a Reproduce box (embedded runs only) naming the fault and the credentials, the cleanup summary, the
// draft-support table of a --read-only run, the slowest checks and a timeline with one mark per check.
import { test, expect } from '@playwright/test';
import { REPRODUCE_PORT } from '../../cli/reproduce.ts';
import { CHROMIUM_OPTIONS, expectOffline, open, requireChromium, shot } from './report-page.ts';
import { embeddedRun, EMBEDDED_ORIGIN, failingRun, ORD003_IDS, PLANTED_API_KEY, PLANTED_SECRET, readOnlyRun, SAMPLE_FAULT, SPECS, TARGET } from './sample-results.ts';

test.use(CHROMIUM_OPTIONS);
test.beforeAll(requireChromium);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

test('the exchange that broke the rule is marked and open first, after the setup that made its ids; cleanup is folded', async ({ page }, testInfo) => {
  const opened = await open(page, failingRun(), 'culprit', testInfo);
  await page.locator('.what-failed a[data-open="ORD-003"]').click();
  const ord003 = page.locator('#req-ORD-003');
  const culprit = ord003.locator('details.ex-culprit');
  await expect(culprit).toHaveCount(1);
  // open by default, and the only one open: not the last exchange, a cleanup DELETE
  await expect(culprit).toHaveAttribute('open', '');
  await expect(ord003.locator('details.ex[open]')).toHaveCount(1);
  await expect(culprit.locator('.culprit')).toHaveText('broke the rule');
  await expect(culprit.locator('.method')).toHaveText('POST');
  await expect(culprit.locator('.url')).toHaveText(`${TARGET}/flows/${ORD003_IDS.flow}/action?op=publish`);
  // a 200 that should have been refused is red here, never the green of a success
  const status = culprit.locator('.code-st');
  await expect(status).toHaveText('200');
  const red = await page.locator('.tile-fail .num').evaluate((n) => getComputedStyle(n).color);
  expect(await status.evaluate((n) => getComputedStyle(n).backgroundColor)).toBe(red);
  await expect(culprit.locator('dl.exp dd').first()).toHaveText(`4xx (source connection ${ORD003_IDS.draft} is a draft)`);
  await expect(culprit.locator('dl.exp .got')).toHaveText(/^200 \{"id":/);

  // the setup before it: every step labelled, and every id the culprit and its flow name created by a listed exchange
  const exchanges = ord003.locator('details.ex');
  await expect(exchanges).toHaveCount(14);
  await expect(ord003.locator('details.ex-setup .role-setup')).toHaveCount(8);
  await expect(exchanges.first().locator('.step-name')).toHaveText('create a draft base connection');
  const listed = await exchanges.evaluateAll((nodes) => nodes.map((n) => ({
    url: n.querySelector('.url')?.textContent ?? '', culprit: n.classList.contains('ex-culprit'),
    bodies: [...n.querySelectorAll('.bodyd pre')].map((p) => p.textContent ?? ''),
  })));
  const at = listed.findIndex((x) => x.culprit);
  expect(at).toBe(8);
  const createdBefore = (id: string) => listed.slice(0, at).some((x) => /\?mode=draft$/.test(x.url) && x.bodies.some((b) => b.includes(`"id": "${id}"`)));
  const flowCreate = listed[at - 1]!;
  const named = new Set([...(listed[at]!.url.match(UUID) ?? []), ...(flowCreate.bodies[0]?.match(UUID) ?? [])]);
  expect([...named].sort()).toEqual([ORD003_IDS.flow, ORD003_IDS.published, ORD003_IDS.draft, ORD003_IDS.target].sort());
  for (const id of named) expect(createdBefore(id), `an exchange before the culprit created ${id}`).toBe(true);

  // the test's cleanup after it: folded into one closed group, each labelled
  const group = ord003.locator('details.ex-group');
  await expect(group).toHaveCount(1);
  await expect(group).not.toHaveAttribute('open', '');
  await expect(group.locator(':scope > summary')).toHaveText('Cleanup after the check · 5 requests');
  await expect(group.locator('details.ex-cleanup .role-cleanup')).toHaveCount(5);
  await expect(group.locator('details.ex-cleanup .method')).toHaveText(Array(5).fill('DELETE'));
  await culprit.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'culprit.png');
  expectOffline(opened);
});

test('an embedded run has a Reproduce box naming its fault and the credentials, and its curls aim at that server', async ({ page }, testInfo) => {
  const results = embeddedRun();
  const opened = await open(page, results, 'reproduce', testInfo);
  const box = page.locator('#reproduce');
  await expect(box).toBeVisible();
  await expect(box.locator('code.fault')).toHaveText(SAMPLE_FAULT);
  await expect(box.locator('#reproduce-serve')).toHaveText([
    'export AEP_ACCESS_TOKEN=reference-access-token AEP_API_KEY=reference-api-key AEP_ORG_ID=REFERENCE0000000000000000@AdobeOrg',
    `npx flow-conformance serve --port ${REPRODUCE_PORT} --fault ${SAMPLE_FAULT}`,
  ].join('\n'));
  await expect(box.locator('dl.creds')).toContainText('Bearer reference-access-token');
  await expect(box.locator('dl.creds')).toContainText('reference-api-key');
  await box.locator('.copy').click();
  await expect(box.locator('.copy')).toHaveText(/Copied|Select/);

  // the workers' servers are gone: the curls name the one the box starts, with the credentials as its variables
  await page.locator('.what-failed a[data-open="ORD-003"]').click();
  const culprit = page.locator('#req-ORD-003 details.ex-culprit');
  await expect(culprit.locator('.url')).toHaveText(`${EMBEDDED_ORIGIN}/data/foundation/flowservice/flows/${ORD003_IDS.flow}/action?op=publish`);
  const curl = culprit.locator('[data-kind="curl"] pre');
  await expect(curl).toContainText(`curl -X POST 'http://127.0.0.1:${REPRODUCE_PORT}/data/foundation/flowservice/flows/${ORD003_IDS.flow}/action?op=publish'`);
  await expect(curl).toContainText('-H "authorization: Bearer $AEP_ACCESS_TOKEN"');
  expect(opened.html).not.toContain(`curl -X POST '${EMBEDDED_ORIGIN}`);
  await shot(page, testInfo, 'reproduce.png');
  expectOffline(opened);
});

test('a --target run has no Reproduce box, and its curls stay as sent, secrets redacted', async ({ page }, testInfo) => {
  const opened = await open(page, failingRun(), 'target', testInfo);
  await expect(page.locator('#reproduce')).toHaveCount(0);
  expect(opened.html).not.toContain('reference-access-token');
  await page.locator('.what-failed a[data-open="ORD-003"]').click();
  await expect(page.locator('#req-ORD-003 details.ex-culprit [data-kind="curl"] pre')).toContainText(`curl -X POST '${TARGET}/flows/${ORD003_IDS.flow}/action?op=publish'`);
  await page.locator('details.req, details.ex, details.ex-group').evaluateAll((rows) => rows.forEach((r) => { (r as HTMLDetailsElement).open = true; }));
  const dom = await page.content();
  for (const secret of [PLANTED_SECRET, PLANTED_API_KEY]) {
    expect(opened.html).not.toContain(secret);
    expect(dom).not.toContain(secret);
  }
  expectOffline(opened);
});

test('the cleanup summary counts what was created and deleted, lists what was left and how to retry', async ({ page }, testInfo) => {
  const opened = await open(page, failingRun(), 'cleanup', testInfo);
  const cleanup = page.locator('#cleanup');
  await expect(cleanup.locator('[data-cleanup="created"]')).toHaveText('143');
  await expect(cleanup.locator('[data-cleanup="deleted-by-their-checks"]')).toHaveText('138');
  await expect(cleanup.locator('[data-cleanup="deleted-at-the-end-of-the-run"]')).toHaveText('3');
  await expect(cleanup.locator('[data-cleanup="left-behind"]')).toHaveText('2');
  await expect(cleanup.locator('tbody tr')).toHaveCount(2);
  await expect(cleanup.locator('tbody tr').first()).toContainText('fck-left-flow-0001');
  await expect(cleanup.locator('tbody tr').first()).toContainText('DELETE answered 503');
  await expect(cleanup.locator('#cleanup-command')).toHaveText('npx flow-conformance cleanup --ledger reports/ci/ledger.jsonl');
  await cleanup.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'cleanup.png');
  expectOffline(opened);

  // an embedded run: its servers ended with it, so nothing to retry and no end-of-run deletes
  const page2 = await page.context().newPage();
  const embedded = await open(page2, embeddedRun(), 'cleanup-embedded', testInfo);
  await expect(page2.locator('#cleanup')).toContainText('nothing to clean up');
  await expect(page2.locator('#cleanup-command')).toHaveCount(0);
  await expect(page2.locator('[data-cleanup="deleted-at-the-end-of-the-run"]')).toHaveCount(0);
  expectOffline(embedded);
});

test('a --read-only run shows every spec with its draft support, ahead of the requirements', async ({ page }, testInfo) => {
  const opened = await open(page, readOnlyRun(), 'read-only', testInfo);
  const table = page.locator('#draft-support');
  await expect(table.locator('h2')).toHaveText('Draft support by spec (read-only probe)');
  await expect(table.locator('tbody tr')).toHaveCount(SPECS.length);
  await expect(table.locator('tbody tr td:last-child')).toHaveText(['yes', 'no', 'not stated (absent)', 'yes']);
  await expect(table.locator('tbody tr').nth(3)).toContainText('flow spec');
  await expect(table).toContainText('2 of 4 specs the target lists');
  // the probe's main answer comes before the requirement list
  expect(await page.evaluate(() => Boolean(document.getElementById('draft-support')!.compareDocumentPosition(document.getElementById('app')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
  await shot(page, testInfo, 'read-only.png');
  expectOffline(opened);
});

test('the slowest checks are the five longest, longest first, each linked to its requirement', async ({ page }, testInfo) => {
  const results = failingRun();
  const opened = await open(page, results, 'slowest', testInfo);
  const rows = page.locator('#slowest tbody tr');
  await expect(rows).toHaveCount(5);
  const want = [...results.checks!].sort((a, b) => b.durationMs - a.durationMs).slice(0, 5);
  await expect(rows.first()).toContainText('ORD-007');
  await expect(rows.locator('td:nth-child(2)')).toHaveText(want.map((c) => c.requirements.join(' ')));
  await rows.first().locator('a[data-open]').click();
  await expect(page.locator('#req-ORD-007')).toHaveAttribute('open', '');
  expectOffline(opened);
});

test('the timeline has one mark per check that started, coloured by status, on the run\'s time axis, with no secret', async ({ page }, testInfo) => {
  const results = failingRun();
  const opened = await open(page, results, 'timeline', testInfo);
  const svg = page.locator('#timeline svg.tl-svg');
  await expect(svg).toBeVisible();
  const started = results.checks!.filter((c) => c.startMs !== undefined);
  expect(started.length).toBe(results.checks!.length - 1);
  const marks = svg.locator('rect.tl-mark');
  await expect(marks).toHaveCount(started.length);
  // two checks at a time: two lanes; each mark's colour is its status's
  expect(new Set(await marks.evaluateAll((rs) => rs.map((r) => r.getAttribute('y')))).size).toBe(2);
  await expect(svg.locator('rect.tl-mark.tl-fail')).toHaveCount(started.filter((c) => c.status === 'fail').length);
  const fill = (selector: string) => svg.locator(selector).first().evaluate((n) => getComputedStyle(n).fill);
  expect(await fill('rect.tl-fail')).not.toBe(await fill('rect.tl-pass'));
  // the longest check is the widest mark, and starts where its start says
  const ord007 = svg.locator('rect.tl-mark[data-open="ORD-007"]');
  const widths = await marks.evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
  expect(Number(await ord007.getAttribute('width'))).toBe(Math.max(...widths));
  await expect(ord007.locator('title')).toContainText('ORD-007 · random sequences');
  const html = await svg.evaluate((n) => n.outerHTML);
  for (const secret of [PLANTED_SECRET, PLANTED_API_KEY, 'Bearer ']) expect(html).not.toContain(secret);
  await ord007.click();
  await expect(page.locator('#req-ORD-007')).toHaveAttribute('open', '');
  await page.locator('#timeline').scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'timeline.png');
  expectOffline(opened);
});
