// A request as the server sees it, independent of node:http (tests and the embedded default pass plain objects), and
// what it takes to read one: a header, the JSON body, the path's segments.
import type { Caller } from './caller.ts';
import { ApiError } from './errors.ts';
import type { Json } from './store.ts';

export { BASE_PATH } from './defaults.ts';
const MAX_DEPTH = 32;

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

export function header(request: AppRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** API-005: a body that is not JSON answers 400 and changes nothing (E 1405-400 family); API-007: never a 500. */
export function parseBody(request: AppRequest, caller: Caller): Json {
  const text = request.body === undefined ? '' : request.body.toString();
  if (text.trim() === '') throw new ApiError('empty-body', 'The request body cannot be null or empty.');
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    throw caller.seams.malformedJsonError();
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

/** API-010: a body is read only under `application/json` or an `application/*+json` type. */
export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const type = value.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
