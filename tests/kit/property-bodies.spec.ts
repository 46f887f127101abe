// The property suite's bodies, without a target: every generated valid body validates against its operation's request
// schema and keeps the fixed fields and the name prefix; every mutation said to break the schema does, and says what.
import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import { createMutations, mutate, patchMutations } from '../../schemas/body-mutations.ts';
import { createBodies, generatedName, patchBodies } from '../../schemas/request-bodies.ts';
import { validateRequest } from '../../schemas/validators.ts';

const SPEC = { id: 'be5ec48c-5b78-49d5-b8fa-7c89ec4569b8', version: '1.0' };
const FIXED: Record<string, Record<string, unknown>> = {
  createConnection: { connectionSpec: SPEC, auth: { specName: 'Basic Authentication', params: { host: 'h', userid: 'u', password: 'p' } } },
  createSourceConnection: { connectionSpec: SPEC, baseConnectionId: 'base-1', params: { path: '/a.csv' }, data: { format: 'delimited' } },
  createTargetConnection: { connectionSpec: SPEC, params: { dataSetId: 'd' }, data: { schema: { id: 's', version: 'v' } } },
  createFlow: { flowSpec: SPEC, sourceConnectionIds: ['s-1'], targetConnectionIds: ['t-1'] },
};
const ENTITY: Record<string, Record<string, unknown>> = {
  patchConnection: { name: 'fck-x', auth: { specName: 'Basic Authentication', params: { host: 'h' } } },
  patchSourceConnection: { name: 'fck-x', params: { path: '/a.csv' }, data: {} },
  patchTargetConnection: { name: 'fck-x', params: {}, data: {} },
  patchFlow: { name: 'fck-x', sourceConnectionIds: ['s-1'], targetConnectionIds: ['t-1'] },
};

for (const [operationId, fixed] of Object.entries(FIXED)) {
  test(`${operationId}: generated bodies are valid, keep the fixed fields and the prefix; each mutation breaks the schema`, () => {
    for (const schemaFields of [false, true]) {
      const bodies = fc.sample(createBodies(operationId, { namePrefix: 'fck-run', fixed, schemaFields }), { seed: 7, numRuns: 60 });
      for (const body of bodies) {
        expect(validateRequest(operationId, body).errors).toEqual([]);
        expect(String(body.name)).toMatch(/^fck-run-/);
        for (const [name, value] of Object.entries(fixed)) {
          if (schemaFields && (name === 'params' || name === 'data')) expect(body[name]).toMatchObject(value as Record<string, unknown>);
          else expect(body[name]).toEqual(value);
        }
      }
      // unicode is what the generator is for: most names carry some
      expect(bodies.filter((b) => /[^\x20-\x7e]/.test(String(b.name))).length).toBeGreaterThan(bodies.length / 3);
    }
    const mutations = createMutations(operationId);
    const spec = 'flowSpec' in fixed ? 'flowSpec' : 'connectionSpec';
    expect(mutations.map((m) => m.name)).toEqual(expect.arrayContaining([`drop ${spec}`, `retype ${spec}.id`, `retype ${spec}.version`]));
    if (operationId === 'createFlow') expect(mutations.map((m) => m.name)).toEqual(expect.arrayContaining(['retype transformations[]', 'retype transformations[].params']));
    const [valid] = fc.sample(createBodies(operationId, { namePrefix: 'fck-run', fixed, schemaFields: false }), { seed: 1, numRuns: 1 });
    for (const mutation of mutations) {
      for (let pick = 0; pick < 6; pick++) {
        const mutated = mutate(operationId, mutation, valid!, pick);
        expect(validateRequest(operationId, mutated.body).valid, `${mutation.name} (${mutated.label})`).toBe(false);
        expect(mutated.label.length).toBeGreaterThan(5);
      }
    }
  });
}

// The places inside a field the schema types, each retyped where it is: the spec's id kept beside a wrong version, a
// transformation item that is no object, an item whose params is none
test('the nested retypes put the wrong type where their name says, and nowhere else', () => {
  const valid = { name: 'fck-run-x', ...FIXED.createFlow, transformations: [{ name: 'Mapping', params: {} }] };
  const byName = (name: string) => createMutations('createFlow').find((m) => m.name === name)!;
  for (let pick = 0; pick < 6; pick++) {
    const version = mutate('createFlow', byName('retype flowSpec.version'), valid, pick).body.flowSpec as Record<string, unknown>;
    expect(version.id).toBe(SPEC.id);
    expect(typeof version.version).not.toBe('string');
    const [item] = mutate('createFlow', byName('retype transformations[]'), valid, pick).body.transformations as unknown[];
    expect(typeof item === 'object' && item !== null && !Array.isArray(item)).toBe(false);
    const [withParams] = mutate('createFlow', byName('retype transformations[].params'), valid, pick).body.transformations as Record<string, unknown>[];
    expect(Object.keys(withParams!)).toEqual(['params']);
    expect(typeof withParams!.params === 'object' && withParams!.params !== null && !Array.isArray(withParams!.params)).toBe(false);
  }
  const patch = patchMutations('patchFlow', ENTITY.patchFlow!).find((m) => m.name === 'retype /transformations[].params')!;
  const added = mutate('patchFlow', patch, [{ op: 'replace', path: '/name', value: 'fck-run-y' }], 2).body.at(-1)!;
  expect(added).toMatchObject({ op: 'add', path: '/transformations' });
  expect(validateRequest('createFlow', { ...valid, transformations: added.value }).valid).toBe(false);
});

for (const [operationId, entity] of Object.entries(ENTITY)) {
  test(`${operationId}: generated patches are valid JSON Patches on the entity's fields; each mutation says what it broke`, () => {
    const createOperationId = operationId.replace(/^patch/, 'create');
    for (const schemaFields of [false, true]) {
      for (const patch of fc.sample(patchBodies(operationId, { createOperationId, namePrefix: 'fck-run', entity, schemaFields }), { seed: 3, numRuns: 60 })) {
        expect(validateRequest(operationId, patch).errors).toEqual([]);
        for (const instruction of patch) {
          expect(instruction.path).toMatch(/^\/[^/]+/);
          if (instruction.path === '/name') expect(String(instruction.value)).toMatch(/^fck-run-/);
        }
      }
    }
    const [valid] = fc.sample(patchBodies(operationId, { createOperationId, namePrefix: 'fck-run', entity, schemaFields: false }), { seed: 1, numRuns: 1 });
    const mutations = patchMutations(operationId, entity);
    expect(mutations.map((m) => m.name)).toEqual(expect.arrayContaining(['drop op', 'drop path', 'empty patch', 'missing path', 'retype /name']));
    if (operationId === 'patchConnection') expect(mutations.map((m) => m.name)).toEqual(expect.arrayContaining(['retype /auth/params', 'retype /auth/specName']));
    if (operationId === 'patchFlow') expect(mutations.map((m) => m.name)).toEqual(expect.arrayContaining(['retype /transformations[]', 'retype /transformations[].params']));
    // the spec is immutable (UPD-004): a PATCH of its version is refused whatever its type, so no mutation retypes it
    expect(mutations.map((m) => m.name).filter((name) => /Spec/.test(name))).toEqual([]);
    for (const mutation of mutations) {
      for (let pick = 0; pick < 6; pick++) {
        const mutated = mutate(operationId, mutation, valid!, pick);
        if (mutated.breaks === 'schema') expect(validateRequest(operationId, mutated.body).valid, mutated.label).toBe(false);
        // a value that breaks the document goes last, so no later instruction of the valid patch overwrites it
        // (an item comes in a whole new array: the instruction's path is the field's)
        if (mutated.breaks === 'document') expect(mutated.body.at(-1)?.path).toBe(mutation.name.replace(/^retype /, '').replace(/\[\].*$/, ''));
      }
    }
  });
}

test('a generated name can be found by a name filter: the prefix, no comma (the filter separates values with one), nothing a parser trims', () => {
  const names = fc.sample(generatedName('fck-run-w0-prop-1'), { seed: 5, numRuns: 2000 });
  expect(names.every((name) => name.startsWith('fck-run-w0-prop-1-'))).toBe(true);
  expect(names.filter((name) => name.includes(',') || name !== name.trim())).toEqual([]);
  // still unicode and at length: the point of generating them
  expect(names.some((name) => /[^\u0000-\u007f]/.test(name))).toBe(true);
  expect(Math.max(...names.map((name) => name.length))).toBeGreaterThan(40);
});
