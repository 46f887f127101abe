// Instruments a reference server for the bench. Counting: every request through the server's own listener, plus a
// counter. Recording: each exchange (method, url, headers, body, status, answer) kept for the replay floor; the body
// is buffered here and handed to `service.handle`, the path the app's listener takes. Either way, /__bench/* (outside
// the service's base path) is the control channel:
//   GET  /__bench/stats       {requests, storeSize, heapUsedBytes, rssBytes, ids}; collects garbage first under --expose-gc
//   GET  /__bench/exchanges   the recorded exchanges
//   POST /__bench/reset       zero the counter, forget the recording
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppResponse, FlowService } from '../server/app.ts';

export interface RecordedExchange {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  status: number;
  /** The answer's body and ETag header: the ids and etags a replay has to map to its own. */
  answer: string;
}

export interface ServerStats {
  requests: number;
  storeSize: number;
  heapUsedBytes: number;
  rssBytes: number;
  /** A sample of stored ids (the seeded ones), for GET-by-id load. */
  ids: string[];
}

const CONTROL = '/__bench/';

export function instrumentedListener(service: FlowService, options: { record: boolean; ids: string[] }): (req: IncomingMessage, res: ServerResponse) => void {
  let requests = 0;
  let recorded: RecordedExchange[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;

  function control(req: IncomingMessage, res: ServerResponse): void {
    let answer: unknown;
    if (req.url === `${CONTROL}stats`) {
      gc?.();
      const memory = process.memoryUsage();
      answer = { requests, storeSize: service.store.size, heapUsedBytes: memory.heapUsed, rssBytes: memory.rss, ids: options.ids } satisfies ServerStats;
    } else if (req.url === `${CONTROL}exchanges`) {
      answer = recorded;
    } else if (req.url === `${CONTROL}reset`) {
      requests = 0;
      recorded = [];
      answer = { ok: true };
    }
    req.resume();
    res.writeHead(answer === undefined ? 404 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer ?? { error: 'unknown control path' }));
  }

  return (req, res) => {
    if (req.url?.startsWith(CONTROL)) return control(req, res);
    requests++;
    if (!options.record) return service.listener(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      const body = Buffer.concat(chunks);
      const method = req.method ?? 'GET';
      const request = { method, url: req.url ?? '/', headers: req.headers, ...(body.length > 0 ? { body } : {}) };
      void service.handle(request).then((answer: AppResponse) => {
        recorded.push({ method, url: request.url, headers, body: body.toString('utf8'), status: answer.status, answer: `${answer.headers.etag ?? ''} ${answer.body}` });
        res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
        res.end(answer.body);
      });
    });
  };
}
