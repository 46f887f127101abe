// The `error` status in the views that are not the HTML report: JUnit (<error>, the errors count, the verdict as a
// property), the closing summary ("Could not check:", "N error") and the live line per requirement (? not ✗),
// including the tests a stopped runner never started. Pure: no kit runs.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { FullConfig, FullResult, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { fold, type TestOutcome } from '../../cli/fold.ts';
import { renderJunit } from '../../cli/junit.ts';
import OutcomesReporter, { OUTCOMES_FILE } from '../../cli/outcomes-reporter.ts';
import { printSummary } from '../../cli/summary.ts';
import { conformantRun, failingRun, noVerdictRun } from '../report/sample-results.ts';

const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin) as unknown as (ajv: Ajv) => Ajv;

function captured(stream: 'log' | 'stdout', run: () => void): string {
  let text = '';
  const original = stream === 'log' ? console.log : process.stdout.write;
  if (stream === 'log') console.log = (...args: unknown[]) => { text += `${args.join(' ')}\n`; };
  else process.stdout.write = ((chunk: string) => { text += chunk; return true; }) as typeof process.stdout.write;
  try {
    run();
  } finally {
    if (stream === 'log') console.log = original as typeof console.log;
    else process.stdout.write = original as typeof process.stdout.write;
  }
  return text;
}

test('results.json with errors and each of the three verdicts validates against its schema', () => {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync('specs/results.schema.json', 'utf8')));
  for (const results of [failingRun(), noVerdictRun(), conformantRun()]) expect(validate(JSON.parse(JSON.stringify(results))), JSON.stringify(validate.errors)).toBe(true);
  expect(new Set([failingRun().verdict, noVerdictRun().verdict, conformantRun().verdict])).toEqual(new Set(['non-conformant', 'no-verdict', 'conformant']));
  // the schema knows the status and the verdict it must refuse
  const bad = failingRun();
  bad.requirements[0]!.status = 'skipped' as never;
  expect(validate(JSON.parse(JSON.stringify(bad)))).toBe(false);
});

test('JUnit: an error is a testcase with <error message=…>, counted in errors, and the verdict is a property', () => {
  const xml = renderJunit(failingRun());
  const gate = /<testcase [^>]*name="GATE-002 [^"]*"[^>]*>\s*<error message="([^"]*)" type="MUST">/.exec(xml);
  expect(gate?.[1]).toMatch(/^could not check: POST \/flows\?mode=draft: no answer/);
  expect(xml).toMatch(/<testcase [^>]*name="PUB-006 [^"]*"[^>]*>\s*<error message="could not check: setup: POST \/connections answered 200 \{\} — see DRAFT-007 \[PUB-006\]" type="SHOULD">/);
  expect(xml.match(/<error /g)).toHaveLength(2);
  expect(xml).toMatch(/<testsuite [^>]* errors="2"/);
  expect(xml).toMatch(/<testsuites [^>]* errors="2"/);
  // the failures count leaves out what the kit could not check
  expect(xml).toMatch(/<testsuite [^>]* failures="3"/);
  expect(xml).toContain('<property name="verdict" value="non-conformant"/>');
  expect(renderJunit(noVerdictRun())).toContain('<property name="verdict" value="no-verdict"/>');
});

test('the summary lists what could not be checked under its own heading, with the reason, and counts errors', () => {
  const results = noVerdictRun();
  const text = captured('log', () => printSummary(results, { unexpected: [], expired: [], fixed: [] }, 'reports/x'));
  expect(text).toMatch(/^Verdict +NO VERDICT/m);
  expect(text).toContain('no verdict: the kit could not check 1 MUST requirement: DEL-001');
  expect(text).toMatch(/Requirements \d+ pass · 0 fail · 0 warn · 2 error · 1 not applicable/);
  const section = text.slice(text.indexOf('Could not check:'));
  expect(section).toMatch(/^Could not check:\n {2}\? DEL-001 +MUST +a deleted draft is gone\n +not run: the run was interrupted\n {2}\? PUB-006 +SHOULD .*\(SHOULD: does not fail the run\)\n +setup: POST \/connections answered 200/);
  expect(text).not.toContain('What failed:');
});

function testCase(id: string, requirement: string): TestCase {
  return { id, title: `a check of ${requirement}`, tags: [`@${requirement}`], location: { file: '/kit/suites/x.spec.ts', line: 3, column: 1 }, annotations: [] } as unknown as TestCase;
}
function result(status: TestResult['status'], message?: string): TestResult {
  return { status, duration: 12, errors: message ? [{ message }] : [], attachments: [], annotations: [] } as unknown as TestResult;
}

test('the live line marks a check the kit could not make with ?, and a stopped runner\'s unstarted tests as not run', async ({}, testInfo) => {
  const dir = testInfo.outputPath('report');
  mkdirSync(dir, { recursive: true });
  const previous = process.env.FLOW_CONFORMANCE_REPORT_DIR;
  process.env.FLOW_CONFORMANCE_REPORT_DIR = dir;
  const tests = [testCase('a', 'DRAFT-005'), testCase('b', 'ORD-003'), testCase('c', 'ORD-004'), testCase('d', 'DEL-001')];
  const reporter = new OutcomesReporter();
  let text = '';
  try {
    text = captured('stdout', () => {
      reporter.onBegin({ rootDir: '/kit' } as FullConfig, { allTests: () => tests } as unknown as Suite);
      reporter.onTestEnd(tests[0]!, result('failed', 'CouldNotCheck: setup: POST /connections answered 200 {} — see DRAFT-007 [DRAFT-005]'));
      reporter.onTestEnd(tests[1]!, result('failed', 'RequirementFailure: POST /flows/f/action?op=publish: expected 4xx, received 200 [ORD-003]'));
      reporter.onTestEnd(tests[2]!, result('interrupted'));
      reporter.onEnd({ status: 'interrupted' } as FullResult);
    });
  } finally {
    if (previous === undefined) delete process.env.FLOW_CONFORMANCE_REPORT_DIR;
    else process.env.FLOW_CONFORMANCE_REPORT_DIR = previous;
  }
  expect(text).toMatch(/^\? DRAFT-005 .*\n +could not check: setup: POST \/connections answered 200 \{\} — see DRAFT-007/m);
  expect(text).toMatch(/^✗ ORD-003 .*\n +POST \/flows\/f\/action\?op=publish: expected 4xx/m);
  expect(text).toMatch(/^\? ORD-004 .*\n +could not check: not finished: the run was interrupted/m);
  expect(text).toMatch(/^\? DEL-001 .*\n +could not check: not run: the run was interrupted/m);
  expect(text).not.toMatch(/^✗ (DRAFT-005|ORD-004|DEL-001)/m);

  // the test that never started is in outcomes.json, and the fold says why it has no verdict
  const outcomes = JSON.parse(readFileSync(join(dir, OUTCOMES_FILE), 'utf8')) as TestOutcome[];
  expect(outcomes).toHaveLength(4);
  const records = fold(outcomes, { strict: false, interrupted: true, selection: { requirements: ['DRAFT-005', 'ORD-003', 'ORD-004', 'DEL-001'] } });
  const status = (id: string) => records.find((r) => r.id === id);
  expect(status('DEL-001')).toMatchObject({ status: 'error', reason: 'not run: the run was interrupted' });
  expect(status('ORD-004')).toMatchObject({ status: 'error' });
  expect(status('DRAFT-005')).toMatchObject({ status: 'error' });
  expect(status('ORD-003')).toMatchObject({ status: 'fail' });
});
