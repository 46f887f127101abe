// The validators generators/validators.ts precompiles (generators/generated/validators.js) judge every body as the
// schema compiled at run time does: same verdict, same error lines, for valid bodies and for bodies broken in the ways
// a target breaks them. And a stale module is caught by the drift check like any generated file.
import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { ROOT, buildOperationSchemas, renderGenerated, staleFiles } from '../generators/generate.ts';
import { VALIDATORS_OUTPUT, renderValidators, shareDefinitions } from '../generators/validators.ts';
import { VALIDATORS } from '../generators/generated/validators.js';
import { createAjv, formatErrors, operationSchemas, validateRequest, validateResponse } from '../schemas/validators.ts';
import { arbitraryFromSchema, type JsonSchema } from '../schemas/arbitrary.ts';
import type { OperationSchemas } from '../schemas/operation-schemas.ts';

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

const WRONG_VALUES: unknown[] = ['kit-wrong', 42, 1.5, -1, true, null, [], ['x'], {}, { kit: 1 }, ''];

/** Bodies a target might send: valid samples, then each with a field dropped, wrong-typed or added, one level deep. */
function bodiesFor(schema: JsonSchema, seed: number): unknown[] {
  const valid = fc.sample(arbitraryFromSchema(schema), { seed, numRuns: 6 });
  const bodies: unknown[] = [...valid, undefined, 'not json', 0, [], {}];
  const variants = (body: Obj, depth: number): unknown[] => {
    const out: unknown[] = [{ ...body, kitUnexpected: 'x' }];
    for (const [key, value] of Object.entries(body)) {
      const { [key]: _dropped, ...without } = body;
      out.push(without);
      WRONG_VALUES.forEach((wrong, i) => { if ((i + key.length) % 3 === 0) out.push({ ...body, [key]: wrong }); });
      if (depth > 0 && isObj(value)) for (const inner of variants(value, depth - 1)) out.push({ ...body, [key]: inner });
      if (depth > 0 && Array.isArray(value) && isObj(value[0])) for (const inner of variants(value[0], depth - 1)) out.push({ ...body, [key]: [inner, ...value.slice(1)] });
    }
    return out;
  };
  for (const body of valid) if (isObj(body)) bodies.push(...variants(body, 2));
  return bodies;
}

/** Each operation schema with how the kit validates a body against it. */
function everySchema(): { key: string; schema: Obj; validate: (body: unknown) => { valid: boolean; errors: string[] } }[] {
  return Object.entries(operationSchemas()).flatMap(([id, op]) => [
    ...Object.entries(op.responses).map(([status, schema]) => ({ key: `${id} ${status}`, schema, validate: (body: unknown) => validateResponse(id, status, body) })),
    ...(op.request ? [{ key: `${id} request`, schema: op.request, validate: (body: unknown) => validateRequest(id, body) }] : []),
  ]);
}

test.describe('precompiled validators', () => {
  test('every operation schema has its precompiled validator and nothing else is in the module', () => {
    const keys = everySchema().map((entry) => entry.key).sort();
    expect(keys.length).toBeGreaterThan(100);
    expect(Object.keys(VALIDATORS).sort()).toEqual(keys);
  });

  test('each judges valid and broken bodies as the runtime-compiled schema does: same verdict, same error lines', () => {
    const ajv = createAjv();
    let invalid = 0;
    let valid = 0;
    everySchema().forEach(({ key, schema, validate }, index) => {
      const compiled: ValidateFunction = ajv.compile(schema);
      for (const body of bodiesFor(schema as JsonSchema, index + 1)) {
        const expected = compiled(body) ? { valid: true, errors: [] } : { valid: false, errors: formatErrors(compiled.errors) };
        const got = validate(body);
        if (got.valid !== expected.valid || got.errors.join('\n') !== expected.errors.join('\n')) {
          expect(got, `${key}: ${JSON.stringify(body)}`).toEqual(expected); // one expect on a mismatch, not thousands
        }
        if (expected.valid) valid++;
        else invalid++;
      }
    });
    // the comparison means something only if both verdicts were exercised, many times
    expect(valid).toBeGreaterThan(500);
    expect(invalid).toBeGreaterThan(5000);
  });

  test('a wrong-typed nested field gives the path and message the runtime schema gives', () => {
    const body = { name: 'x', connectionSpec: { id: 7, version: '1.0' }, kitUnexpected: true };
    const wrong = validateRequest('createConnection', body);
    expect(wrong.valid).toBe(false);
    expect(wrong.errors).toContain('/connectionSpec/id must be string');
    const compiled = createAjv().compile(operationSchemas().createConnection!.request!);
    expect(compiled(body)).toBe(false);
    expect(wrong.errors).toEqual(formatErrors(compiled.errors));
  });

  test('formats are checked by ajv-formats\' functions, required from where the module is', async () => {
    const doc = {
      paths: { '/x': { post: { operationId: 'op', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } }, responses: {} } } },
      components: { schemas: { A: { type: 'object', properties: { when: { type: 'string', format: 'date-time' }, link: { type: 'string', format: 'uri' }, id: { type: 'string', format: 'uuid' } } } } },
    };
    const operations = buildOperationSchemas(doc);
    const dir = mkdtempSync(join(tmpdir(), 'precompiled-'));
    try {
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
      writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n'); // the generated module is an ES module, as in the kit
      const file = join(dir, 'validators.js');
      writeFileSync(file, renderValidators(operations, 'test')[0]!.content);
      const { VALIDATORS: precompiled } = (await import(pathToFileURL(file).href)) as { VALIDATORS: Record<string, ValidateFunction> };
      const validate = precompiled['op request']!;
      const compiled = createAjv().compile(operations.op!.request!);
      for (const body of [{ when: '2024-05-01T10:00:00Z', link: 'https://x.test/a', id: '0f8fad5b-d9cb-469f-a165-70867728950e' }, { when: 'yesterday', link: 'not a uri', id: 'nope' }]) {
        expect(validate(body)).toBe(compiled(body));
        expect(formatErrors(validate.errors)).toEqual(formatErrors(compiled.errors));
      }
      expect(formatErrors(validate.errors)).toEqual(['/id must match format "uuid"', '/link must match format "uri"', '/when must match format "date-time"']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('definitions are shared, not copied: each root refers to the one set, which keeps every definition once', () => {
    const operations = operationSchemas();
    const { definitions, roots } = shareDefinitions(operations);
    const names = new Set(Object.values(operations).flatMap((op: OperationSchemas) =>
      [...Object.values(op.responses), ...(op.request ? [op.request] : [])].flatMap((schema) => Object.keys((schema.definitions as Obj | undefined) ?? {}))));
    expect(Object.keys(definitions).sort()).toEqual([...names].sort());
    for (const { key, schema } of roots) {
      expect(schema.definitions, key).toBeUndefined();
      expect(JSON.stringify(schema), key).not.toContain('"#/definitions/');
    }
    // data that looks like a ref is data: only refs in schema positions move
    const { roots: [root] } = shareDefinitions({ op: { method: 'POST', path: '/x', responses: { '200': { enum: [{ $ref: '#/definitions/A' }], properties: { a: { $ref: '#/definitions/A' } }, definitions: { A: {} } } } } });
    expect(root!.schema.enum).toEqual([{ $ref: '#/definitions/A' }]);
    expect(root!.schema.properties).toEqual({ a: { $ref: 'flow-service-definitions#/definitions/A' } });
  });

  test('a stale validator module fails the drift check, and a schema change changes the module', async () => {
    const files = await renderGenerated();
    const dir = mkdtempSync(join(tmpdir(), 'drift-'));
    try {
      for (const file of files) {
        mkdirSync(join(dir, file.path, '..'), { recursive: true });
        cpSync(join(ROOT, file.path), join(dir, file.path));
      }
      expect(staleFiles(files, dir)).toEqual([]);
      const module = files.find((file) => file.path === VALIDATORS_OUTPUT)!;
      writeFileSync(join(dir, VALIDATORS_OUTPUT), module.content.replace('must be string', 'must be a string'));
      expect(staleFiles(files, dir)).toEqual([VALIDATORS_OUTPUT]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const operations = structuredClone(operationSchemas());
    const banner = 'test';
    const before = renderValidators(operations, banner)[0]!.content;
    expect(renderValidators(structuredClone(operations), banner)[0]!.content).toBe(before); // deterministic
    operations.createConnection!.request!.required = ['kitNew'];
    expect(renderValidators(operations, banner)[0]!.content).not.toBe(before);
    // one definition, two contents: sharing would judge one of them wrongly, so the generator refuses
    (operations.createConnection!.request!.definitions as Obj).SpecRefInput = { type: 'object', required: ['kitNew'] };
    expect(() => renderValidators(operations, banner)).toThrow(/definition SpecRefInput differs/);
  });
});
