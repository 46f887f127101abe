// The kit's client against a local target that misbehaves: 429/503 waited out and retried where safe, retries
// counted on the exchange and kept out of API-007 unless the last answer is still a 5xx, and transport failures
// reported as TransportErrors naming the request and the kind of failure.
import { expect, test } from '@playwright/test';
import { TransportError } from '../../suites/support/client.ts';
import { CouldNotCheck } from '../../suites/support/verdicts.ts';
import { backoffMs, classifyTransportFailure, DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay } from '../../kit/retry.ts';
import { closedPort, json, misbehaving, type Rig } from './misbehaving-server.ts';

const EMPTY_LIST = { items: [] };
const CREATED = { id: 'flow-1', etag: '"1"' };
/** Fast default waits, so tests that rely on backoff rather than Retry-After stay quick. */
const FAST = { retryBaseDelayMs: 20 };

let rig: Rig | undefined;
test.afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

function violations(r: Rig, requirement: 'API-007' | 'API-008'): string[] {
  return r.recorder.violations.filter((v) => v.requirement === requirement).map((v) => v.message);
}

async function transportFailure(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  // no answer is the kit's inability to check, never the target's failure of the rule being checked (cli/fold.ts)
  expect(error).toBeInstanceOf(CouldNotCheck);
  expect(String(error)).toMatch(/^CouldNotCheck: /);
  expect((error as Error).message).not.toContain('\n');
  return error as TransportError;
}

test.describe('the retry policy', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  for (const [given, want] of [
    ['0', 0],
    ['7', 7_000],
    [' 2 ', 2_000],
    ['Wed, 01 Jan 2025 00:00:05 GMT', 5_000],
    ['Tue, 31 Dec 2024 23:59:00 GMT', 0],
    ['-1', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    [undefined, undefined],
  ] as const) {
    test(`Retry-After ${JSON.stringify(given)} asks for ${want} ms`, () => {
      expect(parseRetryAfter(given, now)).toBe(want);
    });
  }

  test('retries 429 and 503 for every method, other statuses never, and resets only on reads', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: 2 };
    const half = () => 0.5;
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
      expect(retryDelay({ method, status: 429, headers: { 'Retry-After': '3' } }, 0, policy)).toBe(3_000);
      expect(retryDelay({ method, status: 503, headers: {} }, 1, policy, now, half)).toBe(1_500);
      expect(retryDelay({ method, status: 503, headers: {} }, 2, policy)).toBeUndefined();
      for (const status of [200, 400, 409, 500, 502, 504]) expect(retryDelay({ method, status }, 0, policy)).toBeUndefined();
      expect(retryDelay({ method, failure: 'timeout' }, 0, policy)).toBeUndefined();
      expect(retryDelay({ method, failure: 'connection refused' }, 0, policy)).toBeUndefined();
    }
    expect(retryDelay({ method: 'GET', failure: 'connection reset' }, 0, policy, now, half)).toBe(750);
    expect(retryDelay({ method: 'POST', failure: 'connection reset' }, 0, policy)).toBeUndefined();
    expect(retryDelay({ method: 'GET', status: 429, headers: { 'retry-after': '3600' } }, 0, policy)).toBe(30_000);
    expect(retryDelay({ method: 'GET', status: 429, headers: { 'retry-after': '1' } }, policy.maxRateLimitRetries - 1, policy)).toBe(1_000);
    expect(retryDelay({ method: 'GET', status: 429, headers: { 'retry-after': '1' } }, policy.maxRateLimitRetries, policy)).toBeUndefined();
    expect(backoffMs(10, policy, () => 1)).toBe(30_000);
  });

  test('transport failures are classified from Playwright and Node messages', () => {
    expect(classifyTransportFailure('apiRequestContext.fetch: Timeout 300ms exceeded.')).toBe('timeout');
    expect(classifyTransportFailure('apiRequestContext.fetch: socket hang up (ECONNRESET)')).toBe('connection reset');
    expect(classifyTransportFailure('apiRequestContext.fetch: connect ECONNREFUSED 127.0.0.1:1')).toBe('connection refused');
    expect(classifyTransportFailure('apiRequestContext.fetch: write EPROTO 80EC:error:0A00010B:SSL routines:ssl3_get_record:wrong version number')).toBe('TLS failure');
    expect(classifyTransportFailure('apiRequestContext.fetch: self-signed certificate')).toBe('TLS failure');
    expect(classifyTransportFailure('apiRequestContext.fetch: getaddrinfo ENOTFOUND flow.example')).toBe('DNS failure');
  });
});

test.describe('429 and 503 are waited out', () => {
  test('a GET answered 429 with Retry-After: 1, then 200, is retried once after a second', async () => {
    rig = await misbehaving((_req, res, n) => (n === 0 ? json(res, 429, { error_code: '429050', message: 'Too many requests' }, { 'retry-after': '1' }) : json(res, 200, EMPTY_LIST)));
    const exchange = await rig.client.list('flows', '');
    expect(exchange.response?.status).toBe(200);
    expect(exchange.retries).toBe(1);
    expect(exchange.retryWaitMs).toBe(1_000);
    expect(rig.hits).toHaveLength(2);
    expect(rig.hits[1]!.at - rig.hits[0]!.at).toBeGreaterThanOrEqual(950);
    expect(rig.recorder.exchanges).toHaveLength(1);
    expect(rig.recorder.exchanges[0]!.retries).toBe(1);
    expect(rig.recorder.violations).toEqual([]);
  });

  test('Retry-After as an HTTP-date is honoured', async () => {
    rig = await misbehaving((_req, res, n) =>
      n === 0 ? json(res, 503, {}, { 'retry-after': new Date(Date.now() + 2_000).toUTCString() }) : json(res, 200, EMPTY_LIST),
    );
    const exchange = await rig.client.list('flows', '');
    expect(exchange.response?.status).toBe(200);
    expect(exchange.retries).toBe(1);
    // HTTP-dates have whole seconds: "in 2 s" is between 1 and 2 s away
    expect(exchange.retryWaitMs).toBeGreaterThan(900);
    expect(exchange.retryWaitMs).toBeLessThanOrEqual(2_000);
    expect(rig.hits[1]!.at - rig.hits[0]!.at).toBeGreaterThanOrEqual(exchange.retryWaitMs! - 50);
    expect(rig.recorder.violations).toEqual([]);
  });

  test('a 429 without Retry-After is retried after a jittered backoff', async () => {
    rig = await misbehaving((_req, res, n) => (n < 2 ? json(res, 429, {}) : json(res, 200, EMPTY_LIST)), FAST);
    const exchange = await rig.client.list('flows', '');
    expect(exchange.retries).toBe(2);
    // 20 ms then 40 ms, each jittered to 50–100 %
    expect(exchange.retryWaitMs).toBeGreaterThanOrEqual(30);
    expect(exchange.retryWaitMs).toBeLessThanOrEqual(60);
  });

  test('a 503 storm beyond maxRetries ends in the last 503, recorded once as an API-007 violation', async () => {
    rig = await misbehaving((_req, res) => json(res, 503, { message: 'Service Unavailable' }, { 'retry-after': '0' }));
    const exchange = await rig.client.get('flows', 'flow-1');
    expect(exchange.response?.status).toBe(503);
    expect(exchange.retries).toBe(3);
    expect(rig.hits).toHaveLength(4);
    expect(rig.recorder.exchanges).toHaveLength(1);
    expect(violations(rig, 'API-007')).toEqual(['GET /data/foundation/flowservice/flows/flow-1: expected no 5xx, received 503 (after 3 retries) [API-007]']);
  });

  test('maxRetries from the config bounds the retries; 0 turns them off', async () => {
    rig = await misbehaving((_req, res) => json(res, 503, {}, { 'retry-after': '0' }), { maxRetries: 0 });
    const exchange = await rig.client.list('flows', '');
    expect(exchange.response?.status).toBe(503);
    expect(exchange.retries).toBeUndefined();
    expect(rig.hits).toHaveLength(1);
  });

  test('a 429 after the last retry is no answer about any rule: CouldNotCheck (error), recorded once, no API-007', async () => {
    rig = await misbehaving((_req, res) => json(res, 429, {}, { 'retry-after': '0' }), { maxRetries: 0 });
    const error = await rig.client.list('flows', '').then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(CouldNotCheck);
    expect(String(error)).toBe('CouldNotCheck: GET /flows: could not check: the target still answered 429 Too Many Requests (0 ms waited in all)');
    expect(rig.hits).toHaveLength(1);
    expect(rig.recorder.exchanges).toHaveLength(1);
    expect(rig.recorder.violations).toEqual([]); // a 429 is no 5xx
  });

  test('a 429 gets more tries than a 503: several workers behind one limit can each be refused a few times in a row', async () => {
    rig = await misbehaving((_req, res, n) => (n < 6 ? json(res, 429, {}, { 'retry-after': '0' }) : json(res, 200, EMPTY_LIST)));
    const exchange = await rig.client.list('flows', '');
    expect(exchange.response?.status).toBe(200);
    expect(exchange.retries).toBe(6);
  });

  test('a POST and a PATCH answered 429/503 are sent again: the server did not apply them', async () => {
    rig = await misbehaving((req, res, n) => {
      if (n === 0) return json(res, 429, {}, { 'retry-after': '0' });
      if (n === 1) return json(res, 201, CREATED);
      if (n === 2) return json(res, 503, {}, { 'retry-after': '0' });
      return json(res, 200, CREATED);
    });
    const created = await rig.client.create('flows', { name: 'x' }, null);
    expect(created.response?.status).toBe(201);
    expect(created.retries).toBe(1);
    const patched = await rig.client.patch('flows', 'flow-1', [{ op: 'replace', path: '/name', value: 'y' }], '"1"');
    expect(patched.response?.status).toBe(200);
    expect(patched.retries).toBe(1);
    expect(rig.hits.map((h) => h.method)).toEqual(['POST', 'POST', 'PATCH', 'PATCH']);
    expect(rig.recorder.violations).toEqual([]);
  });

  test('a POST answered 500 is not retried, and is an API-007 violation', async () => {
    rig = await misbehaving((_req, res) => json(res, 500, { message: 'boom' }, { 'retry-after': '0' }));
    const exchange = await rig.client.create('flows', { name: 'x' }, null);
    expect(exchange.response?.status).toBe(500);
    expect(exchange.retries).toBeUndefined();
    expect(rig.hits).toHaveLength(1);
    expect(violations(rig, 'API-007')).toEqual(['POST /data/foundation/flowservice/flows: expected no 5xx, received 500 [API-007]']);
  });

  test('a GET answered 502 is not retried either: every 5xx but 503 is a finding as it stands', async () => {
    rig = await misbehaving((_req, res) => json(res, 502, {}));
    const exchange = await rig.client.list('flows', '');
    expect(exchange.retries).toBeUndefined();
    expect(rig.hits).toHaveLength(1);
    expect(violations(rig, 'API-007')).toHaveLength(1);
  });
});

for (const transport of ['playwright', 'node'] as const) {
  test.describe(`${transport} transport: transport failures are TransportErrors naming the request and the failure`, () => {
    test('an answer slower than the request timeout', async () => {
      rig = await misbehaving(() => {}, { requestTimeoutMs: 300 }, transport);
      const error = await transportFailure(rig.client.get('flows', 'slow'));
      expect(error.kind).toBe('timeout');
      expect(error.message).toBe('GET /flows/slow: no answer from the target (timeout: no answer within 300 ms)');
      expect(rig.hits).toHaveLength(1); // a timeout is not retried
      expect(rig.recorder.exchanges[0]!.error).toMatch(/Timeout 300ms exceeded/);
    });

    test('an answer whose body stalls past the request timeout', async () => {
      rig = await misbehaving((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"items":');
      }, { requestTimeoutMs: 300 }, transport);
      const error = await transportFailure(rig.client.get('flows', 'stalled'));
      expect(error.kind).toBe('timeout');
      expect(error.message).toBe('GET /flows/stalled: no answer from the target (timeout: no answer within 300 ms)');
    });

    test('a connection reset on every GET, after the retries a read allows', async () => {
      rig = await misbehaving((req) => req.socket.destroy(), FAST, transport);
      const error = await transportFailure(rig.client.get('flows', 'flow-1'));
      expect(error.kind).toBe('connection reset');
      expect(error.message).toMatch(/^GET \/flows\/flow-1: no answer from the target after 3 retries \(connection reset: socket hang up/);
      expect(rig.hits).toHaveLength(4);
      expect(rig.recorder.exchanges).toHaveLength(1);
      expect(rig.recorder.exchanges[0]!.retries).toBe(3);
    });

    test('a GET reset once succeeds on its retry', async () => {
      rig = await misbehaving((req, res, n) => (n === 0 ? req.socket.destroy() : json(res, 200, EMPTY_LIST)), FAST, transport);
      const exchange = await rig.client.list('flows', '');
      expect(exchange.response?.status).toBe(200);
      expect(exchange.retries).toBe(1);
    });

    test('a POST reset is not retried: it may have been applied', async () => {
      rig = await misbehaving((req) => req.socket.destroy(), FAST, transport);
      const error = await transportFailure(rig.client.create('flows', { name: 'x' }, null));
      expect(error.kind).toBe('connection reset');
      expect(error.message).toMatch(/^POST \/flows: no answer from the target \(connection reset: /);
      expect(rig.hits).toHaveLength(1);
    });

    test('connection refused', async () => {
      rig = await misbehaving(() => {}, {}, transport);
      const port = await closedPort();
      const client = rig.client;
      (client.target as { baseUrl: string }).baseUrl = `http://127.0.0.1:${port}/data/foundation/flowservice`;
      const error = await transportFailure(client.list('flows', ''));
      expect(error.kind).toBe('connection refused');
      expect(error.message).toBe(`GET /flows: no answer from the target (connection refused: connect ECONNREFUSED 127.0.0.1:${port})`);
    });
  });

  test(`${transport} transport: a 200 with a non-JSON body is an API-008 violation`, async () => {
    rig = await misbehaving((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('<html>garbage'), {}, transport);
    const exchange = await rig.client.get('flows', 'flow-1');
    expect(exchange.response?.status).toBe(200);
    expect(exchange.response?.body).toBeUndefined();
    expect(violations(rig, 'API-008')).toEqual(['GET /data/foundation/flowservice/flows/flow-1: expected a JSON body, received 200 with a non-JSON body [API-008]']);
    expect(violations(rig, 'API-007')).toEqual([]);
  });
}
