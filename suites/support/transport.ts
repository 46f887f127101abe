// How FlowClient's requests reach the wire. Both transports give the same answer (status, headers, body text, decoded
// alike), send cookies the target set back alike, or fail with a message that says what went wrong
// (tests/real-target/transports.spec.ts holds them to it); the evidence is the kit's recorder either way.
// - `node` (default): a keep-alive node:http(s) client, ~0.2 ms a request on the client side.
// - `playwright`: Playwright's APIRequestContext, so each request is also a step in Playwright's own report
//   (playwright-report/). It costs ~1.5 ms a request (a source-mapped stack and a protocol round trip per call),
//   which made it most of a default run's time (BENCHMARKS.md); choose it with --transport playwright.
// The model-based suite always uses `node`: its thousands of requests would bury Playwright's report anyway.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { brotliDecompressSync, constants, gunzipSync, inflateSync } from 'node:zlib';
import type { APIRequestContext } from '@playwright/test';
import { readRunSetting, type TransportName } from '../../kit/run-settings.ts';
import { CookieJar } from './cookie-jar.ts';

/** The run's transport setting (the CLI's --transport, which validates it), else `node`. */
export function transportFromEnv(env: NodeJS.ProcessEnv = process.env): TransportName {
  return readRunSetting('transport', env) ?? 'node';
}

export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
}

export interface WireResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  text: string;
}

export interface Transport {
  readonly name: TransportName;
  /** Resolves with the answer, whatever its status; rejects when none came (timeout, refused, reset, TLS, DNS). */
  send(request: WireRequest): Promise<WireResponse>;
  dispose(): Promise<void>;
}

export function playwrightTransport(context: APIRequestContext): Transport {
  return {
    name: 'playwright',
    async send({ method, url, headers, body, timeoutMs }) {
      const response = await context.fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { data: body }),
        failOnStatusCode: false,
        maxRedirects: 0,
        timeout: timeoutMs,
      });
      const text = await response.text();
      // Playwright keeps every response body until it is disposed: a long run would pile them up
      await response.dispose();
      return { status: response.status(), headers: response.headers(), text };
    },
    dispose: () => context.dispose(),
  };
}

const USER_AGENT = `flow-conformance (node ${process.version})`;

/**
 * How long a kept-alive socket may sit idle before the kit closes it. Servers close idle connections too (Node's
 * default after 5 s, many proxies after 5-60 s), and a request written on a socket the server is closing at that
 * instant is reset: a POST, PATCH or DELETE that is then final (retry.ts), an `error` for its check. Closing first
 * avoids the race; Node's agent also honours a shorter `Keep-Alive: timeout=N` hint (as N - 1 s).
 */
export const IDLE_SOCKET_MS = 4_000;

/** `rejectUnauthorized` stays on: a target with a bad certificate is reported as a TLS failure, as Playwright does. */
export function nodeTransport(): Transport {
  const agents = { http: new HttpAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS }), https: new HttpsAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS }) };
  const cookies = new CookieJar();
  return {
    name: 'node',
    send: (request) => sendNode(request, agents, cookies),
    async dispose() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

function sendNode({ method, url, headers, body, timeoutMs }: WireRequest, agents: { http: HttpAgent; https: HttpsAgent }, cookies: CookieJar): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      reject(new Error(`invalid URL: ${url}`));
      return;
    }
    const secure = parsed.protocol === 'https:';
    const outgoing: Record<string, string> = { 'user-agent': USER_AGENT, 'accept-encoding': 'gzip, deflate, br', ...headers };
    if (body !== undefined) outgoing['content-length'] = String(body.length);
    const cookie = cookies.header(parsed);
    if (cookie !== undefined && outgoing.cookie === undefined) outgoing.cookie = cookie;
    const send = secure ? httpsRequest : httpRequest;
    // one deadline for the whole exchange, body included, as Playwright's `timeout` is
    const timeout = new Error(`Timeout ${timeoutMs}ms exceeded.`);
    let timedOut = false;
    const fail = (error: Error) => reject(timedOut ? timeout : error);
    const req = send(parsed, { method, headers: outgoing, agent: secure ? agents.https : agents.http }, (res) => {
      cookies.store(parsed, res.headersDistinct['set-cookie']);
      readBody(res).then((text) => resolve({ status: res.statusCode ?? 0, headers: flatHeaders(res), text }), fail);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy(timeout);
    }, timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', fail);
    req.end(body);
  });
}

/** The body as text, decoded as Playwright decodes it: an empty body stays empty, truncated gzip or br gives what it has. */
function readBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('error', reject);
    res.on('end', () => {
      const encoding = String(res.headers['content-encoding'] ?? '');
      try {
        resolve(decode(Buffer.concat(chunks), encoding).toString('utf8'));
      } catch (error) {
        reject(new Error(`failed to decompress '${encoding}' encoding: ${(error as Error).message}`));
      }
    });
  });
}

function decode(raw: Buffer, contentEncoding: string): Buffer {
  const encoding = contentEncoding.trim().toLowerCase();
  if (raw.length === 0) return raw;
  if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(raw, { finishFlush: constants.Z_SYNC_FLUSH });
  if (encoding === 'deflate') return inflateSync(raw);
  if (encoding === 'br') return brotliDecompressSync(raw, { finishFlush: constants.BROTLI_OPERATION_FLUSH });
  return raw;
}

/** Lower-case names; a repeated header joined with ", " (RFC 9110 5.3), Set-Cookie with newlines, as Playwright does. */
function flatHeaders(res: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(res.headersDistinct)) {
    if (values !== undefined) headers[name] = values.join(name === 'set-cookie' ? '\n' : ', ');
  }
  return headers;
}
