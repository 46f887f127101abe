// Results travel typed: each annotation kind has one writer and one reader (kit/annotations/), which drops a malformed
// one rather than throwing; the report's model failure comes from the annotation's fields; and a verdict's requirement
// is its test's one requirement tag, named explicitly only where a test has several (and then only one of them).
import { expect, test } from '@playwright/test';
import { failureText } from '../../cli/html-report.ts';
import { readModelFailure, readModelFailures, writeModelFailure, type ModelFailure } from '../../kit/annotations/model-failure.ts';
import { readModelSummaries, writeModelSummary } from '../../kit/annotations/model-summary.ts';
import { readNotRun, writeNotRun } from '../../kit/annotations/not-run.ts';
import { readSpecFlags, writeSpecFlags } from '../../kit/annotations/specs.ts';
import { readViolations, writeViolation } from '../../kit/annotations/violation.ts';
import { readJudgedCounts, writeJudgedCounts } from '../../kit/annotations/every-exchange.ts';
import { CouldNotCheck, couldNotCheck, expectFact, expectStatus, requireEvidence, RequirementFailure } from '../../suites/support/verdicts.ts';
import type { Exchange } from '../../kit/exchange.ts';

const FAILURE: ModelFailure = { part: 2, seed: 7, path: '3:1~AB:c', steps: ['create draft flow #0', 'publish draft flow #0'], replay: 'npx flow-conformance --requirement ORD-007 --seed 7 --path "3:1~AB:c"', cause: 'step "publish draft flow #0": expected 4xx, received 200 [ORD-007]' };

test('each writer\'s annotation reads back as written', () => {
  const sink = { annotations: [] as { type: string; description?: string }[] };
  writeModelFailure(sink, FAILURE);
  writeModelSummary(sink, { seed: 1, part: 2, partSeed: 3, runs: 4, steps: 5, asked: 6 });
  writeViolation(sink, { requirement: 'API-007', message: 'GET /x: expected no 5xx, received 503 [API-007]', exchange: { request: {} } });
  writeJudgedCounts(sink, { 'API-007': 3, 'API-008': 1 });
  writeSpecFlags(sink, [{ collection: 'flowSpecs', id: 'f', name: 'n', isDraftModeSupported: true }]);
  writeNotRun(sink, 'not run: the run was interrupted');
  expect(readModelFailures(sink.annotations)).toEqual([FAILURE]);
  expect(readModelSummaries(sink.annotations)).toEqual([{ seed: 1, part: 2, partSeed: 3, runs: 4, steps: 5, asked: 6 }]);
  expect(readViolations(sink.annotations)).toEqual([{ requirement: 'API-007', message: 'GET /x: expected no 5xx, received 503 [API-007]', exchange: { request: {} } }]);
  expect(readJudgedCounts(sink.annotations)).toEqual([{ 'API-007': 3, 'API-008': 1 }]);
  expect(readSpecFlags(sink.annotations)).toEqual([{ collection: 'flowSpecs', id: 'f', name: 'n', isDraftModeSupported: true }]);
  expect(readNotRun(sink.annotations)).toBe('not run: the run was interrupted');
});

test('a malformed annotation is dropped by its reader, never thrown', () => {
  const annotations = [
    { type: 'model-failure', description: '{not json' },
    { type: 'model-failure', description: JSON.stringify({ ...FAILURE, steps: 'one step' }) },
    { type: 'model-failure' },
    { type: 'violation', description: JSON.stringify({ message: 'no requirement' }) },
    { type: 'model', description: JSON.stringify({ seed: 'one' }) },
    { type: 'every-exchange', description: JSON.stringify({ 'API-007': 'many' }) },
    { type: 'specs', description: JSON.stringify({ collection: 'not a list' }) },
  ];
  expect(readModelFailures(annotations)).toEqual([]);
  expect(readModelFailure(annotations)).toBeUndefined();
  expect(readViolations(annotations)).toEqual([]);
  expect(readModelSummaries(annotations)).toEqual([]);
  expect(readJudgedCounts(annotations)).toEqual([]);
  expect(readSpecFlags(annotations)).toEqual([]);
});

test('the report takes a model failure\'s steps and replay from its fields, not from the message', () => {
  // a message whose text disagrees with the fields: the fields win
  const message = 'RequirementFailure: something else\nshrunk sequence (1 steps):\n  1. not this step\nreplay: not this line';
  const view = failureText({ message, model: { ...FAILURE, notes: ['(shrinking stopped early: out of time)'] } });
  expect(view.steps).toEqual(FAILURE.steps);
  expect(view.replay).toBe(FAILURE.replay);
  expect(view.stepsTitle).toBe('shrunk sequence (2 steps)');
  expect(view.text).toBe('RequirementFailure: something else\n(shrinking stopped early: out of time)');
  expect(failureText({ model: FAILURE }).text).toBe(FAILURE.cause);
  // any other failure is its message, whole
  expect(failureText({ message: 'POST /x: expected 4xx\nreplay: kept [ORD-003]' })).toEqual({ text: 'POST /x: expected 4xx\nreplay: kept [ORD-003]', steps: [] });
});

const exchange = { request: { method: 'GET', url: 'http://127.0.0.1:1/flows/f', headers: {} }, response: { status: 200, headers: {}, text: '{}', body: {} } } as unknown as Exchange;

test('a verdict names the test\'s one requirement tag when the call names none', { tag: ['@ORD-003', '@read-only'] }, () => {
  expect(() => expectFact(false, 'state "draft"', 'enabled', exchange)).toThrow(new RequirementFailure('GET /flows/f: expected state "draft", received "enabled" [ORD-003]'));
  expect(() => expectStatus(exchange, '4xx', 'a source is a draft')).toThrow(/^GET \/flows\/f: expected 4xx \(a source is a draft\), received 200 \{\} \[ORD-003\]$/);
  expect(() => requireEvidence(false, 'the id read back', 'it answered another')).toThrow(CouldNotCheck);
  expect(() => requireEvidence(false, 'the id read back', 'it answered another')).toThrow(/^could not check: the id read back, but it answered another \[ORD-003\]$/);
  const error = couldNotCheck('GET /flows/f: could not check: no list');
  expect(error).toBeInstanceOf(CouldNotCheck);
  expect(error.message).toBe('GET /flows/f: could not check: no list [ORD-003]');
  // the explicit form still works, with the test's own ID
  expect(() => expectFact(false, 'ORD-003', 'x', 1)).toThrow(/^expected x, received 1 \[ORD-003\]$/);
  expect(() => expectStatus(exchange, 200, 'ORD-003')).not.toThrow();
});

test('an explicit ID that is not a tag of the test is the kit\'s error, even on a pass', { tag: '@ORD-003' }, () => {
  expect(() => expectFact(true, 'ORD-004', 'x', 1)).toThrow(/ORD-004, which is not a requirement tag of this test \(@ORD-003\)/);
  expect(() => expectStatus(exchange, 200, 'ORD-030')).toThrow(/not a requirement tag/);
  expect(() => couldNotCheck('could not check: x', 'DRAFT-001')).toThrow(/not a requirement tag/);
});

test('a test with several requirement tags must name one', { tag: ['@API-007', '@API-008'] }, () => {
  expect(() => expectFact(true, 'x', 1)).toThrow(/several requirement tags \(@API-007, @API-008\), so each verdict must name the one it is about/);
  expect(() => expectStatus(exchange, 200)).toThrow(/several requirement tags/);
  expect(() => expectFact(false, 'API-008', 'x', 1)).toThrow(/^expected x, received 1 \[API-008\]$/);
  expect(couldNotCheck('could not check: x', 'API-007').message).toBe('could not check: x [API-007]');
});
