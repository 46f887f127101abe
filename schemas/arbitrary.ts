// JSON Schema → fast-check arbitrary. Used by property tests (bodies the spec allows) and at run time to fill in
// auth params from a connection spec's `authSpec[i].spec`. Every value it yields must validate against the schema
// (tests/generators.spec.ts checks that with Ajv), so where a keyword is hard to satisfy constructively it filters.
import fc from 'fast-check';
import { createAjv } from './ajv.ts';

export type JsonSchema = boolean | { [key: string]: unknown };
type Obj = { [key: string]: unknown };

export interface ArbitraryOptions {
  /** Document that `$ref`s resolve against; defaults to the schema itself (so `#/definitions/X` works). */
  root?: JsonSchema;
  /** Extra array length allowed above `minItems` when `maxItems` is absent. Default 3. */
  maxExtraItems?: number;
  /** Nesting level past which optional properties and optional array items are left out. Default 4. */
  maxDepth?: number;
  /** Add undeclared keys where `additionalProperties` is explicitly `true` or a schema. Default true. */
  extraProperties?: boolean;
}

interface Context {
  root: JsonSchema;
  maxExtraItems: number;
  maxDepth: number;
  extraProperties: boolean;
}

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const numberOr = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);
// A hard stop for required recursion (a schema that requires itself has no finite instance).
const RECURSION_LIMIT = 40;

function resolveRef(ctx: Context, ref: string): JsonSchema {
  if (!ref.startsWith('#')) throw new Error(`only local $refs are supported, got ${ref}`);
  let node: unknown = ctx.root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObj(node) ? node[key] : undefined;
  }
  if (node === undefined) throw new Error(`dangling $ref ${ref}`);
  return node as JsonSchema;
}

const MIN_KEYS = ['minimum', 'minLength', 'minItems', 'minProperties'];
const MAX_KEYS = ['maximum', 'maxLength', 'maxItems', 'maxProperties'];

/** Intersection of two schemas, good enough for allOf as specs use it (mixins of properties and bounds). */
function merge(a: Obj, b: Obj): Obj {
  const out: Obj = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (mine === undefined) out[key] = value;
    else if (key === 'properties' && isObj(mine) && isObj(value)) {
      const props: Obj = { ...mine };
      for (const [name, sub] of Object.entries(value)) props[name] = name in props ? { allOf: [props[name], sub] } : sub;
      out[key] = props;
    } else if (key === 'required' && Array.isArray(mine) && Array.isArray(value)) out[key] = [...new Set([...mine, ...value])];
    else if (key === 'type') {
      const left = ([] as unknown[]).concat(mine), right = ([] as unknown[]).concat(value);
      // integer is a subtype of number, so number ∩ integer = integer.
      const both = left.flatMap((t) => (right.includes(t) ? [t] : t === 'number' && right.includes('integer') ? ['integer'] : t === 'integer' && right.includes('number') ? ['integer'] : []));
      if (both.length === 0) throw new Error(`allOf has no common type: ${JSON.stringify(mine)} vs ${JSON.stringify(value)}`);
      out[key] = both.length === 1 ? both[0] : both;
    } else if (key === 'enum' && Array.isArray(mine) && Array.isArray(value)) {
      out[key] = mine.filter((m) => value.some((v) => JSON.stringify(v) === JSON.stringify(m)));
    } else if (MIN_KEYS.includes(key)) out[key] = Math.max(numberOr(mine, -Infinity), numberOr(value, -Infinity));
    else if (MAX_KEYS.includes(key)) out[key] = Math.min(numberOr(mine, Infinity), numberOr(value, Infinity));
    else if (key === 'additionalProperties' || key === 'items') {
      out[key] = mine === false || value === false ? false : mine === true ? value : value === true ? mine : { allOf: [mine, value] };
    } else if (key === 'allOf' && Array.isArray(mine) && Array.isArray(value)) out[key] = [...mine, ...value];
    else if ((key === 'anyOf' || key === 'oneOf') && JSON.stringify(mine) !== JSON.stringify(value)) {
      throw new Error(`allOf branches with two different ${key} lists are not supported`);
    } else out[key] = value; // annotations and the rest: the later branch wins
  }
  return out;
}

/** Resolves `$ref` and folds `allOf` until the schema is one plain object (anyOf/oneOf stay for build()). */
function flatten(ctx: Context, schema: JsonSchema, hops = 0): Obj | boolean {
  if (typeof schema === 'boolean') return schema;
  if (hops > RECURSION_LIMIT) throw new Error('$ref/allOf chain too deep (a schema that contains itself?)');
  let current: Obj = schema;
  if (typeof current.$ref === 'string') {
    const { $ref, ...siblings } = current;
    const target = flatten(ctx, resolveRef(ctx, $ref as string), hops + 1);
    if (typeof target === 'boolean') return target;
    current = merge(target, siblings);
  }
  if (Array.isArray(current.allOf)) {
    const { allOf, ...base } = current;
    let merged: Obj = base;
    for (const branch of allOf as JsonSchema[]) {
      const flat = flatten(ctx, branch, hops + 1);
      if (flat === false) throw new Error('allOf contains false: the schema has no instance');
      if (flat !== true) merged = merge(merged, flat);
    }
    return flatten(ctx, merged, hops + 1);
  }
  return current;
}

function inferTypes(s: Obj): string[] {
  if (['properties', 'required', 'additionalProperties', 'minProperties'].some((k) => k in s)) return ['object'];
  if (['items', 'minItems', 'maxItems'].some((k) => k in s)) return ['array'];
  if (['minLength', 'maxLength', 'pattern', 'format'].some((k) => k in s)) return ['string'];
  if (['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'].some((k) => k in s)) return ['number'];
  return ['any'];
}

let oneOfAjv: ReturnType<typeof createAjv> | undefined;

function build(ctx: Context, schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (depth > RECURSION_LIMIT) throw new Error('schema requires unbounded nesting');
  const flat = flatten(ctx, schema);
  if (flat === true) return fc.jsonValue({ maxDepth: 1 });
  if (flat === false) throw new Error('the schema `false` has no instance');
  const s = flat;
  if (s.nullable === true) return fc.oneof(fc.constant(null), build(ctx, { ...s, nullable: false }, depth)); // OpenAPI 3.0
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) {
    if (s.enum.length === 0) throw new Error('empty enum has no instance');
    return fc.constantFrom(...(s.enum as unknown[]));
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = s[key];
    if (!Array.isArray(branches)) continue;
    const { [key]: _drop, ...base } = s;
    const arb = fc.oneof(...branches.map((branch: JsonSchema) => build(ctx, { allOf: [base, branch] }, depth)));
    if (key === 'anyOf' || branches.length < 2) return arb;
    // oneOf means exactly one branch: drop values that happen to fit several.
    oneOfAjv ??= createAjv();
    const root = isObj(ctx.root) ? ctx.root : {};
    const defs = Object.fromEntries(['definitions', '$defs'].filter((k) => isObj(root[k])).map((k) => [k, root[k]]));
    const checks = branches.map((branch: JsonSchema) => oneOfAjv!.compile({ ...defs, allOf: [branch] }));
    return arb.filter((value) => checks.filter((check) => check(value)).length === 1);
  }
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : inferTypes(s);
  const arbs = types.map((type) => typed(ctx, s, type, depth));
  return arbs.length === 1 ? (arbs[0] as fc.Arbitrary<unknown>) : fc.oneof(...arbs);
}

function typed(ctx: Context, s: Obj, type: string, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string': return stringArb(s);
    case 'integer': return integerArb(s);
    case 'number': return numberArb(s);
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'array': return arrayArb(ctx, s, depth);
    case 'object': return objectArb(ctx, s, depth);
    case 'any': return fc.jsonValue({ maxDepth: 1 });
    default: throw new Error(`unknown type ${type}`);
  }
}

// Printable ASCII without the space, so a generated password is never blank-looking or trimmed by a server.
const printable = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));

function stringArb(s: Obj): fc.Arbitrary<string> {
  const minLength = numberOr(s.minLength, 0);
  // The default cap is for free text only; formats and patterns keep their natural length unless the schema caps it.
  const maxLength = numberOr(s.maxLength, minLength + 16);
  const fits = (value: string): boolean => {
    const length = [...value].length; // JSON Schema counts code points
    return length >= minLength && length <= numberOr(s.maxLength, Infinity) && (typeof s.pattern !== 'string' || new RegExp(s.pattern, 'u').test(value));
  };
  const byFormat: Record<string, () => fc.Arbitrary<string>> = {
    password: () => fc.string({ unit: printable, minLength: Math.max(1, minLength), maxLength: Math.max(1, maxLength) }),
    email: () => fc.emailAddress(),
    uri: () => fc.webUrl(),
    url: () => fc.webUrl(),
    'uri-reference': () => fc.webUrl(),
    uuid: () => fc.uuid(),
    'date-time': () => isoDate().map((d) => d.toISOString()),
    date: () => isoDate().map((d) => d.toISOString().slice(0, 10)),
    hostname: () => fc.domain(),
    ipv4: () => fc.ipV4(),
  };
  const format = typeof s.format === 'string' ? byFormat[s.format] : undefined;
  if (format) return format().filter(fits);
  if (typeof s.pattern === 'string') return fc.stringMatching(new RegExp(s.pattern)).filter(fits);
  return fc.string({ minLength, maxLength });
}

const isoDate = (): fc.Arbitrary<Date> => fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });

/** Lower and upper bounds from minimum/maximum and draft-07 numeric exclusive bounds. */
function bounds(s: Obj): { min?: number; max?: number; minExcluded: boolean; maxExcluded: boolean } {
  let min = typeof s.minimum === 'number' ? s.minimum : undefined;
  let max = typeof s.maximum === 'number' ? s.maximum : undefined;
  let minExcluded = false, maxExcluded = false;
  if (typeof s.exclusiveMinimum === 'number' && (min === undefined || s.exclusiveMinimum >= min)) [min, minExcluded] = [s.exclusiveMinimum, true];
  if (typeof s.exclusiveMaximum === 'number' && (max === undefined || s.exclusiveMaximum <= max)) [max, maxExcluded] = [s.exclusiveMaximum, true];
  // OpenAPI 3.0 booleans, for schemas taken straight from a spec.
  if (s.exclusiveMinimum === true) minExcluded = true;
  if (s.exclusiveMaximum === true) maxExcluded = true;
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), minExcluded, maxExcluded };
}

function integerArb(s: Obj): fc.Arbitrary<number> {
  const b = bounds(s);
  let min = b.min === undefined ? -(2 ** 31) : b.minExcluded ? Math.floor(b.min) + 1 : Math.ceil(b.min);
  let max = b.max === undefined ? 2 ** 31 - 1 : b.maxExcluded ? Math.ceil(b.max) - 1 : Math.floor(b.max);
  // One bound only: keep the range a sane width on the other side.
  if (b.max === undefined && min > 0) max = Math.min(Number.MAX_SAFE_INTEGER, min + 2 ** 31);
  if (b.min === undefined && max < 0) min = Math.max(Number.MIN_SAFE_INTEGER, max - 2 ** 31);
  const step = typeof s.multipleOf === 'number' ? s.multipleOf : undefined;
  if (step !== undefined && Number.isInteger(step)) {
    return fc.integer({ min: Math.ceil(min / step), max: Math.floor(max / step) }).map((k) => k * step);
  }
  return fc.integer({ min, max }).filter((v) => step === undefined || Number.isInteger(v / step));
}

function numberArb(s: Obj): fc.Arbitrary<number> {
  const b = bounds(s);
  if (typeof s.multipleOf === 'number') return integerArb(s); // whole multiples are numbers too and avoid float error
  return fc.double({ ...b, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v));
}

function arrayArb(ctx: Context, s: Obj, depth: number): fc.Arbitrary<unknown[]> {
  const minLength = numberOr(s.minItems, 0);
  const deep = depth >= ctx.maxDepth;
  const maxLength = deep ? minLength : numberOr(s.maxItems, minLength + ctx.maxExtraItems);
  if (Array.isArray(s.items)) {
    // Tuple form: one schema per position; only the first minItems positions are mandatory.
    const parts = (s.items as JsonSchema[]).map((item) => build(ctx, item, depth + 1));
    return fc.tuple(...parts).chain((tuple) => fc.integer({ min: Math.min(minLength, tuple.length), max: Math.min(maxLength, tuple.length) }).map((n) => tuple.slice(0, n)));
  }
  const item = build(ctx, (s.items ?? true) as JsonSchema, depth + 1);
  if (s.uniqueItems === true) return fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) });
  return fc.array(item, { minLength, maxLength });
}

function objectArb(ctx: Context, s: Obj, depth: number): fc.Arbitrary<Obj> {
  const props = isObj(s.properties) ? s.properties : {};
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const extra = s.additionalProperties;
  const deep = depth >= ctx.maxDepth;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  // Past maxDepth only required keys are generated, which is what stops recursive schemas.
  for (const name of new Set([...Object.keys(props), ...required])) {
    if (deep && !required.has(name)) continue;
    const sub = name in props ? (props[name] as JsonSchema) : isObj(extra) || extra === false ? (extra as JsonSchema) : true;
    model[name] = build(ctx, sub, depth + 1);
  }
  const record = fc.record(model, { requiredKeys: Object.keys(model).filter((name) => required.has(name)) }) as fc.Arbitrary<Obj>;
  let arb: fc.Arbitrary<Obj> = record;
  if (ctx.extraProperties && !deep && (extra === true || isObj(extra))) {
    const patterns = isObj(s.patternProperties) ? Object.keys(s.patternProperties).map((p) => new RegExp(p, 'u')) : [];
    const key = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !(k in props) && k !== '__proto__' && !patterns.some((p) => p.test(k)));
    const extras = fc.dictionary(key, build(ctx, extra as JsonSchema, depth + 1), { maxKeys: 2 });
    arb = fc.tuple(record, extras).map(([declared, more]) => ({ ...more, ...declared }));
  }
  const minProps = numberOr(s.minProperties, 0), maxProps = numberOr(s.maxProperties, Infinity);
  if (minProps > 0 || maxProps < Infinity) arb = arb.filter((o) => Object.keys(o).length >= minProps && Object.keys(o).length <= maxProps);
  return arb;
}

/** A fast-check arbitrary of values that validate against `schema` (draft-07, plus OpenAPI's `nullable`). */
export function arbitraryFromSchema(schema: JsonSchema, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const ctx: Context = {
    root: options.root ?? schema,
    maxExtraItems: options.maxExtraItems ?? 3,
    maxDepth: options.maxDepth ?? 4,
    extraProperties: options.extraProperties ?? true,
  };
  return build(ctx, schema, 0);
}

/** One deterministic valid value: the same schema and seed always give the same value (e.g. auth params). */
export function validValueFromSchema(schema: JsonSchema, seed = 1, options: ArbitraryOptions = {}): unknown {
  const [value] = fc.sample(arbitraryFromSchema(schema, { extraProperties: false, ...options }), { seed, numRuns: 1 });
  return value;
}
