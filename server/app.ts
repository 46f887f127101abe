// The HTTP face of the reference server: headers, routing, bodies and errors. `createFlowService` builds it without
// listening: `handle` answers a plain request object (tests, the CLI's embedded default) and `listener` plugs into
// node:http. Lifecycle rules live in lifecycle.ts; this file only decides which operation a request is.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { actOnEntity, createEntity, deleteEntity, getEntity, listEntities, patchEntity, type Caller, type Reply } from './entities.ts';
import { ApiError, errorBody } from './errors.ts';
import { exploreConnection, exploreConnectionSpec, testConnection } from './explore.ts';
import { Faults } from './faults.ts';
import { ADMIN_BASE, handleAdmin } from './run-admin.ts';
import { getRun, listRuns } from './runs.ts';
import { getSpec, listSpecs } from './specs.ts';
import { isKind, KINDS, Store, type Json, type Kind } from './store.ts';

export const BASE_PATH = '/data/foundation/flowservice';
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
const MAX_DEPTH = 32;

export interface Credentials {
  accessToken: string;
  apiKey: string;
  orgId: string;
}

/** What the server accepts when AEP_ACCESS_TOKEN, AEP_API_KEY and AEP_ORG_ID are unset (documented in the README). */
export const DEFAULT_CREDENTIALS: Credentials = {
  accessToken: 'reference-access-token',
  apiKey: 'reference-api-key',
  orgId: 'REFERENCE0000000000000000@AdobeOrg',
};
export const DEFAULT_SANDBOX = 'prod';

export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): Credentials {
  return {
    accessToken: env.AEP_ACCESS_TOKEN || DEFAULT_CREDENTIALS.accessToken,
    apiKey: env.AEP_API_KEY || DEFAULT_CREDENTIALS.apiKey,
    orgId: env.AEP_ORG_ID || DEFAULT_CREDENTIALS.orgId,
  };
}

export interface FlowServiceOptions {
  faults?: Iterable<string>;
  credentials?: Credentials;
  bodyLimit?: number;
}

export interface AppRequest {
  method: string;
  /** Path and query, e.g. `/data/foundation/flowservice/flows?mode=draft`. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: string | Buffer;
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface FlowService {
  handle(request: AppRequest): Promise<AppResponse>;
  listener(req: IncomingMessage, res: ServerResponse): void;
  readonly store: Store;
  readonly faults: Faults;
  readonly credentials: Credentials;
}

type Handler = (caller: Caller, ids: string[], params: URLSearchParams, request: AppRequest) => Reply | Promise<Reply>;
interface Route {
  methods: Record<string, Handler>;
  needsJsonBody: Set<string>;
}

const NO_BODY = new Set<string>();

function specRoutes(collection: 'connectionSpecs' | 'flowSpecs') {
  return {
    list: { methods: { GET: (c, _i, p) => listSpecs(collection, p, c.faults) }, needsJsonBody: NO_BODY } satisfies Route,
    one: { methods: { GET: (c, i) => getSpec(collection, i[0]!, c.faults) }, needsJsonBody: NO_BODY } satisfies Route,
  };
}

function entityRoutes(kind: Kind) {
  return {
    collection: {
      methods: { GET: (c, _i, p) => listEntities(c, kind, p), POST: (c, _i, p, r) => createEntity(c, kind, parseBody(r, c), p.get('mode')) },
      needsJsonBody: new Set(['POST']),
    } satisfies Route,
    one: {
      methods: {
        GET: (c, i) => getEntity(c, kind, i[0]!),
        PATCH: (c, i, _p, r) => patchEntity(c, kind, i[0]!, parseBody(r, c), header(r, 'if-match')),
        DELETE: (c, i) => deleteEntity(c, kind, i[0]!),
      },
      needsJsonBody: new Set(['PATCH']),
    } satisfies Route,
    action: { methods: { POST: (c, i, p) => actOnEntity(c, kind, i[0]!, p.get('op')) }, needsJsonBody: NO_BODY } satisfies Route,
  };
}

/** Runs, outside the subset (runs.ts): read only here; tests add them through the admin route (run-admin.ts). */
const RUN_ROUTES = {
  list: { methods: { GET: (c, _i, p) => listRuns(c, p) }, needsJsonBody: NO_BODY } satisfies Route,
  one: { methods: { GET: (c, i) => getRun(c, i[0]!) }, needsJsonBody: NO_BODY } satisfies Route,
};

/** Built once: a request only looks its route up. */
const SPEC_ROUTES = { connectionSpecs: specRoutes('connectionSpecs'), flowSpecs: specRoutes('flowSpecs') };
/** Explore and test (explore.ts): read-only GETs beside a connection or a connection spec. */
const EXPLORE_ROUTES = {
  connection: { methods: { GET: (c, i, p) => exploreConnection(c, i[0]!, p) }, needsJsonBody: NO_BODY } satisfies Route,
  connectionTest: { methods: { GET: (c, i) => testConnection(c, i[0]!) }, needsJsonBody: NO_BODY } satisfies Route,
  connectionSpec: { methods: { GET: (_c, i, p) => exploreConnectionSpec(i[0]!, p) }, needsJsonBody: NO_BODY } satisfies Route,
};
const ENTITY_ROUTES = Object.fromEntries(KINDS.map((kind) => [kind, entityRoutes(kind)])) as Record<Kind, ReturnType<typeof entityRoutes>>;

function route(segments: string[]): { route: Route; ids: string[] } | undefined {
  const [collection = '', id, action, ...rest] = segments;
  if (rest.length > 0) return undefined;
  if (collection === 'connectionSpecs' && id !== undefined && action === 'explore') return { route: EXPLORE_ROUTES.connectionSpec, ids: [id] };
  if (collection === 'connections' && id !== undefined && action === 'explore') return { route: EXPLORE_ROUTES.connection, ids: [id] };
  if (collection === 'connections' && id !== undefined && action === 'test') return { route: EXPLORE_ROUTES.connectionTest, ids: [id] };
  if (collection === 'connectionSpecs' || collection === 'flowSpecs') {
    if (action !== undefined) return undefined;
    const routes = SPEC_ROUTES[collection];
    return id === undefined ? { route: routes.list, ids: [] } : { route: routes.one, ids: [id] };
  }
  if (collection === 'runs') {
    if (action !== undefined) return undefined;
    return id === undefined ? { route: RUN_ROUTES.list, ids: [] } : { route: RUN_ROUTES.one, ids: [id] };
  }
  if (!isKind(collection)) return undefined;
  const routes = ENTITY_ROUTES[collection];
  if (id === undefined) return { route: routes.collection, ids: [] };
  if (action === undefined) return { route: routes.one, ids: [id] };
  return action === 'action' ? { route: routes.action, ids: [id] } : undefined;
}

function header(request: AppRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseBody(request: AppRequest, caller: Caller): Json {
  const text = request.body === undefined ? '' : request.body.toString();
  if (text.trim() === '') throw new ApiError('empty-body', 'The request body cannot be null or empty.');
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    if (caller.faults.has('malformed-json-crashes')) throw new ApiError('internal', 'Unexpected token.');
    throw new ApiError('malformed-json', 'The request body is not valid JSON.');
  }
  if (depthExceeds(value, MAX_DEPTH)) throw new ApiError('validation', `The request body is nested deeper than ${MAX_DEPTH} levels.`);
  return value;
}

/** Iterative, so a hostile body cannot overflow the stack. */
function depthExceeds(value: Json, limit: number): boolean {
  const stack: [Json, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const type = value.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

export function createFlowService(options: FlowServiceOptions = {}): FlowService {
  const faults = new Faults(options.faults);
  const credentials = options.credentials ?? credentialsFromEnv();
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const store = new Store();
  let requestCount = 0;

  function respond(reply: Reply, requestId: string): AppResponse {
    const headers: Record<string, string> = { 'x-request-id': requestId, ...reply.headers };
    if (reply.json === undefined && reply.body === undefined) return { status: reply.status, headers, body: '' };
    headers['content-type'] = 'application/json';
    return { status: reply.status, headers, body: reply.json ?? JSON.stringify(reply.body) };
  }

  function fail(error: ApiError, requestId: string, extra: Record<string, string> = {}): AppResponse {
    if (faults.has('errors-are-plain-text')) {
      return { status: error.status, headers: { 'x-request-id': requestId, 'content-type': 'text/plain', ...extra }, body: error.detail };
    }
    return respond({ status: error.status, body: errorBody(error.key, error.detail, requestId, error.report), headers: extra }, requestId);
  }

  /** API-001..003: the gateway's checks, in the gateway's order. */
  function authenticate(request: AppRequest): ApiError | undefined {
    const authorization = header(request, 'authorization');
    if (!faults.has('auth-token-not-checked')) {
      if (!authorization) return new ApiError('token-missing', 'Oauth token is missing.');
      const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
      if (!match || match[1] !== credentials.accessToken) return new ApiError('token-invalid', 'Oauth token is not valid');
    }
    if (!faults.has('api-key-not-checked')) {
      const apiKey = header(request, 'x-api-key');
      if (!apiKey) return new ApiError('api-key-missing', 'Api Key is required');
      if (apiKey !== credentials.apiKey) return new ApiError('api-key-invalid', 'Api Key is invalid');
    }
    if (!faults.has('org-header-not-checked')) {
      const org = header(request, 'x-gw-ims-org-id');
      if (!org) return new ApiError('org-missing', 'The header x-gw-ims-org-id is missing in the request.');
      if (org !== credentials.orgId) return new ApiError('org-not-entitled', 'Profile is not valid');
    }
    return undefined;
  }

  function callerOf(request: AppRequest): Caller {
    const org = header(request, 'x-gw-ims-org-id') ?? credentials.orgId;
    const sandbox = faults.has('sandboxes-share-one-store') ? DEFAULT_SANDBOX : (header(request, 'x-sandbox-name') || DEFAULT_SANDBOX);
    return { scope: store.scope(org, sandbox), store, faults, clientId: credentials.apiKey, basePath: BASE_PATH };
  }

  async function handle(request: AppRequest): Promise<AppResponse> {
    const requestId = `ref-${++requestCount}`;
    try {
      const queryAt = request.url.indexOf('?');
      const path = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
      const params = new URLSearchParams(queryAt < 0 ? '' : request.url.slice(queryAt + 1));
      const denied = authenticate(request);
      if (denied) return fail(denied, requestId);
      if (path.startsWith(ADMIN_BASE + '/')) return respond(handleAdmin(callerOf(request), request.method, path, request.body), requestId);
      if (!path.startsWith(BASE_PATH + '/')) throw new ApiError('route-not-found', `No route for ${path}.`);
      const segments = path.slice(BASE_PATH.length + 1).replace(/\/$/, '').split('/').map(safeDecode);
      const found = route(segments);
      if (!found) throw new ApiError('route-not-found', `No route for ${path}.`);
      const handler = found.route.methods[request.method.toUpperCase()];
      if (!handler) {
        const allow = Object.keys(found.route.methods).join(', ');
        return fail(new ApiError('method-not-allowed', `${request.method} is not supported here; use ${allow}.`), requestId, { allow });
      }
      if (found.route.needsJsonBody.has(request.method.toUpperCase()) && !faults.has('content-type-not-checked')) {
        if (!isJsonContentType(header(request, 'content-type'))) throw new ApiError('content-type', 'A valid content-type must be specified');
      }
      return respond(await handler(callerOf(request), found.ids, params, request), requestId);
    } catch (error) {
      if (error instanceof ApiError) return fail(error, requestId);
      return fail(new ApiError('internal', 'The server failed to answer this request.'), requestId);
    }
  }

  function listener(req: IncomingMessage, res: ServerResponse): void {
    const send = (answer: AppResponse) => {
      res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
      res.end(answer.body);
    };
    const request: AppRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
    if (request.method === 'GET' || request.method === 'DELETE' || request.method === 'HEAD') {
      req.resume();
      void handle(request).then(send);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > bodyLimit) {
        tooLarge = true;
        const error = new ApiError('body-too-large', `The request body exceeds ${bodyLimit} bytes.`);
        send(fail(error, `ref-${++requestCount}`, { connection: 'close' }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) return;
      request.body = Buffer.concat(chunks);
      void handle(request).then(send);
    });
    req.on('error', () => res.destroy());
  }

  return { handle, listener, store, faults, credentials };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
