// What two answers are compared on when they come from different implementations: not values, which differ for
// reasons that are no one's fault (ids, etags, timestamps, the run's name prefix), but their shape. A shape is the
// JSON type found at each path of a body; array elements share one path (`items[]`), so a list of 3 and a list of 30
// have the same shape, and an element type seen in one list but not the other is still found.

export type JsonKind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

/** Path (`items[].auth.params`, the root is ``) → the JSON kinds seen there. */
export type Shape = Map<string, Set<JsonKind>>;

export function kindOf(value: unknown): JsonKind {
  // undefined (no body) is not JSON; callers that can meet it treat it as no value at all, as null
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  const kind = typeof value;
  if (kind === 'string' || kind === 'number' || kind === 'boolean') return kind;
  return 'object';
}

/** The shape of a parsed JSON value; `undefined` (no body, or not JSON) has the empty shape. */
export function shapeOf(value: unknown): Shape {
  const shape: Shape = new Map();
  if (value !== undefined) walk(value, '', shape);
  return shape;
}

function walk(value: unknown, path: string, shape: Shape): void {
  const kind = kindOf(value);
  let kinds = shape.get(path);
  if (!kinds) shape.set(path, (kinds = new Set()));
  kinds.add(kind);
  if (kind === 'array') for (const element of value as unknown[]) walk(element, `${path}[]`, shape);
  else if (kind === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) walk(child, path === '' ? key : `${path}.${key}`, shape);
  }
}

/** The top-level field names of an object body, sorted; none for anything else. */
export function topLevelFields(value: unknown): string[] {
  return kindOf(value) === 'object' ? Object.keys(value as object).sort() : [];
}

export interface ShapeDifference {
  path: string;
  /** The kinds each side has there; an empty list: the side has nothing at that path. */
  a: JsonKind[];
  b: JsonKind[];
}

/**
 * Where two shapes disagree: a path whose kinds differ, or one side alone has. Below a path that only one side has,
 * only that path is named (its children follow from it).
 */
export function shapeDifferences(a: Shape, b: Shape): ShapeDifference[] {
  const found: ShapeDifference[] = [];
  const missingRoots: string[] = [];
  const below = (path: string) => missingRoots.some((root) => path.startsWith(`${root}.`) || path.startsWith(`${root}[]`));
  for (const path of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    if (below(path)) continue;
    const left = [...(a.get(path) ?? [])].sort();
    const right = [...(b.get(path) ?? [])].sort();
    if (left.join() === right.join()) continue;
    if (left.length === 0 || right.length === 0) missingRoots.push(path);
    found.push({ path, a: left, b: right });
  }
  return found;
}

/** An entity-tag's form, which is compared instead of its value: strong, weak (`W/`), or unquoted (not one). */
export function etagForm(value: string | undefined): 'absent' | 'strong' | 'weak' | 'unquoted' {
  if (value === undefined || value === '') return 'absent';
  if (/^W\/".*"$/.test(value)) return 'weak';
  return /^".*"$/.test(value) ? 'strong' : 'unquoted';
}

/** The media type of a Content-Type, without its parameters, lower case; `absent` when there is none. */
export function mediaType(value: string | undefined): string {
  return value === undefined || value.trim() === '' ? 'absent' : value.split(';')[0]!.trim().toLowerCase();
}
