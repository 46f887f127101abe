// Valid request bodies of the create and PATCH operations, generated from their request schemas
// (generators/generated/operation-schemas.json). What a schema cannot know is the caller's: the specs and entities a
// body must name, the auth params (from the spec's authSpec), and the start of every name (the run prefix, by which
// the cleanup sweep finds what a run left behind). Everything else is the schema's: its optional fields, the extra
// keys it allows, names and descriptions in unicode and at length.
import fc from 'fast-check';
import { arbitraryFromSchema, type JsonSchema } from './arbitrary.ts';
import { operationSchemas } from './validators.ts';

export type Body = Record<string, unknown>;
type Obj = Record<string, unknown>;

/** One top-level field of a request body as its schema declares it ($ref resolved). */
export interface FieldSchema {
  name: string;
  schema: Obj;
  required: boolean;
}

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows local `$ref`s of `root` until the schema is a plain object. */
export function resolve(root: Obj, schema: unknown): Obj {
  let node: unknown = schema;
  for (let hops = 0; isObj(node) && typeof node.$ref === 'string' && hops < 20; hops++) {
    const ref = node.$ref;
    node = ref.slice(2).split('/').reduce<unknown>((at, key) => (isObj(at) ? at[key] : undefined), root);
  }
  return isObj(node) ? node : {};
}

/** The request schema of `operationId` (with its definitions, so nested `$ref`s resolve against it). */
export function requestSchema(operationId: string): Obj {
  const request = operationSchemas()[operationId]?.request;
  if (!request) throw new Error(`${operationId} has no request schema in generators/generated/operation-schemas.json`);
  return request;
}

/** The declared top-level fields of a create's request body. */
export function bodyFields(operationId: string): FieldSchema[] {
  const root = requestSchema(operationId);
  const body = resolve(root, root);
  const required = new Set(Array.isArray(body.required) ? (body.required as string[]) : []);
  const properties = isObj(body.properties) ? body.properties : {};
  return Object.entries(properties).map(([name, schema]) => ({ name, schema: resolve(root, schema), required: required.has(name) }));
}

/** The JSON types a field's schema allows (`integer` counts as `number`); empty when it says nothing. */
export function typesOf(schema: Obj): string[] {
  const declared = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
  return [...new Set(declared.map((type) => (type === 'integer' ? 'number' : type)))];
}

/**
 * Free text as a client may send it: plain ASCII, any unicode (accents, CJK, emoji, combining marks), or a long run.
 * Weighted towards unicode, the case a server most often mishandles.
 */
export function freeText(maxLength = 64): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: Math.min(16, maxLength) }), weight: 1 },
    { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(16, maxLength) }), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength }), weight: 1 },
  );
}

/**
 * A name the kit can find again: the caller's prefix (the run prefix), then generated text. The kit finds it with a
 * `property=name==<name>` filter, whose documented syntax makes a comma separate values: the text has none, and it
 * ends on a character a filter parser cannot trim away.
 */
export function generatedName(prefix: string): fc.Arbitrary<string> {
  return freeText(48).map((text) => `${prefix}-${text.replace(/,/g, ';').trimEnd()}`.replace(/-$/, '-x'));
}

export interface CreateContext {
  /** Every generated name starts with this, then `-`. */
  namePrefix: string;
  /**
   * Fields given as they are, never generated: the spec reference, the entities the body names (created by the test),
   * the auth (from the spec's authSpec or the config), the config's params and data.
   */
  fixed: Body;
  /**
   * Also generate every other optional field the schema declares, and extra keys in objects that allow them (on top
   * of the fixed ones): bodies the schema allows that a target may still refuse with a documented 4xx. Without it,
   * only the name and the description are generated, so a target configured for the kit must accept the body.
   */
  schemaFields: boolean;
}

/** The fields generation never invents: what names other entities or specs, and the auth a connection needs. */
const CALLER_FIELDS = new Set(['connectionSpec', 'flowSpec', 'baseConnectionId', 'sourceConnectionIds', 'targetConnectionIds', 'auth']);

/** Valid create bodies of `operationId`: fixed fields as given, a prefixed name, the rest from the schema. */
export function createBodies(operationId: string, context: CreateContext): fc.Arbitrary<Body> {
  const root = requestSchema(operationId);
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  const optional: string[] = [];
  for (const field of bodyFields(operationId)) {
    const fixed = context.fixed[field.name];
    if (field.name === 'name') parts.name = generatedName(context.namePrefix);
    else if (field.name === 'description') {
      parts.description = freeText(2000);
      optional.push('description');
    } else if (isObj(fixed) && context.schemaFields && !CALLER_FIELDS.has(field.name) && field.schema.additionalProperties !== false) {
      // the config's params or data, with extra keys the schema allows beside them
      parts[field.name] = arbitraryFromSchema(field.schema, { root, maxDepth: 2 }).map((extra) => ({ ...(extra as Obj), ...fixed }));
    } else if (fixed !== undefined) parts[field.name] = fc.constant(fixed);
    else if (context.schemaFields && !CALLER_FIELDS.has(field.name)) {
      parts[field.name] = arbitraryFromSchema(field.schema, { root, maxDepth: 2 });
      optional.push(field.name);
    }
  }
  // fixed fields the schema does not declare (the config's flow extras) go as they are
  for (const [name, value] of Object.entries(context.fixed)) if (!(name in parts)) parts[name] = fc.constant(value);
  const requiredKeys = Object.keys(parts).filter((name) => !optional.includes(name));
  return fc.record(parts, { requiredKeys }) as fc.Arbitrary<Body>;
}

export interface PatchInstruction {
  op: string;
  path: string;
  value?: unknown;
}

export interface PatchContext {
  /** The create operation of the kind patched: its schema gives each field's values. */
  createOperationId: string;
  namePrefix: string;
  /** The entity as GET showed it: which objects exist, so an `add` below them has a parent. */
  entity: Body;
  /** As for creates: also generate instructions on the schema's other fields, upper-case ops and extra keys. */
  schemaFields: boolean;
}

/** Fields a PATCH may not change (the spec an entity is built on) or that the lifecycle checks (references, auth). */
const FIXED_ON_PATCH = new Set([...CALLER_FIELDS]);

/** The ops the PATCH schema allows, from its enum (lower case always; upper case only with `schemaFields`). */
function patchOps(patchOperationId: string, schemaFields: boolean): string[] {
  const root = requestSchema(patchOperationId);
  const document = resolve(root, root);
  const instruction = resolve(root, document.items);
  const op = resolve(root, (instruction.properties as Obj | undefined)?.op);
  const ops = Array.isArray(op.enum) ? (op.enum as string[]) : ['add', 'replace'];
  // `remove` is left out: a valid patch must leave a valid entity, and a later instruction may need what it removed
  return ops.filter((name) => /^(add|replace)$/i.test(name) && (schemaFields || name === name.toLowerCase()));
}

/**
 * Valid JSON Patch documents for `patchOperationId`, by construction: `replace /name` (always there), `add` of a top-level
 * field the create schema declares (the value from its schema), and with `schemaFields` an `add` of an extra key into
 * an object the entity has and whose schema allows extra keys (`/params/…`). 1 to 3 instructions.
 */
export function patchBodies(patchOperationId: string, context: PatchContext): fc.Arbitrary<PatchInstruction[]> {
  const root = requestSchema(context.createOperationId);
  const ops = patchOps(patchOperationId, context.schemaFields);
  const op = (only?: string) => fc.constantFrom(...ops.filter((name) => !only || name.toLowerCase() === only));
  const choices: fc.Arbitrary<PatchInstruction>[] = [
    fc.record({ op: op('replace'), path: fc.constant('/name'), value: generatedName(context.namePrefix) }),
    fc.record({ op: op('add'), path: fc.constant('/description'), value: freeText(2000) }),
  ];
  if (context.schemaFields) {
    for (const field of bodyFields(context.createOperationId)) {
      if (FIXED_ON_PATCH.has(field.name) || field.name === 'name' || field.name === 'description') continue;
      const value = arbitraryFromSchema(field.schema, { root, maxDepth: 2 });
      const held = context.entity[field.name];
      // a field the entity shows as an object whose schema allows more keys: one more key in it
      if (isObj(held) && field.schema.additionalProperties !== false) {
        // a key a JSON Pointer names as it is, and none an object's prototype answers to
        const key = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }).filter((k) => !/[/~]/.test(k) && !Object.hasOwn(held, k) && !['__proto__', 'prototype', 'constructor'].includes(k));
        choices.push(fc.record({ op: op('add'), path: key.map((k) => `/${field.name}/${k}`), value: fc.jsonValue({ maxDepth: 1 }) }));
      } else if (held === undefined) choices.push(fc.record({ op: op('add'), path: fc.constant(`/${field.name}`), value }));
    }
  }
  return fc.array(fc.oneof(...choices), { minLength: 1, maxLength: 3 });
}

/** The schema of a top-level field of the create body, or undefined when the schema does not declare it. */
export function fieldSchema(createOperationId: string, name: string): Obj | undefined {
  return bodyFields(createOperationId).find((field) => field.name === name)?.schema;
}

export type { JsonSchema };
