// What a run leaves behind: results.json valid against its schema with every requirement once, junit.xml with a
// testcase per requirement, baselines that gate CI, and shards that merge into the unsharded verdict.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { loadCatalogue } from '../../cli/catalogue.ts';
import { readResults, runCli } from './run-cli.ts';

const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin) as unknown as (ajv: Ajv) => Ajv;
const catalogueIds = loadCatalogue().requirements.map((r) => r.id).sort();
const FAST = ['--requirement', 'DRAFT-001,PUB-001,ORD-003,ETAG-004,UPD-001'];

test('a conformant run writes results.json that validates against its schema and lists every requirement once', async ({}, testInfo) => {
  const dir = testInfo.outputPath('report');
  const run = await runCli(['--report-dir', dir, '--runs', '5']);
  expect(run.code, run.stderr).toBe(0);
  const results = readResults(dir);
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync('specs/results.schema.json', 'utf8')));
  expect(validate(results), JSON.stringify(validate.errors)).toBe(true);
  expect(results.requirements.map((r) => r.id).sort()).toEqual(catalogueIds);
  expect(results.verdict).toBe('conformant');
  expect(results.summary.pass).toBe(catalogueIds.length);
  expect(typeof results.seed).toBe('number');
  // no --target: the workers' own embedded servers, and everything the checks made was deleted by them
  expect(results).toMatchObject({ embedded: true, target: expect.stringContaining('embedded reference server') });
  expect(results.cleanup).toMatchObject({ leftBehind: [] });
  expect(results.cleanup?.created).toBeGreaterThan(0);
  const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
  expect(junit.match(/<testcase /g)).toHaveLength(catalogueIds.length);
  expect(junit).toContain('name="ORD-003 ');
  expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('ORD-003');
});

test('a known failure in the baseline does not fail the run; an expired one does', async ({}, testInfo) => {
  const dir = testInfo.outputPath('report');
  const baseline = testInfo.outputPath('baseline.yaml');
  writeFileSync(baseline, 'knownFailures:\n  - id: ETAG-004\n    reason: etags are unquoted until ticket 42\n    expires: 2999-01-01\n');
  const known = await runCli(['--report-dir', dir, ...FAST, '--fault', 'etags-unquoted', '--strict', '--baseline', baseline]);
  expect(known.code, known.stdout).toBe(0);
  expect(known.stdout).toContain('[known failure]');
  expect(readResults(dir).requirements.find((r) => r.id === 'ETAG-004')?.baseline?.expected?.reason).toContain('ticket 42');

  writeFileSync(baseline, 'knownFailures:\n  - id: ETAG-004\n    reason: etags are unquoted until ticket 42\n    expires: 2001-01-01\n');
  const expired = await runCli(['--report-dir', dir, ...FAST, '--fault', 'etags-unquoted', '--strict', '--baseline', baseline]);
  expect(expired.code).toBe(1);
  expect(expired.stdout).toContain('EXPIRED');
});

test('a baseline entry whose requirement now passes is reported, and fails the run under --strict', async ({}, testInfo) => {
  const dir = testInfo.outputPath('report');
  const baseline = testInfo.outputPath('baseline.yaml');
  writeFileSync(baseline, 'knownFailures:\n  - id: PUB-001\n    reason: was broken once\n');
  const lenient = await runCli(['--report-dir', dir, ...FAST, '--baseline', baseline]);
  expect(lenient.code).toBe(0);
  expect(lenient.stdout).toContain('Baseline entries that now pass (remove them): PUB-001');
  const strict = await runCli(['--report-dir', dir, ...FAST, '--baseline', baseline, '--strict']);
  expect(strict.code).toBe(1);
});

test('--write-baseline writes the failures of a run, and that baseline makes the same run pass', async ({}, testInfo) => {
  const dir = testInfo.outputPath('report');
  const baseline = testInfo.outputPath('written.yaml');
  const first = await runCli(['--report-dir', dir, ...FAST, '--fault', 'flow-publish-checks-first-source-only', '--write-baseline', baseline]);
  expect(first.code).toBe(1);
  expect(readFileSync(baseline, 'utf8')).toMatch(/- id: ORD-003\n\s+reason: "POST .*expected 4xx/);
  const second = await runCli(['--report-dir', dir, ...FAST, '--fault', 'flow-publish-checks-first-source-only', '--baseline', baseline]);
  expect(second.code).toBe(0);
});

test('a malformed baseline exits 2 with one line', async ({}, testInfo) => {
  const baseline = testInfo.outputPath('bad.yaml');
  writeFileSync(baseline, 'knownFailures:\n  - id: NOPE-001\n    reason: x\n');
  const run = await runCli(['--baseline', baseline]);
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toMatch(/^flow-conformance: baseline .* names no catalogue requirement \(NOPE-001\)$/);
});

test('two shards merged give the verdict and counts of one unsharded run', async ({}, testInfo) => {
  // three whole runs side by side, then two merges: on a shared 2-core machine that outlasts the default minute
  test.slow();
  const args = ['--fault', 'patch-keeps-etag', '--runs', '5', '--seed', '7'];
  const whole = testInfo.outputPath('whole');
  const [one, two] = [testInfo.outputPath('shard-1'), testInfo.outputPath('shard-2')];
  const [unsharded, first, second] = await Promise.all([
    runCli(['--report-dir', whole, ...args]),
    runCli(['--report-dir', one, '--shard', '1/2', ...args]),
    runCli(['--report-dir', two, '--shard', '2/2', ...args]),
  ]);
  expect(unsharded.code).toBe(1);
  expect(Math.max(first.code, second.code), first.stderr + second.stderr).toBe(1);
  const merged = testInfo.outputPath('merged');
  const merge = await runCli(['merge', one, two, '--report-dir', merged]);
  expect(merge.code, merge.stderr).toBe(1);
  const a = readResults(whole);
  const b = readResults(merged);
  // a shard alone says which requirements are in the other; merged, none does
  const elsewhere = (dir: string) => readResults(dir).requirements.filter((r) => /shard this report does not hold \(it holds --shard [12]\/2\)/.test(r.reason)).map((r) => r.id);
  expect(elsewhere(one).length).toBeGreaterThan(0);
  expect(elsewhere(one).every((id) => !elsewhere(two).includes(id)), 'a requirement every shard left out').toBe(true);
  expect(b.requirements.filter((r) => /shard/.test(r.reason))).toEqual([]);
  const partial = testInfo.outputPath('partial');
  const alone = await runCli(['merge', one, '--report-dir', partial]);
  expect(alone.stderr).not.toContain('internal error');
  expect(readResults(partial).requirements.map((r) => r.reason)).toContain(readResults(one).requirements.find((r) => r.id === elsewhere(one)[0])?.reason);
  expect(b.requirements.map((r) => `${r.id}:${r.status}`)).toEqual(a.requirements.map((r) => `${r.id}:${r.status}`));
  expect(b.verdict).toBe(a.verdict);
  expect(b.summary).toEqual(a.summary);
});
