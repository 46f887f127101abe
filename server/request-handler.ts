// The request handler of a reference server instance: authentication, routing, the body checks every route shares,
// and the answer, success or error. `handleRequest` answers a plain request object; `handleNodeRequest` reads one
// from node:http (bounded by the body limit) and writes the answer back.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, callerOf, type Credentials } from './authenticate.ts';
import type { Reply } from './caller.ts';
import { ApiError, errorBody } from './errors.ts';
import type { FaultSeams } from './fault-seams.ts';
import { BASE_PATH, header, isJsonContentType, safeDecode, type AppRequest, type AppResponse } from './http-request.ts';
import { route } from './routes.ts';
import { ADMIN_BASE, handleAdmin } from './run-admin.ts';
import type { Store } from './store.ts';

/** What one server instance holds across requests. */
export interface ServiceState {
  readonly store: Store;
  readonly seams: FaultSeams;
  readonly credentials: Credentials;
  readonly bodyLimit: number;
  /** Numbers the x-request-id of every answer. */
  requestCount: number;
}

function respond(reply: Reply, requestId: string): AppResponse {
  const headers: Record<string, string> = { 'x-request-id': requestId, ...reply.headers };
  if (reply.json === undefined && reply.body === undefined) return { status: reply.status, headers, body: '' };
  headers['content-type'] = 'application/json';
  return { status: reply.status, headers, body: reply.json ?? JSON.stringify(reply.body) };
}

/** API-009: every error answers a JSON body in the documented shape (errors.ts). */
function answerError(state: ServiceState, error: ApiError, requestId: string, extra: Record<string, string> = {}): AppResponse {
  if (state.seams.errorsArePlainText()) {
    return { status: error.status, headers: { 'x-request-id': requestId, 'content-type': 'text/plain', ...extra }, body: error.detail };
  }
  return respond({ status: error.status, body: errorBody(error.key, error.detail, requestId, error.report), headers: extra }, requestId);
}

/**
 * Answers one request. API-010: a POST or PATCH body must be JSON by its Content-Type; API-007: whatever goes wrong
 * inside answers an error the registry knows, a 500 only for a real fault of the server.
 */
export async function handleRequest(state: ServiceState, request: AppRequest): Promise<AppResponse> {
  const requestId = `ref-${++state.requestCount}`;
  const { seams, store, credentials } = state;
  try {
    const queryAt = request.url.indexOf('?');
    const path = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
    const params = new URLSearchParams(queryAt < 0 ? '' : request.url.slice(queryAt + 1));
    const denied = authenticate(request, credentials, seams);
    if (denied) return answerError(state, denied, requestId);
    if (path.startsWith(ADMIN_BASE + '/')) return respond(handleAdmin(callerOf(request, store, credentials, seams), request.method, path, request.body), requestId);
    if (!path.startsWith(BASE_PATH + '/')) throw new ApiError('route-not-found', `No route for ${path}.`);
    const segments = path.slice(BASE_PATH.length + 1).replace(/\/$/, '').split('/').map(safeDecode);
    const found = route(segments);
    if (!found) throw new ApiError('route-not-found', `No route for ${path}.`);
    const method = request.method.toUpperCase();
    const handler = found.route.methods[method];
    if (!handler) {
      const allow = Object.keys(found.route.methods).join(', ');
      return answerError(state, new ApiError('method-not-allowed', `${request.method} is not supported here; use ${allow}.`), requestId, { allow });
    }
    if (found.route.needsJsonBody.has(method) && seams.checksContentType()) {
      if (!isJsonContentType(header(request, 'content-type'))) throw new ApiError('content-type', 'A valid content-type must be specified');
    }
    return respond(await handler(callerOf(request, store, credentials, seams), found.ids, params, request), requestId);
  } catch (error) {
    if (error instanceof ApiError) return answerError(state, error, requestId);
    return answerError(state, new ApiError('internal', 'The server failed to answer this request.'), requestId);
  }
}

/** The node:http face of `handleRequest`: a body over the limit answers 413 and closes the connection. */
export function handleNodeRequest(state: ServiceState, req: IncomingMessage, res: ServerResponse): void {
  const send = (answer: AppResponse) => {
    res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
    res.end(answer.body);
  };
  const request: AppRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
  if (request.method === 'GET' || request.method === 'DELETE' || request.method === 'HEAD') {
    req.resume();
    void handleRequest(state, request).then(send);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    if (tooLarge) return;
    size += chunk.length;
    if (size > state.bodyLimit) {
      tooLarge = true;
      const error = new ApiError('body-too-large', `The request body exceeds ${state.bodyLimit} bytes.`);
      send(answerError(state, error, `ref-${++state.requestCount}`, { connection: 'close' }));
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (tooLarge) return;
    request.body = Buffer.concat(chunks);
    void handleRequest(state, request).then(send);
  });
  req.on('error', () => res.destroy());
}
