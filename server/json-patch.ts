// The JSON Patch subset Flow Service documents: add, replace and remove (either case). Applied to a copy, so a
// failing instruction leaves the entity untouched. Paths that could reach the prototype chain are refused.
import { ApiError } from './errors.ts';
import type { Json, JsonObject } from './store.ts';

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);
const SUPPORTED = new Set(['add', 'replace', 'remove']);

export interface PatchInstruction {
  op: 'add' | 'replace' | 'remove';
  path: string[];
  value?: Json;
}

/**
 * The body as a list of raw instructions. The docs always send a JSON Patch array (update.md, update-dataflows.md,
 * edit-destination.md); the OAS gives `PATCH /connections/{id}` a single `PatchInstruction` object and filter.md
 * patches a source connection with one. Both forms are accepted for every kind (DECISIONS #1); a single object is
 * held to the same rules as each element of an array.
 */
export function patchInstructions(body: Json): Json[] {
  if (Array.isArray(body)) return body;
  if (body !== null && typeof body === 'object') return [body];
  throw new ApiError('invalid-patch', 'The PATCH body must be a JSON Patch array or a single PatchInstruction object.');
}

/** Checks the body's shape and returns instructions with parsed paths; throws 400s for anything else. */
export function parsePatch(raw: Json): PatchInstruction[] {
  const body = patchInstructions(raw);
  if (body.length === 0) throw new ApiError('empty-body', 'The PATCH body holds no instruction.');
  return body.map((raw, index) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new ApiError('invalid-patch', `Instruction ${index} is not an object.`);
    }
    const op = typeof raw.op === 'string' ? raw.op.toLowerCase() : '';
    if (!SUPPORTED.has(op)) {
      throw new ApiError('unsupported-patch-op', `Unsupported operation '${String(raw.op)}' received. Use add, replace or remove.`);
    }
    if (typeof raw.path !== 'string' || !raw.path.startsWith('/')) {
      throw new ApiError('invalid-patch', `Instruction ${index} has no valid JSON Pointer path.`);
    }
    if (op !== 'remove' && !('value' in raw)) throw new ApiError('invalid-patch', `Instruction ${index} has no value.`);
    const path = raw.path
      .slice(1)
      .split('/')
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (path.some((segment) => FORBIDDEN_SEGMENTS.has(segment))) {
      throw new ApiError('invalid-patch', `Path '${raw.path}' is not allowed.`);
    }
    return { op: op as PatchInstruction['op'], path, ...(op === 'remove' ? {} : { value: raw.value as Json }) };
  });
}

/** Applies instructions to a deep copy of `doc` and returns the copy. */
export function applyPatch(doc: JsonObject, instructions: PatchInstruction[]): JsonObject {
  const copy = structuredClone(doc);
  for (const { op, path, value } of instructions) {
    const parentPath = path.slice(0, -1);
    const last = path[path.length - 1] ?? '';
    let parent: Json = copy;
    for (const segment of parentPath) {
      parent = child(parent, segment, path);
    }
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : arrayIndex(last, path);
      if (op === 'add') {
        if (index > parent.length) throw missing(path);
        parent.splice(index, 0, structuredClone(value as Json));
      } else {
        if (index >= parent.length) throw missing(path);
        if (op === 'replace') parent[index] = structuredClone(value as Json);
        else parent.splice(index, 1);
      }
    } else if (parent !== null && typeof parent === 'object') {
      if (op !== 'add' && !Object.hasOwn(parent, last)) throw missing(path);
      if (op === 'remove') delete parent[last];
      else parent[last] = structuredClone(value as Json);
    } else {
      throw missing(path);
    }
  }
  return copy;
}

function child(node: Json, segment: string, path: string[]): Json {
  if (Array.isArray(node)) {
    const value = node[arrayIndex(segment, path)];
    if (value === undefined) throw missing(path);
    return value;
  }
  if (node !== null && typeof node === 'object' && Object.hasOwn(node, segment)) return node[segment] as Json;
  throw missing(path);
}

function arrayIndex(segment: string, path: string[]): number {
  if (!/^(0|[1-9][0-9]{0,8})$/.test(segment)) throw missing(path);
  return Number(segment);
}

function missing(path: string[]): ApiError {
  return new ApiError('invalid-patch', `Path '/${path.join('/')}' does not exist in the entity.`);
}
