// A target that answers the preflight and then stops answering (a hung process, a dropped route: every request waits
// out its timeout; or a killed one: refused) must not cost a timeout per request. After three requests in a row got
// no answer, across every worker, the run trips (kit/breaker.ts): nothing more is sent, the runner stops,
// and the CLI ends with no verdict, exit 2, within about 3 × --timeout. A slow target that answers, and 429s, never
// trip it. The check times shown are the real ones, worker fixtures (discovery) included.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { latencyProxy, type Conditions } from '../../bench/net-conditions.ts';
import { DEFAULT_CREDENTIALS } from '../../server/app.ts';
import { startReferenceServer, type RunningServer } from '../../server/listen.ts';
import { Breaker, interruptedFileOf, readStoppedAnswering, STOPPED_AFTER } from '../../kit/breaker.ts';
import { FlowClient, TransportError } from '../../suites/support/client.ts';
import { Recorder } from '../../suites/support/recorder.ts';
import { Redactor } from '../../kit/redact.ts';
import { nodeTransport } from '../../suites/support/transport.ts';
import { readResults, runCli } from '../support/run-cli.ts';
import { json, misbehaving, stoppingTarget, type Rig, type StoppingTarget } from './misbehaving-server.ts';

const ENV = { AEP_ACCESS_TOKEN: DEFAULT_CREDENTIALS.accessToken, AEP_API_KEY: DEFAULT_CREDENTIALS.apiKey, AEP_ORG_ID: DEFAULT_CREDENTIALS.orgId };
const TIMEOUT_S = 2;
/** The bound, 3 × --timeout, and room for a loaded 2-core machine (Playwright stopping, reports written). */
const AFTER_STOP_LIMIT_MS = 3 * TIMEOUT_S * 1000 + 15_000;

let rig: Rig | undefined;
let dir: string | undefined;
let target: StoppingTarget | undefined;
let server: RunningServer | undefined;
let proxy: Conditions | undefined;
test.afterEach(async () => {
  await rig?.close();
  await target?.close();
  await proxy?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  rig = target = proxy = server = dir = undefined;
});

/** A client of `rig`'s target sharing the breaker file `file`, as a worker of a --target run does. */
function withBreaker(client: FlowClient, file: string): FlowClient {
  (client.target as { breakerFile?: string }).breakerFile = file;
  return client;
}

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

test.describe('the breaker, client side', () => {
  test('three requests in a row that time out trip every client sharing the file; later requests are not sent', async () => {
    dir = mkdtempSync(join(tmpdir(), 'breaker-'));
    const file = join(dir, 'no-answer');
    rig = await misbehaving(() => {}, { requestTimeoutMs: 300, maxRetries: 0 }, 'node'); // accepts, never answers
    const client = withBreaker(rig.client, file);
    for (let i = 0; i < STOPPED_AFTER; i++) expect((await failure(client.create('connections', {}))).kind).toBe('timeout');
    expect(readStoppedAnswering(file)).toBe('3 requests in a row got no answer (last: POST /connections?mode=draft timed out after 300 ms)');
    // another worker's client: fails at once, and nothing reaches the target
    const transport = nodeTransport();
    const other = new FlowClient(transport, client.target, new Recorder(new Redactor([])));
    const started = Date.now();
    const stopped = await failure(other.list('flows', '')).finally(() => transport.dispose());
    expect(Date.now() - started).toBeLessThan(100);
    expect(stopped.kind).toBe('not sent');
    expect(stopped.message).toBe('GET /flows: not sent: the target stopped answering: 3 requests in a row got no answer (last: POST /connections?mode=draft timed out after 300 ms)');
    expect(rig.hits).toHaveLength(STOPPED_AFTER);
  });

  test('any answer resets the count: 5xx and 429 between failures never trip it, nor does a slow answer', async () => {
    dir = mkdtempSync(join(tmpdir(), 'breaker-'));
    const file = join(dir, 'no-answer');
    // reset, reset, 500, reset, reset, 429 then 200 (retried), reset, reset, a slow 200
    const plan = ['reset', 'reset', 500, 'reset', 'reset', 429, 200, 'reset', 'reset', 'slow'] as const;
    rig = await misbehaving((req, res, n) => {
      const step = plan[n];
      if (step === 'reset') return req.socket.destroy();
      if (step === 429) return json(res, 429, { message: 'Too many requests' }, { 'retry-after': '0' });
      if (step === 'slow') return void setTimeout(() => json(res, 200, { id: 'c-1', etag: '"1"' }), 400);
      json(res, step ?? 200, { id: 'c-1', etag: '"1"' });
    }, { requestTimeoutMs: 1_000, retryBaseDelayMs: 10 }, 'node');
    const client = withBreaker(rig.client, file);
    const outcomes: string[] = [];
    // POSTs: a reset POST is final (never retried), so each reset is one request with no answer
    while (outcomes.length < 8) {
      outcomes.push(await client.send('POST', '/connections', { body: {} }).then((x) => String(x.response?.status), (e: TransportError) => e.kind));
    }
    expect(outcomes).toEqual(['connection reset', 'connection reset', '500', 'connection reset', 'connection reset', '200', 'connection reset', 'connection reset']);
    expect((await client.send('POST', '/connections', { body: {} })).response?.status).toBe(200);
    expect(readStoppedAnswering(file)).toBeUndefined();
    expect(new Breaker(file).tripped()).toBeUndefined();
  });

  test('once the user interrupted the run, the requests the stop cuts off do not trip it (the control, not interrupted, does)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'breaker-'));
    const interrupted = new Breaker(join(dir, 'interrupted-run'));
    writeFileSync(interruptedFileOf(interrupted.file), 'SIGINT');
    const control = new Breaker(join(dir, 'running'));
    for (let i = 0; i < STOPPED_AFTER + 1; i++) {
      for (const breaker of [interrupted, control]) breaker.noAnswer('DELETE /flows/f-1: connection reset');
    }
    expect(interrupted.tripped()).toBeUndefined();
    expect(control.tripped()).toBe('the target stopped answering: 3 requests in a row got no answer (last: DELETE /flows/f-1: connection reset)');
  });
});

test.describe('the CLI against a target that stops answering', () => {
  // each is a whole run of the CLI: mostly waiting, but a loaded machine makes the workers' start slow
  test.setTimeout(300_000);

  test('black-holed right after the preflight: no verdict, exit 2, within about 3 × --timeout, real check times', async ({}, testInfo) => {
    target = await stoppingTarget(1, 'black-hole');
    const report = testInfo.outputPath('report');
    const run = await runCli(['--target', target.url, '--timeout', String(TIMEOUT_S), '--report-dir', report], ENV);
    const afterStopMs = Date.now() - target.stoppedAt;
    expect(run.code, run.stderr).toBe(2);
    expect(target.stoppedAt).toBeGreaterThan(0);
    const results = readResults(report);
    expect(results.verdict).toBe('no-verdict');
    expect(results.verdictReason).toMatch(/^no verdict: the target stopped answering \(3 requests in a row got no answer \(last: GET \/\S+ timed out after 2 s\)\)/);
    expect(run.stderr).toMatch(/flow-conformance: the target stopped answering: 3 requests in a row got no answer .*stopping the checks/);
    expect(afterStopMs).toBeLessThan(AFTER_STOP_LIMIT_MS);
    // the four workers' first discovery GETs waited their 2 s each: that wait is the first check's of each worker,
    // not hidden in Playwright's worker-fixture slot (it showed tens of milliseconds)
    const waited = results.requirements.filter((r) => r.durationMs >= TIMEOUT_S * 1000);
    expect(waited.length).toBeGreaterThan(0);
    // nothing passed, and every requirement that applies says it could not be checked
    expect(results.summary.pass).toBe(0);
    expect(results.requirements.filter((r) => r.status !== 'error' && r.status !== 'not-applicable')).toEqual([]);
    expect(results.requirements.filter((r) => /not run: the target stopped answering/.test(r.reason)).length).toBeGreaterThan(30);
    // no more than the timed-out requests and the cleanup's one try reached the target after the stop
    expect(target.requests).toBeLessThan(1 + 4 * STOPPED_AFTER + 2);
    testInfo.annotations.push({ type: 'measured', description: JSON.stringify({ afterStopMs, requests: target.requests, slowest: Math.max(...results.requirements.map((r) => r.durationMs)) }) });
  });

  test('a port that closes mid-run (refused): no verdict, exit 2, what was left behind and how to clean it up', async ({}, testInfo) => {
    // killed as a check deletes what it made: that check, at least, leaves something behind
    target = await stoppingTarget((req) => req.method === 'DELETE', 'refuse');
    const report = testInfo.outputPath('report');
    const run = await runCli(['--target', target.url, '--timeout', String(TIMEOUT_S), '--report-dir', report], ENV);
    const afterStopMs = Date.now() - target.stoppedAt;
    expect(run.code, run.stderr).toBe(2);
    const results = readResults(report);
    expect(results.verdict).toBe('no-verdict');
    expect(results.verdictReason).toMatch(/^no verdict: the target stopped answering \(3 requests in a row got no answer \(last: \w+ \/\S+: connection (refused|reset)\)\)/);
    expect(afterStopMs).toBeLessThan(AFTER_STOP_LIMIT_MS);
    // the checks in flight created entities their own cleanup could no longer delete: the CLI tried once, briefly
    const left = results.cleanup?.leftBehind ?? [];
    expect(left.length).toBeGreaterThan(0);
    // one DELETE tried, the rest left for later, not each tried twice with its own timeout
    expect(left.filter((l) => l.reason.startsWith('no answer'))).toHaveLength(1);
    expect(left.slice(1).every((l) => l.reason.startsWith('not tried: the target did not answer the cleanup'))).toBe(true);
    expect(`${run.stdout}\n${run.stderr}`).toContain(`cleanup --ledger ${report}/ledger.jsonl`);
    expect(run.stderr).toMatch(/a create that got no answer may have landed all the same: flow-conformance sweep --prefix fck-/);
    testInfo.annotations.push({ type: 'measured', description: JSON.stringify({ afterStopMs, requests: target.requests, leftBehind: left.length }) });
  });

  test('a slow target that answers (1.5 s a request, --timeout 2) does not trip and is conformant on its selection', async ({}, testInfo) => {
    server = await startReferenceServer({ credentials: DEFAULT_CREDENTIALS });
    proxy = await latencyProxy(server.url, 1_500);
    const report = testInfo.outputPath('report');
    const run = await runCli(['--target', proxy.url, '--timeout', String(TIMEOUT_S), '--requirement', 'DRAFT-001,DEL-001', '--report-dir', report], ENV);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('stopped answering');
    const results = readResults(report);
    expect(results.verdict).toBe('partial');
    for (const id of ['DRAFT-001', 'DEL-001']) expect(`${id} ${results.requirements.find((r) => r.id === id)?.status}`).toBe(`${id} pass`);
    // every request really waited: the times shown are the real ones
    expect(results.requirements.find((r) => r.id === 'DRAFT-001')!.durationMs).toBeGreaterThan(1_500);
    testInfo.annotations.push({ type: 'measured', description: JSON.stringify({ requests: proxy.stats.requests }) });
  });
});
