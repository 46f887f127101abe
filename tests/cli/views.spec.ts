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
import { conformantRun, failingRun, knownFailuresRun, noVerdictRun, partialRun } from '../report/sample-results.ts';

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

test('results.json with errors and each of the four verdicts, with its headline, validates against its schema', () => {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync('specs/results.schema.json', 'utf8')));
  const runs = [failingRun(), noVerdictRun(), conformantRun(), partialRun(), knownFailuresRun()];
  for (const results of runs) expect(validate(JSON.parse(JSON.stringify(results))), JSON.stringify(validate.errors)).toBe(true);
  expect(new Set(runs.map((r) => r.verdict))).toEqual(new Set(['non-conformant', 'no-verdict', 'conformant', 'partial']));
  expect(runs.map((r) => r.headline)).toEqual(['NON-CONFORMANT', 'NO VERDICT', 'CONFORMANT', 'PARTIAL', 'CONFORMANT (2 known failures)']);
  // a headline no view would print, and a results.json without one, are refused
  expect(validate({ ...JSON.parse(JSON.stringify(conformantRun())), headline: 'CONFORMANT, mostly' })).toBe(false);
  const { headline: _, ...headless } = JSON.parse(JSON.stringify(conformantRun())) as Record<string, unknown>;
  expect(validate(headless)).toBe(false);
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
  expect(renderJunit(partialRun())).toContain('<property name="verdict" value="partial"/>');
  expect(renderJunit(partialRun())).toContain('<property name="headline" value="PARTIAL"/>');
  expect(renderJunit(knownFailuresRun())).toContain('<property name="headline" value="CONFORMANT (2 known failures)"/>');
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

/** Runs `run` with some variables set (a string) or unset (undefined), and puts them back after. */
function withEnv<T>(changes: Record<string, string | undefined>, run: () => T): T {
  const before = Object.fromEntries(Object.keys(changes).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  };
  apply(changes);
  try {
    return run();
  } finally {
    apply(before);
  }
}

/** Runs `print` as on a terminal `columns` wide that is not a TTY: $COLUMNS is all it has. */
function atWidth<T>(columns: number, print: () => T): T {
  const previous = process.env.COLUMNS;
  const own = Object.getOwnPropertyDescriptor(process.stdout, 'columns');
  process.env.COLUMNS = String(columns);
  Object.defineProperty(process.stdout, 'columns', { value: undefined, configurable: true, writable: true });
  try {
    return print();
  } finally {
    if (previous === undefined) delete process.env.COLUMNS;
    else process.env.COLUMNS = previous;
    if (own) Object.defineProperty(process.stdout, 'columns', own);
    else delete (process.stdout as { columns?: number }).columns;
  }
}

const LONG_TITLE = 'publish of a source connection is refused while its base connection is a draft';
const JSON_REASON = 'POST /connections/c-1/action?op=publish: expected 4xx, received 200 {"id":"c-1","etag":"\\"0b00\\"","state":"enabled","name":"kit base connection with a long name"} [ORD-001]';

function liveLines(columns: number, ends: [TestCase, TestResult][], env: Record<string, string> = {}): string {
  return atWidth(columns, () => withEnv({ FLOW_CONFORMANCE_STRICT: undefined, ...env, FLOW_CONFORMANCE_REPORT_DIR: undefined }, () => {
    const reporter = new OutcomesReporter();
    return captured('stdout', () => {
      reporter.onBegin({ rootDir: '/kit' } as FullConfig, { allTests: () => ends.map(([t]) => t) } as unknown as Suite);
      for (const [t, r] of ends) reporter.onTestEnd(t, r);
      reporter.onEnd({ status: 'passed' } as FullResult);
    });
  }));
}

test('the live lines fit the terminal: a title whole when there is room, cut with … when not; a reason cut before its JSON body', () => {
  const ends: [TestCase, TestResult][] = [[testCase('a', 'ORD-001'), result('failed', `RequirementFailure: ${JSON_REASON}`)], [testCase('b', 'API-001'), result('passed')]];
  const wide = liveLines(200, ends);
  expect(wide).toContain(LONG_TITLE);
  expect(wide).toContain('a request without a valid access token answers 401 or 403 and changes nothing');
  expect(wide).toContain(JSON_REASON);
  expect(wide).not.toContain('…');
  // every duration in one column
  expect(new Set(wide.split('\n').filter((l) => / ms$/.test(l)).map((l) => l.length)).size).toBe(1);

  const narrow = liveLines(60, ends);
  const lines = narrow.split('\n').filter(Boolean);
  for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(60);
  expect(narrow).toMatch(/^✗ ORD-001 +MUST +publish of a source connection… +\d+ ms$/m);
  // the reason: broken at spaces, and cut before the JSON body rather than inside it, saying the rest is in the report
  const reason = lines.filter((l) => l.startsWith(' '.repeat(19)) && !l.includes('whole in the report')).map((l) => l.trim()).join(' ');
  expect(reason).toMatch(/^POST \/connections\/c-1\/action\?op=publish: expected 4xx, received 200…$/);
  expect(narrow).toContain('(a reason cut with … is whole in the report)');
});

test('one mark per status: a SHOULD failure is ! live and in the summary, a MUST failure ✗, an error ?', () => {
  const ends: [TestCase, TestResult][] = [
    [testCase('a', 'DRAFT-008'), result('failed', 'RequirementFailure: POST /connections: expected 201, received 200 [DRAFT-008]')],
    [testCase('b', 'ORD-003'), result('failed', 'RequirementFailure: POST /flows/f/action?op=publish: expected 4xx, received 200 [ORD-003]')],
    [testCase('c', 'DEL-001'), result('failed', 'CouldNotCheck: setup: POST /connections answered 500 [DEL-001]')],
    [testCase('d', 'DEL-003'), result('passed')],
  ];
  const live = liveLines(120, ends);
  expect(live).toMatch(/^! DRAFT-008 /m);
  expect(live).toMatch(/^✗ ORD-003 /m);
  expect(live).toMatch(/^\? DEL-001 /m);
  expect(live).toMatch(/^✓ DEL-003 /m);
  // under --strict the SHOULD failure fails, live as in the report
  expect(liveLines(120, ends, { FLOW_CONFORMANCE_STRICT: '1' })).toMatch(/^✗ DRAFT-008 /m);

  const results = failingRun();
  const text = atWidth(120, () => captured('log', () => printSummary(results, { unexpected: [], expired: [], fixed: [] }, 'reports/x')));
  for (const r of results.requirements.filter((x) => ['fail', 'warn', 'error'].includes(x.status))) {
    expect(text).toMatch(new RegExp(`^  ${{ fail: '✗', warn: '!', error: '\\?' }[r.status as 'fail']} ${r.id} `, 'm'));
  }
  // each section holds only its own status
  const warnings = text.slice(text.indexOf('Warnings'), text.indexOf('Could not check:'));
  expect(warnings).toMatch(/^ {2}! /m);
  expect(warnings).not.toMatch(/^ {2}[✗?] /m);
  expect(text.slice(text.indexOf('What failed:'), text.indexOf('Warnings'))).not.toMatch(/^ {2}! /m);
});

test('a run with only warnings has no "What failed:", but its warnings under their own heading', () => {
  const text = atWidth(120, () => captured('log', () => printSummary(conformantRun(), { unexpected: [], expired: [], fixed: [] }, 'reports/x')));
  expect(conformantRun().summary.warn).toBeGreaterThan(0);
  expect(conformantRun().summary.fail).toBe(0);
  expect(text).not.toContain('What failed:');
  expect(text).toMatch(/^Warnings \(SHOULD: do not fail the run\):\n {2}! DRAFT-011 +SHOULD +an unknown mode value is refused\n +POST \/connections\?mode=sketch: expected 4xx, received 201 \[DRAFT-011\]$/m);
});

test('the summary fits the terminal: whole titles and reasons at 200 columns; at 60, cuts that end with … and say where the rest is', () => {
  const results = failingRun();
  const ord = results.requirements.find((r) => r.id === 'ORD-001')!;
  Object.assign(ord, { status: 'fail', reason: JSON_REASON, evidence: [] });
  const wide = atWidth(200, () => captured('log', () => printSummary(results, { unexpected: [], expired: [], fixed: [] }, 'reports/x')));
  expect(wide).toContain(`✗ ORD-001   MUST   ${LONG_TITLE}\n      ${JSON_REASON}\n`);
  expect(wide).not.toContain('…');

  const narrow = atWidth(60, () => captured('log', () => printSummary(results, { unexpected: [], expired: [], fixed: [] }, 'reports/x')));
  const items = narrow.slice(narrow.indexOf('What failed:'), narrow.indexOf('Slowest checks')).split('\n');
  for (const line of items) expect(line.length, line).toBeLessThanOrEqual(60);
  expect(narrow).toMatch(/^ {2}✗ ORD-001 +MUST +publish of a source connection is…$/m);
  const block = narrow.slice(narrow.indexOf('✗ ORD-001'));
  const [, first, second] = block.split('\n');
  expect(`${first!.trim()} ${second!.trim()}`).toBe('POST /connections/c-1/action?op=publish: expected 4xx, received 200…');
  expect(narrow.replace(/\n(?!\n)/g, ' ')).toContain('(A reason cut with … is whole in reports/x/index.html and results.json.)');
  // the known-failure note stays whole
  expect(narrow).toMatch(/^ {2}✗ ETAG-001 +MUST +a patch with a stale\S*… \[known failure\]$/m);
});

test('on a colour terminal each verdict has its own colour: a partial one neutral, not the green of a whole run', () => {
  const tty = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
  Object.defineProperty(process.stdout, 'isTTY', { value: true, configurable: true, writable: true });
  try {
    const painted = withEnv({ CI: undefined, NO_COLOR: undefined }, () => paintedRuns());
    expect(painted).toEqual([['32', 'CONFORMANT'], ['36', 'PARTIAL'], ['31', 'NON-CONFORMANT'], ['35', 'NO VERDICT'], ['32', 'CONFORMANT (2 known failures)']]);
  } finally {
    if (tty) Object.defineProperty(process.stdout, 'isTTY', tty);
    else delete (process.stdout as { isTTY?: boolean }).isTTY;
  }
});

/** The colour code and the words of each sample run's Verdict line. */
function paintedRuns(): (string[] | undefined)[] {
  return [conformantRun(), partialRun(), failingRun(), noVerdictRun(), knownFailuresRun()].map((results) => {
    const text = captured('log', () => printSummary(results, { unexpected: [], expired: [], fixed: [] }, 'reports/x'));
    return /^Verdict +\u001b\[(\d+)m([^\u001b]*)\u001b\[0m/m.exec(text)?.slice(1);
  });
}
