// How FlowClient's requests reach the wire. Both transports give the same answer (status, headers, body text) or
// fail with a message that says what went wrong; the evidence is the kit's recorder either way.
// - `node` (default): a keep-alive node:http(s) client, ~0.2 ms a request on the client side.
// - `playwright`: Playwright's APIRequestContext, so each request is also a step in Playwright's own report
//   (playwright-report/). It costs ~1.5 ms a request (a source-mapped stack and a protocol round trip per call),
//   which made it most of a default run's time (BENCHMARKS.md); choose it with --transport playwright.
// The model-based suite always uses `node`: its thousands of requests would bury Playwright's report anyway.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { APIRequestContext } from '@playwright/test';

export const TRANSPORTS = ['node', 'playwright'] as const;
export type TransportName = (typeof TRANSPORTS)[number];

/** FLOW_CONFORMANCE_TRANSPORT (set by the CLI's --transport, which validates it), else `node`. */
export function transportFromEnv(env: NodeJS.ProcessEnv = process.env): TransportName {
  const value = env.FLOW_CONFORMANCE_TRANSPORT || 'node';
  if (!(TRANSPORTS as readonly string[]).includes(value)) throw new Error(`FLOW_CONFORMANCE_TRANSPORT must be one of ${TRANSPORTS.join(', ')}, not '${value}'`);
  return value as TransportName;
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

/** `rejectUnauthorized` stays on: a target with a bad certificate is reported as a TLS failure, as Playwright does. */
export function nodeTransport(): Transport {
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  return {
    name: 'node',
    send: (request) => sendNode(request, agents),
    async dispose() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

function sendNode({ method, url, headers, body, timeoutMs }: WireRequest, agents: { http: HttpAgent; https: HttpsAgent }): Promise<WireResponse> {
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
    const send = secure ? httpsRequest : httpRequest;
    // one deadline for the whole exchange, body included, as Playwright's `timeout` is
    const timeout = new Error(`Timeout ${timeoutMs}ms exceeded.`);
    let timedOut = false;
    const fail = (error: Error) => reject(timedOut ? timeout : error);
    const req = send(parsed, { method, headers: outgoing, agent: secure ? agents.https : agents.http }, (res) => {
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

function readBody(res: IncomingMessage): Promise<string> {
  const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : undefined;
  const stream = decoder ? res.pipe(decoder) : res;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
    if (decoder) res.on('error', reject);
  });
}

function flatHeaders(res: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join('\n') : value;
  }
  return headers;
}
