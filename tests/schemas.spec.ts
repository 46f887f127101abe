// Self-tests of generators/: the committed generated files match the spec, every operation schema compiles, the
// JSON Schema → fast-check builder only yields valid values, and the validators tell a good body from a bad one.
import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, buildOperationSchemas, renderGenerated } from '../generators/generate.ts';
import { createAjv, operationSchemas, responseSchemaKey, validateRequest, validateResponse } from '../schemas/validators.ts';
import { arbitraryFromSchema, validValueFromSchema, type JsonSchema } from '../schemas/arbitrary.ts';
import { AZURE_FILE_STORAGE, connectionSpecById } from '../server/catalog.ts';

// The Azure File Storage authSpec the reference server serves (as the draft tutorial shows it): the run-time use of
// validValueFromSchema.
const AZURE_AUTH_SPEC = connectionSpecById.get(AZURE_FILE_STORAGE)!.authSpec[0]!.spec as JsonSchema;

const CORPUS: [string, JsonSchema][] = [
  ['azure file storage authSpec', AZURE_AUTH_SPEC],
  ['enum and const', { type: 'object', required: ['op', 'v'], properties: { op: { enum: ['add', 'replace', 'remove'] }, v: { const: 3 } } }],
  ['type array with null', { type: ['string', 'integer', 'null'], minLength: 2, minimum: 5 }],
  ['closed object with optional keys', { type: 'object', additionalProperties: false, required: ['a'], properties: { a: { type: 'boolean' }, b: { type: 'number', exclusiveMinimum: 0, maximum: 1 } } }],
  ['open object', { type: 'object', additionalProperties: true, minProperties: 1, properties: { x: { type: 'string' } } }],
  ['typed extra properties', { type: 'object', additionalProperties: { type: 'integer', minimum: 0, maximum: 9 } }],
  ['nested arrays', { type: 'array', minItems: 1, maxItems: 4, items: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } } }],
  ['unique items', { type: 'array', uniqueItems: true, minItems: 2, items: { type: 'integer', minimum: 0, maximum: 20 } }],
  ['formats', { type: 'object', required: ['u', 'e', 'd', 'p'], properties: { u: { type: 'string', format: 'uri' }, e: { type: 'string', format: 'email' }, d: { type: 'string', format: 'date-time' }, p: { type: 'string', format: 'password', maxLength: 12 } } }],
  ['string bounds and pattern', { type: 'string', minLength: 3, maxLength: 5, pattern: '^[a-z]+$' }],
  ['integer bounds and multipleOf', { type: 'integer', minimum: -7, exclusiveMaximum: 40, multipleOf: 5 }],
  ['definitions with recursion', { $ref: '#/definitions/Node', definitions: { Node: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/Node' } } } } } }],
  ['$defs', { type: 'object', required: ['spec'], properties: { spec: { $ref: '#/$defs/SpecRef' } }, $defs: { SpecRef: { type: 'object', required: ['id', 'version'], properties: { id: { type: 'string', minLength: 1 }, version: { enum: ['1.0'] } } } } }],
  ['allOf mixin', { allOf: [{ type: 'object', required: ['id'], properties: { id: { type: 'string' } } }, { type: 'object', required: ['etag'], properties: { etag: { type: 'string' }, n: { type: 'number', minimum: 1 } } }] }],
  ['anyOf of shapes', { anyOf: [{ type: 'object', required: ['title', 'status'], properties: { title: { type: 'string' }, status: { type: 'integer' } } }, { type: 'object', required: ['error_code'], properties: { error_code: { anyOf: [{ type: 'string' }, { type: 'integer' }] } } }] }],
  ['oneOf exclusive', { oneOf: [{ type: 'integer', multipleOf: 2 }, { type: 'integer', multipleOf: 3 }] }],
  ['untyped and unknown keywords', { description: 'anything', title: 'x', 'x-adobe': true, examples: [1] }],
];

test.describe('generated files', () => {
  test('regenerating from the spec gives exactly the committed files (run npm run generate)', async () => {
    const files = await renderGenerated();
    for (const file of files) {
      const committed = readFileSync(join(ROOT, file.path), 'utf8');
      expect(committed === file.content, `${file.path} is stale: run npm run generate`).toBe(true);
    }
    for (const file of files) expect(file.content.slice(0, 200)).toContain('Do not edit');
  });

  test('every operation has its schemas, and every schema compiles with Ajv', () => {
    const operations = operationSchemas();
    const entity = ['Connection', 'SourceConnection', 'TargetConnection', 'Flow'].flatMap((k) =>
      ['create', 'list', 'get', 'patch', 'delete', 'action'].map((verb) => `${verb}${k}${verb === 'list' ? 's' : ''}`));
    for (const id of ['listConnectionSpecs', 'getConnectionSpec', 'listFlowSpecs', 'getFlowSpec', ...entity]) {
      expect(operations[id], `operationId ${id} is missing`).toBeDefined();
    }
    const ajv = createAjv();
    for (const [id, op] of Object.entries(operations)) {
      for (const [key, schema] of Object.entries({ ...op.responses, ...(op.request ? { request: op.request } : {}) })) {
        expect(() => ajv.compile(schema), `${id} ${key}`).not.toThrow();
        expect(JSON.stringify(schema), `${id} ${key} keeps an OpenAPI-only ref`).not.toContain('#/components/');
      }
    }
  });

  test('OpenAPI-only keywords become draft-07 and only reachable definitions are kept', () => {
    const doc = {
      paths: { '/x': { post: { operationId: 'op', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } }, responses: { '200': { $ref: '#/components/responses/R' } } } } },
      components: {
        responses: { R: { content: { 'application/json': { schema: { type: 'integer', minimum: 0, exclusiveMinimum: true } } } } },
        schemas: {
          A: { type: 'object', example: {}, 'x-vendor': 1, properties: { 'x-name': { $ref: '#/components/schemas/B' }, n: { type: 'string', nullable: true } } },
          B: { allOf: [{ $ref: '#/components/schemas/A' }], nullable: true, discriminator: { propertyName: 'n' } },
          Unreached: { type: 'string' },
        },
      },
    };
    const op = buildOperationSchemas(doc).op!;
    expect(op.method).toBe('POST');
    expect(op.responses['200']).toEqual({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'integer', exclusiveMinimum: 0 });
    expect(Object.keys(op.request!.definitions as object)).toEqual(['A', 'B']);
    expect(op.request!.definitions).toEqual({
      A: { type: 'object', properties: { 'x-name': { $ref: '#/definitions/B' }, n: { type: ['string', 'null'] } } },
      B: { anyOf: [{ allOf: [{ $ref: '#/definitions/A' }] }, { type: 'null' }] },
    });
  });
});

test.describe('arbitraryFromSchema', () => {
  const ajv = createAjv();
  // A plain throw rather than expect() inside properties: Playwright records every expect call as a step,
  // which made thousands of runs slow, and fast-check reports the thrown message with the seed anyway.
  const validatesAgainst = (name: string, schema: JsonSchema) => {
    const validate = ajv.compile(schema as object);
    return (value: unknown): void => {
      if (!validate(value)) throw new Error(`${name}: ${JSON.stringify(value)}: ${ajv.errorsText(validate.errors)}`);
    };
  };
  for (const [name, schema] of CORPUS) {
    test(`every generated value validates: ${name}`, () => {
      fc.assert(fc.property(arbitraryFromSchema(schema), validatesAgainst(name, schema)), { numRuns: 150 });
    });
  }

  test('every generated body validates against its operation schema', () => {
    for (const [id, op] of Object.entries(operationSchemas())) {
      for (const [key, schema] of Object.entries({ ...op.responses, ...(op.request ? { request: op.request } : {}) })) {
        fc.assert(fc.property(arbitraryFromSchema(schema as JsonSchema), validatesAgainst(`${id} ${key}`, schema)), { numRuns: 25 });
      }
    }
  });

  test('required keys are always present and optional ones are sometimes left out', () => {
    const schema = { type: 'object', required: ['a', 'b'], properties: { a: { type: 'string' }, b: { type: 'integer' }, c: { type: 'boolean' } } };
    const values = fc.sample(arbitraryFromSchema(schema), { seed: 42, numRuns: 200 }) as Record<string, unknown>[];
    for (const value of values) expect(Object.keys(value)).toEqual(expect.arrayContaining(['a', 'b']));
    expect(values.some((v) => 'c' in v)).toBe(true);
    expect(values.some((v) => !('c' in v))).toBe(true);
  });

  test('enums are respected and every member eventually appears', () => {
    const values = fc.sample(arbitraryFromSchema({ type: 'string', enum: ['draft', 'enabled', 'disabled'] }), { seed: 7, numRuns: 200 });
    expect(new Set(values)).toEqual(new Set(['draft', 'enabled', 'disabled']));
  });

  test('password format gives non-empty printable strings', () => {
    fc.assert(fc.property(arbitraryFromSchema({ type: 'string', format: 'password' }), (value) => {
      expect(typeof value).toBe('string');
      expect(value as string).toMatch(/^[\x21-\x7e]+$/);
    }));
  });

  test('validValueFromSchema is deterministic and fills every required auth param', () => {
    const params = validValueFromSchema(AZURE_AUTH_SPEC) as Record<string, string>;
    expect(validValueFromSchema(AZURE_AUTH_SPEC)).toEqual(params);
    expect(Object.keys(params).sort()).toEqual(['host', 'password', 'userid']);
    expect(params.password!.length).toBeGreaterThan(0);
    expect(ajv.validate(AZURE_AUTH_SPEC, params)).toBe(true);
    expect(validValueFromSchema(AZURE_AUTH_SPEC, 99)).not.toEqual(params);
  });
});

test.describe('validators', () => {
  test('a WriteAnswer with id and etag is accepted, and one without etag is refused', () => {
    expect(validateResponse('createConnection', 201, { id: '9c1f', etag: '"3a00-0000"' })).toEqual({ valid: true, errors: [] });
    const missing = validateResponse('createConnection', 201, { id: '9c1f' });
    expect(missing.valid).toBe(false);
    expect(missing.errors.join('\n')).toContain("must have required property 'etag'");
  });

  test('a status the document does not describe is not a validation failure', () => {
    expect(responseSchemaKey('createConnection', 299)).toBeUndefined();
    expect(validateResponse('createConnection', 299, 'anything').valid).toBe(true);
  });

  test('request bodies are checked, with the path of the wrong field', () => {
    expect(validateRequest('createConnection', { name: 'x', connectionSpec: { id: 'a', version: '1.0' } }).valid).toBe(true);
    const wrong = validateRequest('createConnection', { name: 5, connectionSpec: { id: 'a', version: '1.0' } });
    expect(wrong.valid).toBe(false);
    expect(wrong.errors).toContain('/name must be string');
  });

  test('an unknown operationId is a kit bug, so it throws', () => {
    expect(() => validateResponse('noSuchOperation', 200, {})).toThrow(/unknown operationId/);
  });
});
