// The requirement catalogue and the OpenAPI subset are the kit's spine: every suite, fault and report keys on them.
// These checks keep them well-formed and in step with each other (and, where it is present, with the shared
// normative catalogue) so that a typo shows up here rather than as a silently missing requirement in a report.
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { loadCatalogue } from '../cli/catalogue.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const specsDir = resolve(root, 'specs');
const sharedCatalogue = resolve(root, '../shared/conformance/requirements.md');

interface Requirement {
  id: string;
  level: 'MUST' | 'SHOULD';
  area: string;
  title: string;
  statement: string;
  source: string[];
  operations: string[];
}
interface Catalogue {
  areas: Record<string, string>;
  groups?: Record<string, string[]>;
  requirements: Requirement[];
}
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const catalogue = parse(readFileSync(resolve(specsDir, 'requirements.yaml'), 'utf8')) as Catalogue;
const catalogueSchema = JSON.parse(readFileSync(resolve(specsDir, 'requirements.schema.json'), 'utf8')) as JsonObject;
const openapi = parse(readFileSync(resolve(specsDir, 'flow-service.yaml'), 'utf8')) as JsonObject;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** operationId → where it lives in the OpenAPI document. */
function operations(doc: JsonObject): Map<string, { path: string; method: string; operation: JsonObject }> {
  const found = new Map<string, { path: string; method: string; operation: JsonObject }>();
  for (const [path, item] of Object.entries(doc.paths as JsonObject)) {
    for (const [method, operation] of Object.entries(item as JsonObject)) {
      if (!HTTP_METHODS.includes(method)) continue;
      const id = (operation as JsonObject).operationId;
      if (typeof id !== 'string') throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      if (found.has(id)) throw new Error(`operationId ${id} is used twice`);
      found.set(id, { path, method, operation: operation as JsonObject });
    }
  }
  return found;
}
const operationsById = operations(openapi);

/** Which ID prefix belongs to which area: a requirement filed under the wrong area would be reported in the wrong place. */
const AREA_OF_PREFIX: Record<string, string> = {
  SPEC: 'spec', GATE: 'gate', DRAFT: 'draft', PUB: 'publish', ORD: 'order', UPD: 'update', ETAG: 'etag',
  REF: 'reference', API: 'api', DEL: 'delete', LIST: 'list',
};

test.describe('requirement catalogue (specs/requirements.yaml)', () => {
  test('validates against specs/requirements.schema.json', () => {
    const ajv = new Ajv({ allErrors: true });
    const validate = ajv.compile(catalogueSchema);
    const valid = validate(catalogue);
    expect(valid, ajv.errorsText(validate.errors, { separator: '\n' })).toBe(true);
  });

  test('is what the CLI reads at run time: its generated JSON holds the same areas and requirements, in order', () => {
    const { areas, requirements } = loadCatalogue();
    expect(areas, 'generators/generated/requirements.json is stale: run npm run generate').toEqual(catalogue.areas);
    expect(requirements, 'generators/generated/requirements.json is stale: run npm run generate').toEqual(catalogue.requirements);
  });

  test('gives every requirement a distinct id', () => {
    const seen = new Set<string>();
    const repeated = catalogue.requirements.map((r) => r.id).filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
    expect(repeated, 'ids listed more than once').toEqual([]);
  });

  test('files every requirement under the area its id prefix names, and names every area', () => {
    const misfiled = catalogue.requirements
      .filter((r) => AREA_OF_PREFIX[r.id.split('-')[0] ?? ''] !== r.area)
      .map((r) => `${r.id} is in area '${r.area}'`);
    expect(misfiled).toEqual([]);
    const unnamed = [...new Set(catalogue.requirements.map((r) => r.area))].filter((area) => !catalogue.areas[area]);
    expect(unnamed, 'areas used without a display name in `areas:`').toEqual([]);
  });

  test('lists only operationIds that specs/flow-service.yaml defines', () => {
    const unknown = catalogue.requirements.flatMap((r) =>
      r.operations.filter((op) => !operationsById.has(op)).map((op) => `${r.id}: ${op}`),
    );
    const unknownInGroups = Object.entries(catalogue.groups ?? {}).flatMap(([name, ops]) =>
      ops.filter((op) => !operationsById.has(op)).map((op) => `group ${name}: ${op}`),
    );
    expect([...unknown, ...unknownInGroups]).toEqual([]);
  });

  test('holds every id and level of the shared normative catalogue', () => {
    test.skip(!existsSync(sharedCatalogue), `no shared catalogue at ${sharedCatalogue} (only present in the project workspace)`);
    const markdown = readFileSync(sharedCatalogue, 'utf8');
    const rows = [...markdown.matchAll(/^\|\s*([A-Z]+-[0-9]{3})\s*\|\s*(MUST|SHOULD|MAY)\s*\|/gm)];
    expect(rows.length, 'requirement rows found in the shared catalogue').toBeGreaterThan(0);
    const ours = new Map(catalogue.requirements.map((r) => [r.id, r.level]));
    const problems = rows.flatMap(([, id = '', level]) => {
      if (!ours.has(id)) return [`${id} (${level}) is missing`];
      if (ours.get(id) !== level) return [`${id} is ${ours.get(id)} here but ${level} in the shared catalogue`];
      return [];
    });
    expect(problems).toEqual([]);
  });
});

test.describe('OpenAPI subset (specs/flow-service.yaml)', () => {
  const KINDS = ['Connection', 'SourceConnection', 'TargetConnection', 'Flow'];
  const EXPECTED = [
    'listConnectionSpecs', 'getConnectionSpec', 'listFlowSpecs', 'getFlowSpec',
    ...KINDS.flatMap((k) => [`create${k}`, `list${k}s`, `get${k}`, `patch${k}`, `delete${k}`, `action${k}`]),
  ];

  test('defines exactly the operationIds the kit and the reference server use', () => {
    expect([...operationsById.keys()].sort()).toEqual([...EXPECTED].sort());
    expect(openapi.openapi).toBe('3.0.3');
  });

  test('names every operation in at least one requirement', () => {
    const named = new Set(catalogue.requirements.flatMap((r) => r.operations));
    expect(EXPECTED.filter((op) => !named.has(op)), 'operations no requirement concerns').toEqual([]);
  });

  // API-008 validates every 2xx body against these schemas, so they must compile and be lenient in the right places.
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema(openapi, 'flow-service');

  /** The response object an operation declares for a status (following a `$ref`), with its JSON pointer. */
  function responseOf(operationId: string, status: string): { response?: JsonObject; pointer: string[] } {
    const found = operationsById.get(operationId);
    if (!found) throw new Error(`no operation ${operationId}`);
    const declared = (found.operation.responses as JsonObject)[status] as JsonObject | undefined;
    if (declared && typeof declared.$ref === 'string') {
      const pointer = declared.$ref.replace(/^#\//, '').split('/');
      const responses = (openapi.components as JsonObject).responses as JsonObject;
      return { response: responses[pointer[2] ?? ''] as JsonObject | undefined, pointer };
    }
    return { response: declared, pointer: ['paths', found.path, found.method, 'responses', status] };
  }

  /** `$ref` (URI fragment form) to the JSON body schema an operation declares for a status. */
  function responseSchemaRef(operationId: string, status: string): string {
    const { response, pointer } = responseOf(operationId, status);
    if (!response?.content) throw new Error(`${operationId} declares no JSON body for ${status}`);
    const parts = [...pointer, 'content', 'application/json', 'schema'];
    return 'flow-service#/' + parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');
  }

  const validators = new Map<string, ValidateFunction>();
  function validatorFor(operationId: string, status: string): ValidateFunction {
    const ref = responseSchemaRef(operationId, status);
    let validate = validators.get(ref);
    if (!validate) validators.set(ref, (validate = ajv.compile({ $ref: ref })));
    return validate;
  }

  test('compiles the JSON schema of every 2xx answer that has a body', () => {
    let compiled = 0;
    for (const [id, { operation }] of operationsById) {
      for (const status of Object.keys(operation.responses as JsonObject).filter((s) => s.startsWith('2'))) {
        if (!responseOf(id, status).response?.content) continue;
        expect(() => validatorFor(id, status), `${id} ${status}`).not.toThrow();
        compiled++;
      }
    }
    expect(compiled).toBeGreaterThanOrEqual(operationsById.size);
  });

  const cases: [string, { operation: string; status: string; body: Json; valid: boolean }][] = [
    ['a create answer with id and etag', { operation: 'createConnection', status: '201', body: { id: 'c1', etag: '"e1"' }, valid: true }],
    ['a create answer with status 200', { operation: 'createFlow', status: '200', body: { id: 'f1', etag: '"e1"', extra: true }, valid: true }],
    ['a create answer without etag', { operation: 'createSourceConnection', status: '201', body: { id: 's1' }, valid: false }],
    ['a write answer with an empty id', { operation: 'patchTargetConnection', status: '200', body: { id: '', etag: '"e"' }, valid: false }],
    ['a publish answer with a numeric etag', { operation: 'actionFlow', status: '200', body: { id: 'f1', etag: 1 }, valid: false }],
    ['an entity in a state the docs never list', { operation: 'getConnection', status: '200', body: { items: [{ id: 'c1', state: 'enabled-finalizing', lastOperation: { operation: 'draft_create' }, other: [1] }] }, valid: true }],
    ['an entity with a string timestamp', { operation: 'getSourceConnection', status: '200', body: { items: [{ id: 's1', createdAt: '2024-01-01T00:00:00Z' }] }, valid: false }],
    ['an entity without id', { operation: 'listTargetConnections', status: '200', body: { items: [{ state: 'draft' }] }, valid: false }],
    ['a flow whose targetConnectionIds is a string', { operation: 'getFlow', status: '200', body: { items: [{ id: 'f1', sourceConnectionIds: ['s1'], targetConnectionIds: 't1' }] }, valid: false }],
    ['a list page with a next link and count', { operation: 'listFlows', status: '200', body: { items: [], _links: { next: { href: '/flows?continuationToken=abc' } }, count: 0 }, valid: true }],
    ['a count-only list answer', { operation: 'listConnections', status: '200', body: { count: 95 }, valid: true }],
    ['a list answer with neither items nor count', { operation: 'listSourceConnections', status: '200', body: { _links: {} }, valid: false }],
    ['a spec whose draft flag is a boolean', { operation: 'getFlowSpec', status: '200', body: { items: [{ id: 'fs', attributes: { isDraftModeSupported: true, frequency: 'batch' } }] }, valid: true }],
    ['a spec whose draft flag is a string', { operation: 'getConnectionSpec', status: '200', body: { items: [{ id: 'cs', attributes: { isDraftModeSupported: 'true' } }] }, valid: false }],
    ['a spec list without the items wrapper', { operation: 'listConnectionSpecs', status: '200', body: { id: 'cs', name: 'x' }, valid: false }],
  ];
  for (const [name, { operation, status, body, valid }] of cases) {
    test(`${valid ? 'accepts' : 'refuses'} ${name} (${operation} ${status})`, () => {
      const validate = validatorFor(operation, status);
      expect(validate(body), ajv.errorsText(validate.errors)).toBe(valid);
    });
  }
});
