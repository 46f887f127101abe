// What a run leaves behind: results.json valid against its schema with every requirement once, junit.xml with a
// testcase per requirement, and baselines that gate CI. Shards and merge: tests/cli/merge.spec.ts; baseline entries
// of model-based failures: tests/cli/baseline-model.spec.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { loadCatalogue } from '../../cli/catalogue.ts';
import { readResults, runCli } from '../support/run-cli.ts';

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
