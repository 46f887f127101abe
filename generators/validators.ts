// Renders generators/generated/validators.js and .d.ts: every schema of operation-schemas.json compiled ahead of time
// by Ajv's standalone code generation, so no worker pays for ajv.compile (about 230 ms a worker, for the schemas a run touches).
// The operation schemas are self-contained: each carries the definitions it reaches, so the same definition sits in
// dozens of them. Compiled as they are, each copy becomes its own code (1.7 MB); here the definitions move into one
// shared schema that every root schema refers to, and each definition compiles once, as a function (about 0.4 MB).
// The output is a pure function of the schemas and the pinned Ajv, so `npm run generate:check` catches a stale module.
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { _, type Ajv } from 'ajv';
import { createAjv } from '../schemas/ajv.ts';
import type { OperationSchemas, JsonObject } from '../schemas/operation-schemas.ts';

export const VALIDATORS_OUTPUT = 'generators/generated/validators.js';
export const VALIDATORS_DECLARATION = 'generators/generated/validators.d.ts';

// ajv/dist/standalone is CommonJS with `exports.default`; under NodeNext the default import is the module object.
type StandaloneCode = (ajv: Ajv, refs: Record<string, string>) => string;
const standaloneCode = ((standaloneCodeModule as unknown as { default?: StandaloneCode }).default ??
  standaloneCodeModule) as unknown as StandaloneCode;

/** The $id of the schema holding every definition; root schemas refer to `${SHARED_ID}#/definitions/Name`. */
const SHARED_ID = 'flow-service-definitions';

/** The key of an operation's schema in VALIDATORS: its operationId, then the status key or `request`. */
export function validatorKey(operationId: string, schemaKey: string): string {
  return `${operationId} ${schemaKey}`;
}

// Where draft-07 keeps subschemas: one, an array of them, or a map of them. Anything else is data (enum, const,
// default, examples), whose `$ref`-looking members must stay as they are.
const ONE = ['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'not', 'if', 'then', 'else'];
const MANY = ['items', 'allOf', 'anyOf', 'oneOf'];
const MAP = ['properties', 'patternProperties', 'definitions', 'dependencies'];

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema with its local `#/definitions/...` refs pointing into the shared schema instead. */
function pointAtShared(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/definitions/')) out[key] = `${SHARED_ID}${value}`;
    else if (MANY.includes(key) && Array.isArray(value)) out[key] = value.map(pointAtShared);
    else if (ONE.includes(key) && isObject(value)) out[key] = pointAtShared(value);
    else if (MAP.includes(key) && isObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, pointAtShared(sub)]));
    else out[key] = value;
  }
  return out;
}

interface SharedForm {
  definitions: JsonObject;
  roots: { key: string; schema: JsonObject }[];
}

/** Splits the self-contained schemas into one set of definitions and roots that refer to it. */
export function shareDefinitions(operations: Record<string, OperationSchemas>): SharedForm {
  const definitions: JsonObject = {};
  const roots: SharedForm['roots'] = [];
  for (const id of Object.keys(operations).sort()) {
    const op = operations[id] as OperationSchemas;
    const schemas: [string, JsonObject][] = [...Object.entries(op.responses), ...(op.request ? [['request', op.request] as [string, JsonObject]] : [])];
    for (const [schemaKey, schema] of schemas) {
      const { definitions: own, ...root } = schema;
      for (const [name, definition] of Object.entries(isObject(own) ? own : {})) {
        // one component schema converted the same way everywhere; a difference would mean sharing changes a verdict
        if (name in definitions && JSON.stringify(definitions[name]) !== JSON.stringify(definition)) {
          throw new Error(`definition ${name} differs between operation schemas (${validatorKey(id, schemaKey)})`);
        }
        definitions[name] = definition;
      }
      roots.push({ key: validatorKey(id, schemaKey), schema: pointAtShared(root) as JsonObject });
    }
  }
  const sorted: JsonObject = {};
  for (const name of Object.keys(definitions).sort()) sorted[name] = pointAtShared(definitions[name]);
  return { definitions: sorted, roots };
}

/**
 * The standalone module: plain JavaScript (validators.js, which Playwright is told not to transpile: babel takes 1.5 s
 * over it on a cold cache) and its declaration (validators.d.ts). Ajv's code, then VALIDATORS by validatorKey.
 */
export function renderValidators(operations: Record<string, OperationSchemas>, banner: string): { path: string; content: string }[] {
  const { definitions, roots } = shareDefinitions(operations);
  const ajv = createAjv({
    inlineRefs: false,
    // lines: a readable diff when the spec changes; formats: ajv-formats' own, required where the module is
    code: { source: true, esm: true, lines: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
  });
  ajv.addSchema({ $id: SHARED_ID, definitions });
  const exportNames: Record<string, string> = {};
  const taken = new Set<string>();
  for (const { key, schema } of roots) {
    const base = `validate_${key.replace(/[^A-Za-z0-9_$]/g, '_')}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    exportNames[name] = key;
    ajv.addSchema(schema, key);
  }
  const code = standaloneCode(ajv, exportNames);
  const entries = Object.entries(exportNames).map(([name, key]) => `  ${JSON.stringify(key)}: ${name},`);
  const doc = "/** Each operation schema's validator, by `operationId statusKey` or `operationId request`. */";
  const js = [
    `// ${banner}`,
    "import { createRequire } from 'node:module';",
    '',
    "// Ajv's code loads its run-time helpers (and ajv-formats' formats) with require(), also in an ES module.",
    'const require = createRequire(import.meta.url);',
    '',
    // an ES module is strict already
    code.replace(/^"use strict";\n/, '').trim(),
    '',
    doc,
    'export const VALIDATORS = {',
    ...entries,
    '};',
    '',
  ].join('\n');
  const dts = [
    `// ${banner}`,
    "import type { ValidateFunction } from 'ajv';",
    '',
    doc,
    'export declare const VALIDATORS: Readonly<Record<string, ValidateFunction | undefined>>;',
    '',
  ].join('\n');
  return [{ path: VALIDATORS_OUTPUT, content: js }, { path: VALIDATORS_DECLARATION, content: dts }];
}
