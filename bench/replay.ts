// The replay floor: the exchanges a conformance run made, sent again by a bare keep-alive node:http client, with no
// test runner, no fixtures and no checks, against a fresh reference server. A replayed server hands out its own ids
// and etags, so each answer is paired with the recorded one token by token (ids and etags share the 8-4-4-4-12 hex
// shape) and later requests are rewritten with the replay's values. With concurrency 2, a request waits for the
// answers whose ids or etags it carries; otherwise requests go out in the recorded order.
import { Agent, request as httpRequest } from 'node:http';
import type { RecordedExchange } from './instrument.ts';

const TOKEN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const DROPPED = new Set(['host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding']);

export interface ReplayFigures {
  concurrency: number;
  requests: number;
  ms: number;
  /** Share of answers with the recorded status: how faithfully the replay retraced the run. */
  statusAgreement: number;
}

const tokens = (text: string) => text.match(TOKEN) ?? [];

/** For each exchange, the latest earlier exchange whose answer first produced a token the request carries (or -1). */
export function dependencies(exchanges: RecordedExchange[]): number[] {
  const producer = new Map<string, number>();
  return exchanges.map((exchange, i) => {
    let dep = -1;
    for (const token of tokens(`${exchange.url} ${exchange.body} ${exchange.headers['if-match'] ?? ''}`)) {
      const at = producer.get(token);
      if (at !== undefined && at > dep) dep = at;
    }
    for (const token of tokens(exchange.answer)) if (!producer.has(token)) producer.set(token, i);
    return dep;
  });
}

function send(agent: Agent, origin: URL, exchange: RecordedExchange, rewrite: (text: string) => string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(exchange.headers)) if (!DROPPED.has(name)) headers[name] = rewrite(value);
  const body = exchange.body ? rewrite(exchange.body) : undefined;
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = httpRequest({ agent, host: origin.hostname, port: origin.port, method: exchange.method, path: rewrite(exchange.url), headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: `${res.headers.etag ?? ''} ${Buffer.concat(chunks).toString('utf8')}` }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function replay(origin: string, exchanges: RecordedExchange[], deps: number[], concurrency: number): Promise<ReplayFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(origin);
  const mapping = new Map<string, string>();
  const rewrite = (text: string) => (mapping.size === 0 ? text : text.replace(TOKEN, (t) => mapping.get(t) ?? t));
  const finished: Promise<void>[] = [];
  const finish: (() => void)[] = [];
  for (let i = 0; i < exchanges.length; i++) finished.push(new Promise<void>((resolve) => finish.push(resolve)));
  let next = 0;
  let agreeing = 0;
  const lane = async () => {
    while (next < exchanges.length) {
      const i = next++;
      const exchange = exchanges[i]!;
      const dep = deps[i]!;
      if (dep >= 0) await finished[dep];
      const answer = await send(agent, url, exchange, rewrite);
      if (answer.status === exchange.status) agreeing++;
      const recorded = tokens(exchange.answer);
      const replayed = tokens(answer.text);
      if (recorded.length === replayed.length) recorded.forEach((t, k) => t !== replayed[k] && mapping.set(t, replayed[k]!));
      finish[i]!();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  const ms = performance.now() - started;
  agent.destroy();
  return { concurrency, requests: exchanges.length, ms, statusAgreement: agreeing / exchanges.length };
}
