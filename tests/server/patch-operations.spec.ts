// Updating drafts with JSON Patch: add, replace and remove (either case) change what GET shows; fields the server
// owns, and the spec an entity was made with, cannot be patched.
import { expect, test } from '@playwright/test';
import { createBase, entityOf, KINDS, NOUN, read } from '../support/drafts.ts';
import { InProcessClient } from '../support/in-process.ts';

interface OpCase {
  given: { op: string; path: string; value?: unknown };
  want: (item: Record<string, any>) => void;
}

const ops: [string, OpCase][] = [];
for (const spelling of ['lower', 'upper'] as const) {
  const op = (name: string) => (spelling === 'upper' ? name.toUpperCase() : name);
  ops.push(
    [`${op('add')} of a new field`, { given: { op: op('add'), path: '/owner', value: 'ops team' }, want: (item) => expect(item.owner).toBe('ops team') }],
    [`${op('add')} inside an object`, {
      given: { op: op('add'), path: '/auth/params/port', value: '445' },
      want: (item) => expect(item.auth.params).toMatchObject({ host: 'acme.file.core.windows.net', port: '445' }),
    }],
    [`${op('replace')} of /name`, { given: { op: op('replace'), path: '/name', value: 'renamed' }, want: (item) => expect(item.name).toBe('renamed') }],
    [`${op('remove')} of /description`, { given: { op: op('remove'), path: '/description' }, want: (item) => expect(item).not.toHaveProperty('description') }],
  );
}

for (const [name, { given, want }] of ops) {
  test(`PATCH with ${name} changes what GET shows and keeps the draft a draft`, { tag: '@UPD-001' }, async () => {
    const api = new InProcessClient();
    const base = await createBase(api);
    const answer = await api.patch(`/connections/${base.id}`, [given], base.etag);
    expect(answer.status, answer.text).toBe(200);
    const item = await read(api, 'connections', base.id);
    want(item);
    expect(item.state).toBe('draft');
    expect(item.etag).toBe(answer.body.etag);
  });
}

for (const kind of KINDS) {
  test(`PATCH replace /name of a draft ${NOUN[kind]} answers its id and a new etag, and GET shows both`, { tag: ['@UPD-001', '@UPD-002'] }, async () => {
    const api = new InProcessClient();
    const created = await entityOf(api, kind);
    const answer = await api.patch(`/${kind}/${created.id}`, [{ op: 'replace', path: '/name', value: `new ${kind}` }], created.etag);
    expect(answer.status, answer.text).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['etag', 'id']);
    expect(answer.body.id).toBe(created.id);
    expect(answer.body.etag).not.toBe(created.etag);
    const item = await read(api, kind, created.id);
    expect(item.name).toBe(`new ${kind}`);
    expect(item.etag).toBe(answer.body.etag);
    expect(item.state).toBe('draft');
  });
}

test('several instructions in one PATCH apply in order, as one write', { tag: '@UPD-002' }, async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  const answer = await api.patch(`/connections/${base.id}`, [
    { op: 'add', path: '/tags', value: ['a'] },
    { op: 'add', path: '/tags/-', value: 'b' },
    { op: 'replace', path: '/tags/0', value: 'z' },
    { op: 'remove', path: '/description' },
  ], base.etag);
  expect(answer.status, answer.text).toBe(200);
  const item = await read(api, 'connections', base.id);
  expect(item.tags).toEqual(['z', 'b']);
  expect(item).not.toHaveProperty('description');
});

test('a PATCH whose later instruction fails changes nothing, not even by its earlier ones', async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  const answer = await api.patch(`/connections/${base.id}`, [
    { op: 'replace', path: '/name', value: 'half-done' },
    { op: 'replace', path: '/no/such/field', value: 1 },
  ], base.etag);
  expect(answer.status).toBe(400);
  const item = await read(api, 'connections', base.id);
  expect(item.name).not.toBe('half-done');
  expect(item.etag).toBe(base.etag);
});

test('an escaped path segment (/a~1b) names the key "a/b"', async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  const answer = await api.patch(`/connections/${base.id}`, [{ op: 'add', path: '/a~1b', value: 'slash' }, { op: 'add', path: '/c~0d', value: 'tilde' }], base.etag);
  expect(answer.status, answer.text).toBe(200);
  const item = await read(api, 'connections', base.id);
  expect(item['a/b']).toBe('slash');
  expect(item['c~d']).toBe('tilde');
});

const readOnly: [string, { given: { kind: 'connections' | 'flows'; op: string; path: string; value?: unknown } }][] = [
  ['/id', { given: { kind: 'connections', op: 'replace', path: '/id', value: 'mine' } }],
  ['/state', { given: { kind: 'connections', op: 'replace', path: '/state', value: 'enabled' } }],
  ['/etag', { given: { kind: 'connections', op: 'replace', path: '/etag', value: '"mine"' } }],
  ['/version', { given: { kind: 'connections', op: 'replace', path: '/version', value: '"mine"' } }],
  ['/createdAt', { given: { kind: 'connections', op: 'replace', path: '/createdAt', value: 0 } }],
  ['/connectionSpec', { given: { kind: 'connections', op: 'replace', path: '/connectionSpec', value: { id: 'other', version: '1.0' } } }],
  ['/connectionSpec/id', { given: { kind: 'connections', op: 'replace', path: '/connectionSpec/id', value: 'other' } }],
  ['/connectionSpec by remove', { given: { kind: 'connections', op: 'remove', path: '/connectionSpec' } }],
  ['/state by add', { given: { kind: 'connections', op: 'add', path: '/state', value: 'enabled' } }],
  ['/flowSpec', { given: { kind: 'flows', op: 'replace', path: '/flowSpec', value: { id: 'other', version: '1.0' } } }],
];
for (const [name, { given }] of readOnly) {
  test(`PATCH of the read-only field ${name} answers 400 and changes nothing`, { tag: '@UPD-004' }, async () => {
    const api = new InProcessClient();
    const created = await entityOf(api, given.kind);
    const before = await read(api, given.kind, created.id);
    const { kind, ...instruction } = given;
    const answer = await api.patch(`/${kind}/${created.id}`, [instruction], created.etag);
    expect(answer.status, answer.text).toBe(400);
    expect(await read(api, kind, created.id)).toEqual(before);
  });
}

test('a PATCH that would make a published entity name a draft is refused', { tag: '@ORD-006' }, async () => {
  const api = new InProcessClient();
  const source = await entityOf(api, 'sourceConnections', false);
  const draftBase = await createBase(api);
  const before = await read(api, 'sourceConnections', source.id);
  const answer = await api.patch(`/sourceConnections/${source.id}`, [{ op: 'replace', path: '/baseConnectionId', value: draftBase.id }], source.etag);
  expect(answer.status, answer.text).toBe(400);
  expect(await read(api, 'sourceConnections', source.id)).toEqual(before);
});

test('a PATCH that names an entity that does not exist is refused', { tag: '@REF-002' }, async () => {
  const api = new InProcessClient();
  const flow = await entityOf(api, 'flows');
  const answer = await api.patch(`/flows/${flow.id}`, [{ op: 'add', path: '/sourceConnectionIds/-', value: crypto.randomUUID() }], flow.etag);
  expect(answer.status, answer.text).toBe(400);
  expect((await read(api, 'flows', flow.id)).sourceConnectionIds).toHaveLength(1);
});

// A create without mode refuses incomplete auth and a flow without connections; a PATCH of an enabled entity is held
// to the same rules, so it cannot reach a state no create or publish could.
const publishedInvariants: [string, { given: { kind: 'connections' | 'flows'; instruction: Record<string, unknown> } }][] = [
  ['an enabled base connection loses a required auth param', { given: { kind: 'connections', instruction: { op: 'remove', path: '/auth/params/password' } } }],
  ['an enabled flow loses all its source connections', { given: { kind: 'flows', instruction: { op: 'replace', path: '/sourceConnectionIds', value: [] } } }],
];
for (const [name, { given }] of publishedInvariants) {
  test(`a PATCH by which ${name} is refused`, async () => {
    const api = new InProcessClient();
    const created = await entityOf(api, given.kind, false);
    const answer = await api.patch(`/${given.kind}/${created.id}`, [given.instruction], created.etag);
    expect(answer.status).toBe(400);
  });
}
