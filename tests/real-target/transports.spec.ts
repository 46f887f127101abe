// The two transports are interchangeable: against the same answers they report the same status, headers and body
// text, and send the same method, headers and bytes. What the checks see must not depend on --transport.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { expect, request, test } from '@playwright/test';
import { RUN_SETTING_ENV } from '../../kit/run-settings.ts';
import { nodeTransport, playwrightTransport, transportFromEnv, type Transport, type WireRequest, type WireResponse } from '../../suites/support/transport.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let origin: string;
const seen: Seen[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const path = (req.url ?? '').split('?')[0];
      if (path === '/gzip') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', etag: '"7"' }).end(gzipSync('{"items":[{"id":"a"}]}'));
      } else if (path === '/empty') {
        res.writeHead(204).end();
      } else if (path === '/empty-gzip') {
        res.writeHead(204, { 'content-encoding': 'gzip' }).end();
      } else if (path === '/truncated-gzip') {
        const whole = gzipSync('{"items":[]}');
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(whole.subarray(0, whole.length - 8));
      } else if (path === '/truncated-deflate') {
        const whole = deflateSync('{"items":[1,2,3,4,5,6,7,8,9]}');
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'deflate' }).end(whole.subarray(0, whole.length - 6));
      } else if (path === '/set-cookie') {
        res.writeHead(200, { 'set-cookie': 'AWSALB=abc; Path=/; HttpOnly' }).end('{}');
      } else if (path === '/expire-cookie') {
        res.writeHead(200, { 'set-cookie': 'AWSALB=; Path=/; Max-Age=0' }).end('{}');
      } else if (path === '/repeated') {
        res.setHeader('etag', ['"1"', '"2"']);
        res.setHeader('x-trace', ['a', 'b']);
        res.setHeader('set-cookie', ['one=1; Path=/', 'two=2; Path=/']);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else if (path === '/missing') {
        res.writeHead(404, { 'content-type': 'application/problem+json' }).end('{"title":"not here"}');
      } else if (path === '/redirect') {
        res.writeHead(302, { location: '/elsewhere' }).end();
      } else {
        res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'r-1' }).end(JSON.stringify({ echoed: Buffer.concat(chunks).toString('utf8') }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function both<T>(run: (transport: Transport) => Promise<T>): Promise<{ node: T; playwright: T }> {
  const node = nodeTransport();
  const playwright = playwrightTransport(await request.newContext());
  try {
    return { node: await run(node), playwright: await run(playwright) };
  } finally {
    await Promise.all([node.dispose(), playwright.dispose()]);
  }
}

/** Status, body and the headers a check may read (the rest, such as date and keep-alive, vary by connection). */
function essentials(response: WireResponse) {
  const { date: _date, connection: _connection, 'keep-alive': _keepAlive, 'transfer-encoding': _te, ...headers } = response.headers;
  return { status: response.status, text: response.text, headers };
}

const CASES: [string, WireRequest][] = [
  ['a gzip-encoded JSON answer, decoded', { method: 'GET', url: '/gzip', headers: { accept: 'application/json' }, timeoutMs: 5_000 }],
  ['a 204 with no body', { method: 'DELETE', url: '/empty', headers: {}, timeoutMs: 5_000 }],
  ['a 204 with no body that says it is gzip-encoded', { method: 'DELETE', url: '/empty-gzip', headers: {}, timeoutMs: 5_000 }],
  ['a gzip body cut short of its trailer', { method: 'GET', url: '/truncated-gzip', headers: {}, timeoutMs: 5_000 }],
  ['repeated headers, Set-Cookie among them', { method: 'GET', url: '/repeated', headers: {}, timeoutMs: 5_000 }],
  ['a 404 problem document', { method: 'GET', url: '/missing', headers: {}, timeoutMs: 5_000 }],
  ['a redirect, not followed', { method: 'GET', url: '/redirect', headers: {}, timeoutMs: 5_000 }],
  ['malformed JSON sent byte for byte', { method: 'POST', url: '/echo?mode=draft', headers: { 'content-type': 'application/json' }, body: Buffer.from('{"name": '), timeoutMs: 5_000 }],
  ['a JSON Patch with If-Match', { method: 'PATCH', url: '/echo', headers: { 'content-type': 'application/json', 'if-match': '"3"' }, body: Buffer.from('[{"op":"replace","path":"/name","value":"ü"}]'), timeoutMs: 5_000 }],
];

for (const [name, wire] of CASES) {
  test(`both transports: ${name}`, async () => {
    seen.length = 0;
    const answers = await both((t) => t.send({ ...wire, url: origin + wire.url }));
    expect(essentials(answers.node)).toEqual(essentials(answers.playwright));
    expect(answers.node.status).toBeGreaterThan(0);
    const [byNode, byPlaywright] = seen;
    expect(seen).toHaveLength(2);
    expect(byNode!.method).toBe(wire.method);
    expect(byNode!.url).toBe(wire.url);
    expect(byNode!.body).toBe(byPlaywright!.body);
    expect(byNode!.body).toBe(wire.body?.toString('utf8') ?? '');
    for (const [header, value] of Object.entries(wire.headers)) {
      expect(byNode!.headers[header]).toBe(value);
      expect(byPlaywright!.headers[header]).toBe(value);
    }
  });
}

test('repeated headers are joined as RFC 9110 joins them, Set-Cookie one a line', async () => {
  const answers = await both((t) => t.send({ method: 'GET', url: `${origin}/repeated`, headers: {}, timeoutMs: 5_000 }));
  expect(answers.node.headers.etag).toBe('"1", "2"');
  expect(answers.node.headers['x-trace']).toBe('a, b');
  expect(answers.node.headers['set-cookie']).toBe('one=1; Path=/\ntwo=2; Path=/');
});

test('a cookie the target sets is sent back by both transports, and one it expires is not', async () => {
  const cookieOf = async (transport: Transport, path: string) => {
    seen.length = 0;
    await transport.send({ method: 'GET', url: `${origin}${path}`, headers: {}, timeoutMs: 5_000 });
    return seen[0]!.headers.cookie;
  };
  const answers = await both(async (t) => [await cookieOf(t, '/set-cookie'), await cookieOf(t, '/echo'), await cookieOf(t, '/expire-cookie'), await cookieOf(t, '/echo')]);
  expect(answers.node).toEqual([undefined, 'AWSALB=abc', 'AWSALB=abc', undefined]);
  expect(answers.playwright).toEqual(answers.node);
});

test('a deflate body cut short is a failure on both transports, named as Playwright names it', async () => {
  const failures = await both((t) => t.send({ method: 'GET', url: `${origin}/truncated-deflate`, headers: {}, timeoutMs: 5_000 }).then(() => 'answered', (e: Error) => e.message));
  expect(failures.node).toMatch(/failed to decompress 'deflate' encoding/);
  expect(failures.playwright).toMatch(/failed to decompress 'deflate' encoding/);
});

test('the gzip answer reads as its decoded JSON', async () => {
  const answers = await both((t) => t.send({ method: 'GET', url: `${origin}/gzip`, headers: {}, timeoutMs: 5_000 }));
  expect(JSON.parse(answers.node.text)).toEqual({ items: [{ id: 'a' }] });
  expect(answers.node.headers.etag).toBe('"7"');
});

test('FLOW_CONFORMANCE_TRANSPORT picks the transport, node by default, and a wrong name is an error naming it', () => {
  expect(transportFromEnv({})).toBe('node');
  expect(transportFromEnv({ [RUN_SETTING_ENV.transport]: 'playwright' })).toBe('playwright');
  expect(() => transportFromEnv({ [RUN_SETTING_ENV.transport]: 'curl' })).toThrow("FLOW_CONFORMANCE_TRANSPORT must be one of node, playwright, not 'curl'");
});
