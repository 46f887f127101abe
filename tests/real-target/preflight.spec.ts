// The preflight before a --target run: a 429 is a rate limiter's refusal, not a Flow Service's answer. It is waited out
// (Retry-After) a bounded number of times; a target that keeps refusing ends the run with one line (exit 2).
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { preflight, PreflightError } from '../../cli/preflight.ts';
import { DEFAULT_RETRY_POLICY } from '../../kit/retry.ts';
import { BASE_PATH } from './misbehaving-server.ts';

const CREDENTIALS = { accessToken: 'local-token', apiKey: 'local-key', orgId: 'LOCAL@AdobeOrg' };

async function answering(answer: (res: ServerResponse, n: number) => void) {
  const hits: number[] = [];
  const server = createServer((_req, res) => answer(res, hits.push(Date.now()) - 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE_PATH}`,
    hits,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

const limited = (res: ServerResponse, retryAfter = '1') =>
  res.writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfter }).end('{"error_code":"429050","message":"Too many requests"}');
const listed = (res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}');

test('a 429 with Retry-After is waited out, then the answer after it counts', async () => {
  const server = await answering((res, n) => (n === 0 ? limited(res) : listed(res)));
  try {
    await preflight(server.url, CREDENTIALS, 'prod', 5_000);
    expect(server.hits).toHaveLength(2);
    expect(server.hits[1]! - server.hits[0]!).toBeGreaterThanOrEqual(950);
  } finally {
    await server.close();
  }
});

test('a target that answers nothing but 429 is no Flow Service answer: one line, after a bounded number of tries', async () => {
  const server = await answering((res) => limited(res, '0'));
  try {
    const error = await preflight(server.url, CREDENTIALS, 'prod', 5_000).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as Error).message).toBe('the target is rate-limiting: GET /connections?limit=1 answered 429 (Retry-After: 0) 4 times in a row; try again later');
    expect(server.hits).toHaveLength(DEFAULT_RETRY_POLICY.maxRetries + 1);
  } finally {
    await server.close();
  }
});

test('a 503 storm is still "the target is failing", after the same bounded retries', async () => {
  const server = await answering((res) => res.writeHead(503, { 'retry-after': '0' }).end());
  try {
    await expect(preflight(server.url, CREDENTIALS, 'prod', 5_000)).rejects.toThrow('the target is failing: GET /connections?limit=1 answered 503');
    expect(server.hits).toHaveLength(DEFAULT_RETRY_POLICY.maxRetries + 1);
  } finally {
    await server.close();
  }
});
