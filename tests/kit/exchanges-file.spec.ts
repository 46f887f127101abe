// How a check's exchanges reach the CLI's reporter (kit/exchanges-file.ts, cli/outcome.ts): the first recorded for a
// test result are its evidence, read once; without a report dir, the test's attachment is.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import { EXCHANGES_DIR, removeExchangesDir, takeExchanges, writeExchanges } from '../../kit/exchanges-file.ts';
import { outcomeOf } from '../../cli/outcome.ts';

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fck-exchanges-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

const shrunk = [{ request: { method: 'POST', url: '/connections' } }];
const whole = [{ request: { method: 'GET', url: '/connections' } }, ...shrunk];

function fakeTest(id: string): TestCase {
  return { id, title: 't', tags: ['@API-007'], location: { file: join(process.cwd(), 'suites/x.spec.ts'), line: 1, column: 1 }, annotations: [] } as unknown as TestCase;
}
function fakeResult(retry: number, attached?: unknown[]): TestResult {
  return {
    status: 'passed', duration: 1, retry, errors: [], annotations: [],
    attachments: attached ? [{ name: 'exchanges', contentType: 'application/json', body: Buffer.from(JSON.stringify(attached)) }] : [],
  } as unknown as TestResult;
}

test('the first exchanges written for a test result are its evidence, and they are read once', () => {
  writeExchanges(dir, 'abc-123', 0, shrunk);
  writeExchanges(dir, 'abc-123', 0, whole);
  writeExchanges(dir, 'abc-123', 1, whole);
  expect(takeExchanges(dir, 'abc-123', 0)).toEqual(shrunk);
  expect(takeExchanges(dir, 'abc-123', 0), 'read once: the file is gone').toBeUndefined();
  expect(takeExchanges(dir, 'abc-123', 1), 'a retry keeps its own').toEqual(whole);
  expect(takeExchanges(dir, 'other', 0)).toBeUndefined();
  removeExchangesDir(dir);
  expect(existsSync(join(dir, EXCHANGES_DIR))).toBe(false);
});

test('an outcome takes its exchanges from the report dir, else from the attachment', () => {
  writeExchanges(dir, 'from-file', 0, shrunk);
  expect(outcomeOf(fakeTest('from-file'), fakeResult(0, whole), { rootDir: process.cwd(), reportDir: dir }).exchanges).toEqual(shrunk);
  expect(outcomeOf(fakeTest('attached'), fakeResult(0, whole), { rootDir: process.cwd(), reportDir: dir }).exchanges).toEqual(whole);
  expect(outcomeOf(fakeTest('attached'), fakeResult(0, whole), { rootDir: process.cwd() }).exchanges).toEqual(whole);
  expect(outcomeOf(fakeTest('none'), fakeResult(0), { rootDir: process.cwd(), reportDir: dir }).exchanges).toBeUndefined();
});
