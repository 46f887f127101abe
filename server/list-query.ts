// The documented list parameters: property filters (==, !=, >, <; comma for several values; `field[]` for arrays;
// several `property` params are ANDed), orderby (+field / -field), limit with a continuation token, count=true.
import { ApiError } from './errors.ts';

export interface Condition {
  path: string[];
  arrayField: boolean;
  /** Indexes of path segments written `name[]` before the end (`targetConnections[].connectionSpec.id`): each element is tried. */
  spreadAt?: number[];
  op: '==' | '!=' | '>' | '<' | '>=' | '<=';
  values: string[];
}

export interface Ordering {
  path: string[];
  descending: boolean;
}

export interface ListQuery {
  conditions: Condition[];
  orderBy?: Ordering;
  limit?: number;
  count: boolean;
  token?: Cursor;
  /** The list this page belongs to, as the next page's token carries it. */
  echo: SentQuery;
}

/** Where the previous page stopped: after a creation sequence (unordered lists) or at an offset (ordered ones). */
export type Cursor = { afterSeq: number } | { offset: number };

const CONDITION = /^((?:[A-Za-z0-9_]+(?:\[\])?\.)*[A-Za-z0-9_]+?)(\[\])?(==|!=|>=|<=|>|<|=)(.*)$/s;
export const MAX_LIMIT = 1000;

export function parseCondition(text: string): Condition {
  const match = CONDITION.exec(text);
  if (!match) throw new ApiError('invalid-query', `Invalid property filter '${text}'.`);
  const [, field = '', brackets, written = '==', rest = ''] = match;
  // sort-and-filter's connection-spec table writes a single "=" (`attributes.sampleAttribute="abc"`): taken as "=="
  const op = written === '=' ? '==' : written;
  const values = rest.split(',').map((value) => value.trim().replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1'));
  const segments = field.split('.');
  const spreadAt = segments.flatMap((segment, at) => (segment.endsWith('[]') ? [at] : []));
  const path = segments.map((segment) => segment.replace(/\[\]$/, ''));
  const condition: Condition = { path, arrayField: Boolean(brackets), op: op as Condition['op'], values };
  // sort-and-filter: `inheritedAttributes.targetConnections[].connectionSpec.id==<id>` matches when any element does
  if (spreadAt.length > 0) condition.spreadAt = spreadAt;
  return condition;
}

export function parseListQuery(params: URLSearchParams, allowPaging: boolean): ListQuery {
  const sent = sentQuery(params);
  const query: ListQuery = { conditions: sent.properties.map(parseCondition), count: false, echo: sent };
  if (!allowPaging) return query;

  const count = params.get('count');
  // the OAS types `count` as a boolean and says nothing of case; Python clients send `False`
  // (DECISIONS.md, "Booleans in the query")
  if (count !== null) query.count = parseBoolean('count', count);
  const limit = params.get('limit');
  if (limit !== null) {
    if (!/^[1-9][0-9]*$/.test(limit) || Number(limit) > MAX_LIMIT) {
      throw new ApiError('invalid-query', `limit must be an integer from 1 to ${MAX_LIMIT}, not '${limit}'.`);
    }
    if (query.count) throw new ApiError('limit-with-count', 'The limit and count parameters cannot be given together in the same request.');
    query.limit = Number(limit);
  }
  if (sent.orderby !== undefined) query.orderBy = parseOrdering(sent.orderby);
  const token = params.get('continuationToken');
  if (token !== null) {
    const { cursor, carried } = decodeToken(token);
    query.token = cursor;
    // the next href is `/{kind}?continuationToken=…` alone, so the token carries the query; a client may re-send its
    // own parameters beside it as long as they are the same query (DECISIONS.md, "Next link", "Token beside other
    // parameters"): page size may change, the list may not.
    if (carried) adoptCarried(query, sent, carried);
  }
  return query;
}

/** The parameters that decide which list a page belongs to, as sent (the Postman collection sends empty ones). */
export interface SentQuery {
  properties: string[];
  orderby?: string;
  limit?: number;
}

function sentQuery(params: URLSearchParams): SentQuery {
  const properties = params.getAll('property').map((p) => p.trim()).filter((p) => p !== '');
  // a literal "+" arrives as a space once the query string is decoded
  const orderby = params.get('orderby')?.trim();
  return orderby ? { properties, orderby } : { properties };
}

function parseOrdering(text: string): Ordering {
  const descending = text.startsWith('-');
  const field = text.replace(/^[+-]/, '');
  // 1432-400 in the error catalogue: the order is not `+field` or `-field`
  if (!/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/.test(field)) throw new ApiError('bad-sort-order', `Sort order '${text}' is not correct; use +field or -field.`);
  return { path: field.split('.'), descending };
}

/** `true`/`false` in any case: the OAS declares `type: boolean` with no spelling. Anything else is no boolean. */
export function parseBoolean(name: string, value: string): boolean {
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw new ApiError('invalid-query', `${name} must be true or false, not '${value}'.`);
}

function adoptCarried(query: ListQuery, sent: SentQuery, carried: SentQuery): void {
  // several `property` params are ANDed, so their order says nothing
  const same = (a: string[], b: string[]) => [...a].sort().join('\n') === [...b].sort().join('\n');
  const sameOrder = (a?: string, b?: string) => a === b || (a !== undefined && b !== undefined && a.replace(/^\+/, '') === b.replace(/^\+/, ''));
  const resent = sent.properties.length > 0 || sent.orderby !== undefined;
  if (resent && (!same(sent.properties, carried.properties) || !sameOrder(sent.orderby, carried.orderby))) {
    throw new ApiError('invalid-query', 'The continuation token belongs to a list with other property or orderby parameters; send it alone or with the same ones.');
  }
  query.conditions = carried.properties.map(parseCondition);
  query.echo = carried;
  if (carried.orderby !== undefined) query.orderBy = parseOrdering(carried.orderby);
  if (query.limit === undefined && carried.limit !== undefined) query.limit = carried.limit;
}

/** A position alone: what older tokens hold, and what a test hands in to start anywhere. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The next page's token: where this page stopped and the query it belongs to, so the href needs nothing else. */
export function encodeToken(cursor: Cursor, query: ListQuery): string {
  const q: SentQuery = { ...query.echo, ...(query.limit !== undefined ? { limit: query.limit } : {}) };
  return Buffer.from(JSON.stringify({ ...cursor, q })).toString('base64url');
}

function decodeToken(token: string): { cursor: Cursor; carried?: SentQuery } {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (value && typeof value === 'object') {
      const { afterSeq, offset, q } = value as Record<string, unknown>;
      const carried = q === undefined ? undefined : carriedQuery(q);
      if (q === undefined || carried) {
        if (Number.isSafeInteger(afterSeq)) return { cursor: { afterSeq: afterSeq as number }, carried };
        if (Number.isSafeInteger(offset) && (offset as number) >= 0) return { cursor: { offset: offset as number }, carried };
      }
    }
  } catch {
    // falls through to the error below
  }
  throw new ApiError('invalid-query', 'The continuation token is not valid.');
}

function carriedQuery(q: unknown): SentQuery | undefined {
  if (!q || typeof q !== 'object') return undefined;
  const { properties, orderby, limit } = q as Record<string, unknown>;
  if (!Array.isArray(properties) || !properties.every((p) => typeof p === 'string')) return undefined;
  if (orderby !== undefined && typeof orderby !== 'string') return undefined;
  if (limit !== undefined && !(Number.isSafeInteger(limit) && (limit as number) >= 1 && (limit as number) <= MAX_LIMIT)) return undefined;
  return { properties, ...(orderby !== undefined ? { orderby } : {}), ...(limit !== undefined ? { limit: limit as number } : {}) };
}

export type FieldReader<T> = (item: T, path: string[]) => unknown;

export function matches<T>(item: T, conditions: Condition[], read: FieldReader<T>): boolean {
  for (const condition of conditions) {
    if (condition.spreadAt) {
      if (!matchesOne(spread(item, condition, read), { ...condition, arrayField: true })) return false;
    } else if (!matchesOne(read(item, condition.path), condition)) return false;
  }
  return true;
}

/** The values a path with `[]` segments reaches: the reader resolves up to the first array, plain reads go on from there. */
function spread<T>(item: T, { path, spreadAt = [], arrayField }: Condition, read: FieldReader<T>): unknown[] {
  const [first = 0, ...rest] = spreadAt;
  let nodes: unknown[] = [read(item, path.slice(0, first + 1))];
  let from = first;
  for (const at of [...rest, path.length - 1]) {
    nodes = nodes.flatMap((node) => (Array.isArray(node) ? node : [])).map((node) => readPath(node, path.slice(from + 1, at + 1)));
    from = at;
  }
  return arrayField ? nodes.flatMap((node) => (Array.isArray(node) ? node : [])) : nodes;
}

function matchesOne(actual: unknown, { op, values, arrayField }: Condition): boolean {
  const candidates = arrayField || Array.isArray(actual) ? (Array.isArray(actual) ? actual : []) : [actual];
  const hit = (value: string) => candidates.some((candidate) => compare(candidate, value, op));
  return op === '!=' ? values.every(hit) : values.some(hit);
}

function compare(actual: unknown, expected: string, op: Condition['op']): boolean {
  if (op === '==' || op === '!=') {
    const equal = actual !== undefined && actual !== null && String(actual) === expected;
    return op === '==' ? equal : !equal;
  }
  const left = typeof actual === 'number' ? actual : Number(actual);
  const right = Number(expected);
  if (Number.isNaN(left) || Number.isNaN(right)) {
    if (typeof actual !== 'string') return false;
    return op === '>' ? actual > expected : op === '<' ? actual < expected : op === '>=' ? actual >= expected : actual <= expected;
  }
  return op === '>' ? left > right : op === '<' ? left < right : op === '>=' ? left >= right : left <= right;
}

export function sortBy<T>(items: T[], ordering: Ordering, read: FieldReader<T>): T[] {
  const sign = ordering.descending ? -1 : 1;
  return items.sort((a, b) => {
    const x = read(a, ordering.path);
    const y = read(b, ordering.path);
    if (x === y) return 0;
    if (x === undefined || x === null) return 1;
    if (y === undefined || y === null) return -1;
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * sign;
  });
}

export function readPath(value: unknown, path: string[]): unknown {
  let node = value;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Object.hasOwn(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return node;
}
