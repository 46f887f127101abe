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
}

/** Where the previous page stopped: after a creation sequence (unordered lists) or at an offset (ordered ones). */
export type Cursor = { afterSeq: number } | { offset: number };

const CONDITION = /^((?:[A-Za-z0-9_]+(?:\[\])?\.)*[A-Za-z0-9_]+?)(\[\])?(==|!=|>=|<=|>|<)(.*)$/s;
export const MAX_LIMIT = 1000;

export function parseCondition(text: string): Condition {
  const match = CONDITION.exec(text);
  if (!match) throw new ApiError('invalid-query', `Invalid property filter '${text}'.`);
  const [, field = '', brackets, op = '==', rest = ''] = match;
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
  const conditions = params.getAll('property').flatMap((p) => (p.trim() === '' ? [] : [parseCondition(p.trim())]));
  const query: ListQuery = { conditions, count: false };
  if (!allowPaging) return query;

  const count = params.get('count');
  if (count !== null) {
    if (count !== 'true' && count !== 'false') throw new ApiError('invalid-query', `count must be true or false, not '${count}'.`);
    query.count = count === 'true';
  }
  const limit = params.get('limit');
  if (limit !== null) {
    if (!/^[1-9][0-9]*$/.test(limit) || Number(limit) > MAX_LIMIT) {
      throw new ApiError('invalid-query', `limit must be an integer from 1 to ${MAX_LIMIT}, not '${limit}'.`);
    }
    if (query.count) throw new ApiError('limit-with-count', 'The limit and count parameters cannot be given together in the same request.');
    query.limit = Number(limit);
  }
  const orderby = params.get('orderby');
  if (orderby !== null && orderby.trim() !== '') {
    // a literal "+" arrives as a space once the query string is decoded
    const text = orderby.trim();
    const descending = text.startsWith('-');
    const field = text.replace(/^[+-]/, '');
    // 1432-400 in the error catalogue: the order is not `+field` or `-field`
    if (!/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/.test(field)) throw new ApiError('bad-sort-order', `Sort order '${orderby}' is not correct; use +field or -field.`);
    query.orderBy = { path: field.split('.'), descending };
  }
  const token = params.get('continuationToken');
  if (token !== null) query.token = decodeCursor(token);
  return query;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(token: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (value && typeof value === 'object') {
      const { afterSeq, offset } = value as Record<string, unknown>;
      if (Number.isSafeInteger(afterSeq)) return { afterSeq: afterSeq as number };
      if (Number.isSafeInteger(offset) && (offset as number) >= 0) return { offset: offset as number };
    }
  } catch {
    // falls through to the error below
  }
  throw new ApiError('invalid-query', 'The continuation token is not valid.');
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
