// The fold and the verdict as pure functions, as a table: which outcomes give which status, which records give which
// verdict and exit code. No kit runs, no server: fast, and each row names the rule it pins.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { applyBaseline, writeBaseline, type Baseline } from '../../cli/baseline.ts';
import { AFTER_CULPRIT } from '../../cli/evidence.ts';
import { NOT_RUN } from '../../kit/annotations/not-run.ts';
import { fold, type FoldOptions, type TestOutcome } from '../../cli/fold.ts';
import type { ResultRecord } from '../../cli/results.ts';
import { decideVerdict, type VerdictOptions } from '../../cli/verdict.ts';

function outcome(id: string, status: TestOutcome['status'], extra: Partial<TestOutcome> = {}): TestOutcome {
  return { title: `a check of ${id}`, file: 'suites/x.spec.ts', line: 1, tags: [`@${id}`], status, durationMs: 5, errors: [], annotations: [], ...extra };
}
const failed = (id: string, message = `GET /x: expected 4xx, received 200 [${id}]`) => outcome(id, 'failed', { errors: [`Error: RequirementFailure: ${message}`] });
const couldNotCheck = (id: string, message: string) => outcome(id, 'failed', { errors: [`CouldNotCheck: ${message}`] });
const SETUP = 'setup: POST /connections answered 200 {} — see DRAFT-007';

interface Row {
  name: string;
  outcomes: TestOutcome[];
  fold?: Partial<FoldOptions>;
  baseline?: Baseline;
  verdict?: Partial<VerdictOptions>;
  /** The status (and a piece of the reason) each named requirement must get. */
  want: Record<string, [ResultRecord['status'], RegExp?]>;
  verdictIs: 'conformant' | 'partial' | 'non-conformant' | 'no-verdict';
  exit: number;
  why?: RegExp;
}

const ROWS: Row[] = [
  { name: 'conformant', outcomes: [outcome('DRAFT-001', 'passed'), outcome('ORD-003', 'passed')], want: { 'DRAFT-001': ['pass'], 'ORD-003': ['pass'] }, verdictIs: 'conformant', exit: 0 },
  { name: 'non-conformant: a MUST failed', outcomes: [failed('ORD-003'), outcome('DRAFT-001', 'passed')], want: { 'ORD-003': ['fail', /expected 4xx/] }, verdictIs: 'non-conformant', exit: 1, why: /1 requirement failed \(1 MUST\): ORD-003/ },
  {
    name: 'a MUST error only: no verdict, exit 2, naming it', outcomes: [couldNotCheck('DRAFT-005', `${SETUP} [DRAFT-005]`), outcome('DRAFT-001', 'passed')],
    want: { 'DRAFT-005': ['error', /^setup: POST \/connections answered 200 \{\} — see DRAFT-007/] }, verdictIs: 'no-verdict', exit: 2,
    why: /^no verdict: the kit could not check 1 MUST requirement: DRAFT-005$/,
  },
  { name: 'a SHOULD error only: conformant, exit 0', outcomes: [couldNotCheck('PUB-006', `${SETUP} [PUB-006]`)], want: { 'PUB-006': ['error'] }, verdictIs: 'conformant', exit: 0, why: /could not check 1 SHOULD requirement: PUB-006/ },
  { name: 'a SHOULD error under --strict: still conformant', outcomes: [couldNotCheck('PUB-006', `${SETUP} [PUB-006]`)], fold: { strict: true }, verdict: { strict: true }, want: { 'PUB-006': ['error'] }, verdictIs: 'conformant', exit: 0 },
  { name: 'a MUST fail and a MUST error: non-conformant, exit 1', outcomes: [failed('ORD-003'), couldNotCheck('DRAFT-005', SETUP)], want: { 'ORD-003': ['fail'], 'DRAFT-005': ['error'] }, verdictIs: 'non-conformant', exit: 1 },
  {
    name: 'every failure in the baseline: conformant', outcomes: [failed('ORD-003'), failed('ETAG-004')], baseline: { knownFailures: [{ id: 'ORD-003', reason: 'ticket 1', expires: '2999-01-01' }, { id: 'ETAG-004', reason: 'ticket 2' }] },
    want: { 'ORD-003': ['fail'], 'ETAG-004': ['warn'] }, verdictIs: 'conformant', exit: 0, why: /no failure outside the baseline \(2 known failures\)/,
  },
  { name: 'an expired baseline entry: non-conformant', outcomes: [failed('ORD-003')], baseline: { knownFailures: [{ id: 'ORD-003', reason: 'ticket 1', expires: '2001-01-01' }] }, want: { 'ORD-003': ['fail'] }, verdictIs: 'non-conformant', exit: 1, why: /baseline entries expired: ORD-003/ },
  { name: '--strict and a baseline entry that now passes: non-conformant', outcomes: [outcome('ORD-003', 'passed')], baseline: { knownFailures: [{ id: 'ORD-003', reason: 'was broken' }] }, fold: { strict: true }, verdict: { strict: true }, want: { 'ORD-003': ['pass'] }, verdictIs: 'non-conformant', exit: 1, why: /now pass/ },
  { name: 'a baseline entry on an error: not fixed, not covered', outcomes: [couldNotCheck('ORD-003', SETUP)], baseline: { knownFailures: [{ id: 'ORD-003', reason: 'x' }] }, fold: { strict: true }, verdict: { strict: true }, want: { 'ORD-003': ['error'] }, verdictIs: 'no-verdict', exit: 2 },
  { name: 'a setup failure (CouldNotCheck first) is error, not fail', outcomes: [outcome('ORD-003', 'failed', { errors: [`Error: CouldNotCheck: ${SETUP} [ORD-003]`, 'RequirementFailure: later noise'] })], want: { 'ORD-003': ['error', /see DRAFT-007/] }, verdictIs: 'no-verdict', exit: 2 },
  { name: 'no answer at all (a TransportError) is error', outcomes: [outcome('DRAFT-001', 'failed', { errors: ['TransportError: POST /connections?mode=draft: no answer from the target (connection reset: socket hang up)'] })], want: { 'DRAFT-001': ['error', /^POST \/connections\?mode=draft: no answer/] }, verdictIs: 'no-verdict', exit: 2 },
  { name: 'a real failure wins over an error', outcomes: [couldNotCheck('ORD-003', SETUP), failed('ORD-003')], want: { 'ORD-003': ['fail'] }, verdictIs: 'non-conformant', exit: 1 },
  { name: 'a timed-out check is error', outcomes: [outcome('ORD-007', 'timedOut', { durationMs: 120_000 })], want: { 'ORD-007': ['error', /ran out of its time \(120 s\)/] }, verdictIs: 'no-verdict', exit: 2 },
  {
    name: 'API-007 with zero judged exchanges is error', outcomes: [outcome('API-007', 'passed', { annotations: [{ type: 'every-exchange', description: JSON.stringify({ 'API-007': 0, 'API-008': 0 }) }] })],
    want: { 'API-007': ['error', /no request was answered/] }, verdictIs: 'no-verdict', exit: 2,
  },
  {
    name: 'API-007 with judged exchanges passes', outcomes: [outcome('API-007', 'passed', { annotations: [{ type: 'every-exchange', description: JSON.stringify({ 'API-007': 3, 'API-008': 1 }) }] })],
    want: { 'API-007': ['pass'] }, verdictIs: 'conformant', exit: 0,
  },
  { name: 'filtered out by --requirement: not-applicable', outcomes: [outcome('DRAFT-001', 'passed')], fold: { selection: { requirements: ['DRAFT-001'] } }, want: { 'ORD-003': ['not-applicable', /filtered out by --requirement/] }, verdictIs: 'partial', exit: 0, why: /1 requirement checked, \d+ not selected/ },
  { name: 'filtered out by --grep: not-applicable', outcomes: [outcome('DRAFT-001', 'passed')], fold: { selection: { grep: 'draft' } }, want: { 'ORD-003': ['not-applicable', /filtered out by --grep/] }, verdictIs: 'partial', exit: 0 },
  { name: 'in another shard: not-applicable', outcomes: [outcome('DRAFT-001', 'passed')], fold: { selection: { shard: '1/2' } }, want: { 'ORD-003': ['not-applicable', /another shard|shard this report does not hold \(it holds --shard 1\/2\)/] }, verdictIs: 'partial', exit: 0 },
  {
    name: 'not reached before an interruption: error, exit 130', outcomes: [outcome('DRAFT-001', 'passed'), outcome('ORD-003', 'skipped', { annotations: [{ type: NOT_RUN, description: 'not run: the run was interrupted' }] })],
    verdict: { interrupted: true }, want: { 'ORD-003': ['error', /^not run: the run was interrupted$/] }, verdictIs: 'no-verdict', exit: 130,
  },
  { name: 'interrupted while running: error', outcomes: [outcome('ORD-003', 'interrupted')], verdict: { interrupted: true }, want: { 'ORD-003': ['error', /interrupted/] }, verdictIs: 'no-verdict', exit: 130 },
  {
    name: 'cut off by the interruption (socket hang up, fetch failed): error, not a MUST failure', verdict: { interrupted: true }, fold: { interrupted: true, selection: { requirements: ['DRAFT-001', 'ORD-003', 'DEL-001'] } },
    outcomes: [outcome('DRAFT-001', 'failed', { errors: ['Error: apiRequestContext.post: socket hang up'] }), outcome('ORD-003', 'failed', { errors: ['TypeError: fetch failed'] }), failed('DEL-001', 'GET /connections/c: expected 404, received 200 [DEL-001]')],
    want: { 'DRAFT-001': ['error', /^cut off when the run was interrupted: apiRequestContext\.post: socket hang up$/], 'ORD-003': ['error', /cut off when the run was interrupted/], 'DEL-001': ['fail', /expected 404/] },
    verdictIs: 'non-conformant', exit: 130,
  },
  { name: 'selected but no outcome in an interrupted run: error', outcomes: [outcome('DRAFT-001', 'passed')], fold: { interrupted: true, selection: { requirements: ['DRAFT-001', 'ORD-003'] } }, verdict: { interrupted: true }, want: { 'ORD-003': ['error', /^not run: the run was interrupted$/], 'ORD-004': ['not-applicable'] }, verdictIs: 'no-verdict', exit: 130 },
  { name: 'no check ran at all, and nothing filtered it: error', outcomes: [], fold: { selection: undefined }, want: { 'ORD-003': ['error', /no check of this requirement ran/] }, verdictIs: 'no-verdict', exit: 2 },
  {
    name: 'the --max-requests budget ran out: error, no verdict', outcomes: [outcome('DRAFT-001', 'passed'), outcome('SPEC-002', 'skipped', { annotations: [{ type: 'skip', description: 'not-applicable: the request budget (--max-requests) was spent before this check' }] })],
    verdict: { maxRequestsSpent: 120 }, want: { 'SPEC-002': ['error', /^not run: the request budget \(--max-requests\) was spent/] }, verdictIs: 'no-verdict', exit: 2, why: /stopped at --max-requests 120/,
  },
  { name: '--grep matching nothing: no verdict, exit 2', outcomes: [], fold: { selection: { grep: 'no such check' } }, want: { 'ORD-003': ['not-applicable', /filtered out by --grep/] }, verdictIs: 'no-verdict', exit: 2, why: /^no verdict: no check ran/ },
  { name: 'everything passed, then interrupted: no verdict, exit 130', outcomes: [outcome('DRAFT-001', 'passed')], verdict: { interrupted: true }, want: { 'DRAFT-001': ['pass'] }, verdictIs: 'no-verdict', exit: 130, why: /interrupted/ },
  { name: 'a failure found before an interruption: non-conformant, exit 130', outcomes: [failed('ORD-003')], verdict: { interrupted: true }, want: { 'ORD-003': ['fail'] }, verdictIs: 'non-conformant', exit: 130 },
  { name: 'the target stopped answering: no verdict, exit 2', outcomes: [outcome('DRAFT-001', 'passed')], verdict: { stoppedAnswering: '3 requests in a row got no answer' }, want: { 'DRAFT-001': ['pass'] }, verdictIs: 'no-verdict', exit: 2, why: /stopped answering \(3 requests in a row/ },
  { name: 'a merge that lacks a shard: no verdict, exit 2', outcomes: [outcome('DRAFT-001', 'passed')], verdict: { missingShards: ['2/2'] }, want: { 'DRAFT-001': ['pass'] }, verdictIs: 'no-verdict', exit: 2, why: /lacks shard 2\/2/ },
  { name: 'a plain not-applicable skip stays not-applicable', outcomes: [outcome('DRAFT-001', 'passed'), outcome('API-004', 'skipped', { annotations: [{ type: 'skip', description: 'not-applicable: no second sandbox' }] })], want: { 'API-004': ['not-applicable', /^no second sandbox$/] }, verdictIs: 'conformant', exit: 0 },
  { name: 'a SHOULD failure outside --strict warns: conformant', outcomes: [failed('DRAFT-008')], want: { 'DRAFT-008': ['warn'] }, verdictIs: 'conformant', exit: 0, why: /1 SHOULD warning/ },
  { name: 'a SHOULD failure under --strict fails', outcomes: [failed('DRAFT-008')], fold: { strict: true }, verdict: { strict: true }, want: { 'DRAFT-008': ['fail'] }, verdictIs: 'non-conformant', exit: 1 },
];

for (const row of ROWS) {
  test(`fold and verdict: ${row.name}`, () => {
    const ids = [...new Set([...row.outcomes.flatMap((o) => o.tags.map((t) => t.slice(1))), ...Object.keys(row.want)])];
    // unless the row says otherwise, the run selected exactly the requirements it names
    const options: FoldOptions = { strict: false, selection: { requirements: ids }, ...row.fold };
    const records: ResultRecord[] = fold(row.outcomes, options);
    applyBaseline(records, row.baseline);
    for (const [id, [status, reason]] of Object.entries(row.want)) {
      const record = records.find((r) => r.id === id)!;
      expect(record.status, `${id}: ${record.reason}`).toBe(status);
      if (reason) expect(record.reason).toMatch(reason);
    }
    // a row without its own selection is a whole run of the requirements it names; one with it, a run that selected
    const decided = row.fold && 'selection' in row.fold ? records : records.filter((r) => ids.includes(r.id));
    const decision = decideVerdict(decided, { strict: options.strict, ...row.verdict });
    expect(decision.verdict, decision.reason).toBe(row.verdictIs);
    expect(decision.exitCode).toBe(row.exit);
    if (row.why) expect(decision.reason).toMatch(row.why);
  });
}

test('a MUST error names every requirement that could not be checked', () => {
  const records = fold([couldNotCheck('DRAFT-005', SETUP), outcome('DEL-001', 'timedOut'), couldNotCheck('PUB-006', SETUP)], { strict: false, selection: { requirements: ['DRAFT-005', 'DEL-001', 'PUB-006'] } });
  const decision = decideVerdict(records, { strict: false });
  expect(decision.reason).toBe('no verdict: the kit could not check 2 MUST requirements: DRAFT-005, DEL-001');
  expect(decision.unchecked).toEqual(['DRAFT-005', 'DEL-001']);
  expect(decision.uncheckedShould).toEqual(['PUB-006']);
});

test('an every-exchange violation lists the exchange that broke the rule first, not the test\'s last exchanges', () => {
  const exchange = (path: string, status: number) => ({ request: { method: 'GET', url: `http://127.0.0.1:1/x${path}`, headers: {} }, response: { status, headers: {}, text: '{}' }, durationMs: 1 });
  const culprit = exchange('/connections/broken', 200);
  const later = Array.from({ length: 20 }, (_, i) => exchange(`/later/${i}`, 200));
  const message = 'GET /connections/broken: 200 body does not match the getConnection schema: /items must be array [API-008]';
  const records = fold([outcome('DRAFT-005', 'passed', {
    exchanges: [culprit, ...later],
    annotations: [{ type: 'every-exchange', description: JSON.stringify({ 'API-007': 21, 'API-008': 21 }) }, { type: 'violation', description: JSON.stringify({ requirement: 'API-008', message, exchange: culprit }) }],
  })], { strict: false, selection: { requirements: ['DRAFT-005', 'API-008'] } });
  const api008 = records.find((r) => r.id === 'API-008')!;
  expect(api008.status).toBe('fail');
  expect(api008.reason).toBe(message);
  const [evidence] = api008.evidence;
  expect(evidence?.culprit).toBe(0);
  expect(evidence?.exchanges?.[0]).toEqual(culprit);
  // from the check's first exchange to the culprit, then a few after it, bounded, and the culprit only once
  expect(evidence?.exchanges).toHaveLength(1 + AFTER_CULPRIT);
  expect(evidence?.exchanges?.slice(1)).toEqual(later.slice(0, AFTER_CULPRIT));
  expect(evidence?.omitted).toBe(later.length - AFTER_CULPRIT);
});

test('--write-baseline writes failures and warnings, never what the kit could not check', ({}, testInfo) => {
  const records = fold([failed('ORD-003'), failed('DRAFT-008'), couldNotCheck('DRAFT-005', SETUP), couldNotCheck('PUB-006', SETUP)], { strict: false, selection: { requirements: ['ORD-003', 'DRAFT-008', 'DRAFT-005', 'PUB-006'] } });
  const file = testInfo.outputPath('baseline.yaml');
  expect(writeBaseline(file, records)).toBe(2);
  const written = readFileSync(file, 'utf8');
  expect(written).toMatch(/- id: ORD-003\n/);
  expect(written).toMatch(/- id: DRAFT-008\n/);
  expect(written).not.toMatch(/DRAFT-005|PUB-006/);
});
