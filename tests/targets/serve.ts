// What every broken target shares: a node:http server on 127.0.0.1 (free port) in front of a plain request handler,
// the gateway's credential checks, the route of a request, and JSON answers. A broken target is a handler; this file
// makes it something the CLI can be pointed at.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BASE_PATH, DEFAULT_CREDENTIALS, type AppRequest, type AppResponse } from '../../server/app.ts';

export interface RunningTarget {
  /** The service base URL, base path included: what `--target` takes. */
  url: string;
  /** Requests answered, preflight included. */
  requests(): number;
  close(): Promise<void>;
}

/** A handler may answer, or take over the raw socket (to reset it) by returning 'hang-up'. */
export type TargetHandler = (request: AppRequest, raw: { req: IncomingMessage; res: ServerResponse }) => Promise<AppResponse | 'hang-up'> | AppResponse | 'hang-up';

export async function serveTarget(handle: TargetHandler, basePath = BASE_PATH): Promise<RunningTarget> {
  let count = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      count++;
      const request: AppRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) };
      void Promise.resolve(handle(request, { req, res }))
        .then((answer) => {
          if (answer === 'hang-up') return void req.socket.destroy();
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body);
        })
        .catch((error: Error) => {
          // a bug in a target must show as the target's 500, not as a hung kit
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'target bug', message: error.message }));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests: () => count,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): AppResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export function text(status: number, body: string): AppResponse {
  return { status, headers: { 'content-type': 'text/plain' }, body };
}

export function header(request: AppRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The gateway's checks (API-001..003) against the kit's default credentials, as an error answer, or undefined. */
export function refusedCredentials(request: AppRequest): AppResponse | undefined {
  const token = /^Bearer\s+(.+)$/i.exec(header(request, 'authorization') ?? '')?.[1];
  if (token !== DEFAULT_CREDENTIALS.accessToken) return json(401, { error_code: '401013', message: 'Oauth token is not valid' });
  if (header(request, 'x-api-key') !== DEFAULT_CREDENTIALS.apiKey) return json(403, { error_code: '403003', message: 'Api Key is invalid' });
  if (header(request, 'x-gw-ims-org-id') !== DEFAULT_CREDENTIALS.orgId) return json(403, { error_code: '403025', message: 'Profile is not valid' });
  return undefined;
}

/** The kit's credentials, whatever the request carried: for targets that check nothing but reuse the reference. */
export function withKitCredentials(request: AppRequest): AppRequest {
  return {
    ...request,
    headers: {
      ...request.headers,
      authorization: `Bearer ${DEFAULT_CREDENTIALS.accessToken}`,
      'x-api-key': DEFAULT_CREDENTIALS.apiKey,
      'x-gw-ims-org-id': DEFAULT_CREDENTIALS.orgId,
    },
  };
}

export interface Route {
  collection: string;
  id?: string;
  action?: string;
  params: URLSearchParams;
  /** A spec collection (connectionSpecs, flowSpecs) rather than an entity kind. */
  spec: boolean;
}

/** The route of a request under the base path, or undefined outside it. */
export function routeOf(request: AppRequest, basePath = BASE_PATH): Route | undefined {
  const [path = '', query = ''] = request.url.split('?', 2);
  if (!path.startsWith(basePath)) return undefined;
  const [collection = '', id, action] = path.slice(basePath.length).split('/').filter(Boolean).map(decodeURIComponent);
  return { collection, ...(id ? { id } : {}), ...(action ? { action } : {}), params: new URLSearchParams(query), spec: collection.endsWith('Specs') };
}

/**
 * `handle`, with PATCHes by id one at a time: a target that reads the current etag and then writes needs no write to
 * slip in between (the If-Match targets bend etags, not atomicity).
 */
export function serialisingPatches(handle: (request: AppRequest) => Promise<AppResponse> | AppResponse, patch: (request: AppRequest) => Promise<AppResponse>): TargetHandler {
  let queue: Promise<unknown> = Promise.resolve();
  return (request: AppRequest) => {
    if (request.method !== 'PATCH' || !routeOf(request)?.id) return handle(request);
    const answer = queue.then(() => patch(request));
    queue = answer.catch(() => undefined);
    return answer;
  };
}
