// Matches an answer against a documented response shape: the answer must carry every field the shape shows, with the
// same JSON type; extra fields and field order are free. A plain value in a shape stands for its type only (ids,
// timestamps, etags and names differ run to run); `constant(v)` asks for that exact value (states, ops, codes) and
// `matching(re)` for a string of that form. An array in a shape is matched by its first element: every element of the
// answer's array must match it, and the answer's array may not be empty (an empty shape array asks for any array).

const CONSTANT = Symbol('constant');
const MATCHING = Symbol('matching');

export interface Constant {
  [CONSTANT]: unknown;
}
export interface Matching {
  [MATCHING]: RegExp;
}
export type Shape = null | boolean | number | string | Constant | Matching | Shape[] | { [field: string]: Shape };

/** The field must hold exactly this JSON value. */
export const constant = (value: unknown): Constant => ({ [CONSTANT]: value });
/** The field must be a string of this form. */
export const matching = (pattern: RegExp): Matching => ({ [MATCHING]: pattern });

const isConstant = (shape: unknown): shape is Constant => typeof shape === 'object' && shape !== null && CONSTANT in shape;
const isMatching = (shape: unknown): shape is Matching => typeof shape === 'object' && shape !== null && MATCHING in shape;

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'nothing' : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Every way the answer differs from the shape, one line each naming the JSON path; empty when it matches. */
export function shapeMismatches(actual: unknown, shape: Shape, path = '$'): string[] {
  if (isConstant(shape)) {
    const expected = shape[CONSTANT];
    return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [`${path}: expected ${show(expected)}, got ${show(actual)}`];
  }
  if (isMatching(shape)) {
    const pattern = shape[MATCHING];
    return typeof actual === 'string' && pattern.test(actual) ? [] : [`${path}: expected a string matching ${pattern}, got ${show(actual)}`];
  }
  if (actual === undefined) return [`${path}: missing (expected ${jsonType(shape)})`];
  if (jsonType(actual) !== jsonType(shape)) return [`${path}: expected ${jsonType(shape)}, got ${jsonType(actual)} ${show(actual)}`];
  if (Array.isArray(shape)) {
    const items = actual as unknown[];
    if (shape.length === 0) return [];
    if (items.length === 0) return [`${path}: expected at least one element like ${show(shape[0])}, got []`];
    return items.flatMap((item, index) => shapeMismatches(item, shape[0]!, `${path}[${index}]`));
  }
  if (typeof shape === 'object' && shape !== null) {
    const record = actual as Record<string, unknown>;
    return Object.entries(shape).flatMap(([field, sub]) =>
      shapeMismatches(Object.hasOwn(record, field) ? record[field] : undefined, sub, `${path}.${field}`),
    );
  }
  return [];
}

/** The two shapes as one: fields of both, objects merged field by field, arrays through their first elements. */
export function mergeShapes(base: Shape, extra: Shape): Shape {
  if (Array.isArray(base) && Array.isArray(extra)) {
    if (base.length === 0 || extra.length === 0) return base.length === 0 ? extra : base;
    return [mergeShapes(base[0]!, extra[0]!)];
  }
  const plain = (s: Shape): s is { [field: string]: Shape } =>
    typeof s === 'object' && s !== null && !Array.isArray(s) && !isConstant(s) && !isMatching(s);
  if (plain(base) && plain(extra)) {
    const merged: { [field: string]: Shape } = { ...base };
    for (const [field, sub] of Object.entries(extra)) merged[field] = field in merged ? mergeShapes(merged[field]!, sub) : sub;
    return merged;
  }
  return extra;
}

/** Replaces each `{NAME}` in the strings of a value (constants included) with the setup's value for NAME. */
export function substitute<T>(value: T, values: Record<string, string>): T {
  const replace = (text: string) => text.replace(/\{([A-Z0-9_]+)\}/g, (whole, name: string) => values[name] ?? whole);
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return replace(node);
    if (isConstant(node)) return constant(walk(node[CONSTANT]));
    if (isMatching(node) || node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) return node.map(walk);
    return Object.fromEntries(Object.entries(node).map(([key, sub]) => [key, walk(sub)]));
  };
  return walk(value) as T;
}
