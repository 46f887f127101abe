// Real network conditions in front of any HTTP target, for the bench and the project's own tests: a proxy that adds a
// fixed delay to every request (a remote service is tens to hundreds of milliseconds away), and a limiter that answers
// 429 with Retry-After to every Nth request, as Platform's gateway does under load. Both are small node:http servers
// on 127.0.0.1, port 0, and count what passed through them, measured where the target would see it.
import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Conditions {
  /** The proxy's base URL: the target's, with the proxy's origin. */
  url: string;
  stats: ConditionStats;
  close(): Promise<void>;
}

export interface ConditionStats {
  /** Requests that reached the proxy (429s included). */
  requests: number;
  /** POSTs to a collection (not an action) answered 2xx: entities the client created. */
  entitiesCreated: number;
  /** Most requests in flight at once, as the target side saw it. */
  peakInFlight: number;
  /** Milliseconds spent at each in-flight level (index = requests in flight), for the share of time above a bound. */
  msAtInFlight: number[];
  /** Date.now() of the first and the last request: the span the target was busy with the run. */
  firstAt: number;
  lastAt: number;
  /** Stretches of over a second with nothing in flight: [start (ms after the first request), length ms]. */
  idleGaps: [number, number][];
  /** Limiter only: 429 answers served. */
  served429: number;
  /**
   * Limiter only: requests on a connection that had been answered 429 which came back before its Retry-After ran out
   * (a client that did not wait). Connections are never shared between workers, so each is one client's.
   */
  retriedEarly: number;
  /**
   * Limiter only: requests that arrived while some 429's Retry-After still ran, more than `graceMs` after it was served
   * (any sooner may have been sent before the client knew): workers that did not hold for another's 429.
   */
  ignoredHold: number;
}

export interface ConditionOptions {
  /** Added to every request before it is forwarded (default 100 ms). */
  delayMs?: number;
  /** Every Nth request is answered 429 instead of forwarded (0 or absent: none). */
  limitEvery?: number;
  /** The Retry-After (seconds) of a 429 (default 1). */
  retryAfterSeconds?: number;
  /** See ConditionStats.ignoredHold (default 100 ms). */
  graceMs?: number;
}

const IDLE_SOCKET_MS = 4_000;
const COLLECTION_POST = /\/(connections|sourceConnections|targetConnections|flows)(\?|$)/;

/** A proxy in front of `targetUrl` (a base URL with its path) that delays and/or rate-limits as `options` say. */
export async function startConditions(targetUrl: string, options: ConditionOptions = {}): Promise<Conditions> {
  const upstream = new URL(targetUrl);
  const delayMs = options.delayMs ?? 0;
  const every = options.limitEvery ?? 0;
  const retryAfter = options.retryAfterSeconds ?? 1;
  // idle sockets closed before the target's own keep-alive timeout (Node's default 5 s): reusing one the target is
  // closing at that instant resets the request, which the client would see as the target's 502
  const agent = new Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
  const graceMs = options.graceMs ?? 100;
  const stats: ConditionStats = { firstAt: 0, lastAt: 0, idleGaps: [], requests: 0, entitiesCreated: 0, peakInFlight: 0, msAtInFlight: [], served429: 0, retriedEarly: 0, ignoredHold: 0 };
  let inFlight = 0;
  let since = performance.now();
  let holdUntil = 0;
  let servedAt = 0;
  const limitedUntil = new WeakMap<object, number>();
  const level = (change: number) => {
    const now = performance.now();
    if (inFlight === 0 && change > 0 && stats.requests > 1 && now - since > 1000) stats.idleGaps.push([Math.round(Date.now() - (now - since) - stats.firstAt), Math.round(now - since)]);
    stats.msAtInFlight[inFlight] = (stats.msAtInFlight[inFlight] ?? 0) + (now - since);
    since = now;
    inFlight += change;
    stats.peakInFlight = Math.max(stats.peakInFlight, inFlight);
  };

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const headers = { ...req.headers, host: upstream.host };
    const out = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent }, (answer) => {
      if (req.method === 'POST' && COLLECTION_POST.test(req.url ?? '') && (answer.statusCode ?? 0) >= 200 && (answer.statusCode ?? 0) < 300) stats.entitiesCreated++;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"message":"proxy: the target did not answer"}');
    });
    out.end(body);
  };

  const server: Server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
    const n = stats.requests++;
    const now = Date.now();
    stats.firstAt ||= now;
    stats.lastAt = now;
    if (now < holdUntil && now > servedAt + graceMs) stats.ignoredHold++;
    // 20 ms: timers may fire that much early on a busy machine
    if (now < (limitedUntil.get(req.socket) ?? 0) - 20) stats.retriedEarly++;
    level(+1);
    res.on('close', () => level(-1));
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      // the delay stands for the round trip: the answer comes `delayMs` later than it would, 429s included
      setTimeout(() => {
        if (every > 0 && n % every === every - 1) {
          stats.served429++;
          servedAt = Date.now();
          holdUntil = Math.max(holdUntil, servedAt + retryAfter * 1000);
          limitedUntil.set(req.socket, servedAt + retryAfter * 1000);
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfter) });
          res.end(JSON.stringify({ error_code: '429050', message: 'Too many requests' }));
          return;
        }
        forward(req, res, body);
      }, delayMs);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname.replace(/\/+$/, '')}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        level(0);
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}

/** The latency-injecting proxy: `delayMs` (default 100) added to every request. */
export function latencyProxy(targetUrl: string, delayMs = 100): Promise<Conditions> {
  return startConditions(targetUrl, { delayMs });
}

/** The 429 limiter: every `every`th request (default 3) answered 429 with `Retry-After: retryAfterSeconds` (default 1). */
export function rateLimiter(targetUrl: string, every = 3, retryAfterSeconds = 1): Promise<Conditions> {
  return startConditions(targetUrl, { limitEvery: every, retryAfterSeconds });
}

/** Share of the busy time (at least one request in flight) during which more than `bound` were. */
export function shareAbove(stats: ConditionStats, bound: number): number {
  const total = stats.msAtInFlight.slice(1).reduce((s, x) => s + (x ?? 0), 0);
  const above = stats.msAtInFlight.slice(bound + 1).reduce((s, x) => s + (x ?? 0), 0);
  return total === 0 ? 0 : above / total;
}
