// `flow-conformance compare` lists where two implementations answer the same seeded checks differently, and nothing
// else: the reference server against itself (a --target beside the embedded one) shows no difference; against the
// deliberately different implementation of tests/targets/ it shows exactly what that wrapper changes (200 creates,
// 202 deletes, 428 for a missing If-Match, another error shape and media type, an extra item field, no Location) and
// what follows from it (DRAFT-008, a SHOULD, warns; that check's requests part ways). Ids, etags, timestamps, names,
// field order and masked values, which the wrapper also changes, never count. Comparing the two finished runs as
// files gives the same report, and drift.html renders in Chromium with nothing leaving the page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, expect, test } from '@playwright/test';
import { Ajv } from 'ajv';
import type { DriftFile } from '../../cli/compare/drift-file.ts';
import { DEFAULT_CREDENTIALS } from '../../server/app.ts';
import { startReferenceServer } from '../../server/listen.ts';
import { CHROMIUM_OPTIONS, requireChromium } from '../report/report-page.ts';
import { startVariant } from '../targets/variant-server.ts';
import { runCli } from '../support/run-cli.ts';

const ENV = { AEP_ACCESS_TOKEN: DEFAULT_CREDENTIALS.accessToken, AEP_API_KEY: DEFAULT_CREDENTIALS.apiKey, AEP_ORG_ID: DEFAULT_CREDENTIALS.orgId, AEP_OTHER_SANDBOX_NAME: 'kit-other' };
/** A smaller model budget than a run's: the comparison needs the same sequences on both sides, not many of them. */
const BUDGET = ['--runs', '8', '--seed', '11'];
const readDrift = (dir: string) => JSON.parse(readFileSync(join(dir, 'drift.json'), 'utf8')) as DriftFile;
const schema = JSON.parse(readFileSync('specs/drift.schema.json', 'utf8')) as object;

/** What the variant changes, one pattern per change: each must be found, and every difference must be one of them. */
const INTRODUCED: [string, RegExp][] = [
  ['creates answer 200', /^status-code create\w+: answered 201 on A, 200 on B$/],
  ['deletes answer 202', /^status-code delete\w+: answered 204 on A, 202 on B$/],
  ['a missing If-Match answers 428', /^status-code patch\w+: answered 400 on A, 428 on B$/],
  ['error bodies of another shape', /^error-shape \w+: error body fields: .* only on A; error only on B$/],
  ['errors as application/problem+json', /^header \w+: content-type: application\/json on A, application\/problem\+json on B$/],
  ['an extra field on every item', /^types \w+: items\[\]\.variantRevision only on B \(number\)$/],
  ['no Location on creates', /^header create\w+: location: present on A, absent on B$/],
  ['DRAFT-008 (creates answer 201, a SHOULD) warns', /^requirement DRAFT-008: DRAFT-008: pass on A, warn on B$/],
  ["DRAFT-008's check sends other requests once its create answered 200", /^sequence suites\/drafts\.spec\.ts › creates answer 201 Created: /],
];

test.setTimeout(600_000);

test('the reference server compared with itself shows no difference, and the two runs compared as files give the same report', async ({}, testInfo) => {
  const server = await startReferenceServer({ credentials: DEFAULT_CREDENTIALS });
  try {
    const dir = testInfo.outputPath('self');
    const run = await runCli(['compare', '--target', server.url, ...BUDGET, '--report-dir', dir], ENV);
    expect(run.code, run.stdout.slice(-3000) + run.stderr).toBe(0);
    const drift = readDrift(dir);
    expect(drift.differences).toEqual([]);
    expect(drift.disagreements).toBe(0);
    expect(drift.pairs).toBeGreaterThan(500);
    expect(drift.seed).toBe(11);
    expect(new Ajv({ strict: false }).validate(schema, drift)).toBe(true);
    expect(run.stdout).toContain('Drift        AGREE on every requirement; 0 differences');
    const files = await runCli(['compare', join(dir, 'a', 'results.json'), join(dir, 'b'), '--report-dir', testInfo.outputPath('files')], ENV);
    expect(files.code, files.stderr).toBe(0);
    expect({ ...readDrift(testInfo.outputPath('files')), a: null, b: null }).toEqual({ ...drift, a: null, b: null });
  } finally {
    await server.close();
  }
});

test('the reference server compared with the deliberately different implementation shows exactly what it changes', async ({}, testInfo) => {
  requireChromium();
  const server = await startReferenceServer({ credentials: DEFAULT_CREDENTIALS });
  const variant = await startVariant();
  try {
    const dir = testInfo.outputPath('variant');
    const run = await runCli(['compare', '--target', server.url, '--against', variant.url, ...BUDGET, '--report-dir', dir], ENV);
    expect(run.code, run.stdout.slice(-3000) + run.stderr).toBe(1);
    const drift = readDrift(dir);
    expect(new Ajv({ strict: false }).validate(schema, drift)).toBe(true);
    expect(drift.disagreements).toBe(1);
    const lines = drift.differences.map((d) => `${d.kind} ${d.subject}: ${d.summary}`);
    expect(lines.filter((line) => !INTRODUCED.some(([, pattern]) => pattern.test(line))), 'differences the variant does not introduce').toEqual([]);
    expect(INTRODUCED.filter(([, pattern]) => !lines.some((line) => pattern.test(line))).map(([what]) => what), 'changes the comparison missed').toEqual([]);
    // the most significant first: the requirement, then what a client sees first
    expect(drift.differences[0]!.kind).toBe('requirement');

    const browser = await chromium.launch(CHROMIUM_OPTIONS.launchOptions);
    const page = await browser.newPage({ viewport: CHROMIUM_OPTIONS.viewport });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(join(dir, 'drift.html')).href);
    await expect(page.locator('#verdict')).toContainText('DISAGREE');
    await expect(page.locator('#requirements')).toContainText('DRAFT-008');
    await expect(page.locator('tr.drift')).toHaveCount(drift.differences.length - 1);
    await expect(page.locator('tr.drift').first()).toContainText('requests sent');
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    const shot = testInfo.outputPath('drift-report.png');
    await page.screenshot({ path: shot, fullPage: false });
    await testInfo.attach('drift-report.png', { path: shot, contentType: 'image/png' });
    await browser.close();
  } finally {
    await variant.close();
    await server.close();
  }
});

test('compare says what it needs, in one line, exit 2', async () => {
  for (const [args, message] of [
    [['compare'], /compare needs --target A/],
    [['compare', 'one-run'], /compare takes two runs/],
    [['compare', '--against', 'not a url', '--target', 'http://127.0.0.1:9/x'], /--against must be an http\(s\) URL/],
    [['compare', '/nonexistent/a', '/nonexistent/b'], /compare: no results\.json at/],
    [['--against', 'http://127.0.0.1:9/x'], /--against is for 'flow-conformance compare'/],
  ] as const) {
    const run = await runCli([...args]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  }
});
