// A corpus of bad input. Each request must answer a 4xx (never a 5xx) and leave the store as it was: no entity
// created or deleted, and the entities it aimed at read back exactly as before.
import { expect, test } from '@playwright/test';
import { startReferenceServer, type RunningServer } from '../../server/listen.ts';
import { baseConnectionBody, flowBody, sourceConnectionBody, targetConnectionBody } from '../support/bodies.ts';
import { chain, create, read, type Chain } from '../support/drafts.ts';
import { InProcessClient, PLATFORM_HEADERS } from '../support/in-process.ts';

interface BadRequest {
  /** `{base}`, `{source}`, `{target}` and `{flow}` in path or body stand for the seeded draft chain's ids. */
  given: { method: string; path: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; ifMatch?: 'current' };
  want: number;
}

const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { deeper: nested(depth - 1) });
const patch = (path: string, body: unknown, rawBody?: string): BadRequest['given'] => ({
  method: 'PATCH', path, ifMatch: 'current', ...(rawBody === undefined ? { body } : { rawBody }),
});
const replaceName = [{ op: 'replace', path: '/name', value: 'changed' }];

const corpus: [string, BadRequest][] = [
  // bodies that are not JSON, or not the JSON a create takes
  ['a truncated JSON body', { given: { method: 'POST', path: '/connections?mode=draft', rawBody: '{"name": "trunc' }, want: 400 }],
  ['JSON with single quotes', { given: { method: 'POST', path: '/connections?mode=draft', rawBody: "{'name': 'x'}" }, want: 400 }],
  ['JSON followed by garbage', { given: { method: 'POST', path: '/connections?mode=draft', rawBody: '{"name": "x"} trailing' }, want: 400 }],
  ['a lone brace', { given: { method: 'POST', path: '/flows?mode=draft', rawBody: '{' }, want: 400 }],
  ['an empty body', { given: { method: 'POST', path: '/connections?mode=draft', rawBody: '' }, want: 400 }],
  ['a whitespace body', { given: { method: 'POST', path: '/connections?mode=draft', rawBody: ' \n ' }, want: 400 }],
  ['a byte-order mark and garbage', { given: { method: 'POST', path: '/connections?mode=draft', rawBody: '\uFEFF{x}' }, want: 400 }],
  ['a JSON array as create body', { given: { method: 'POST', path: '/connections?mode=draft', body: [baseConnectionBody()] }, want: 400 }],
  ['a JSON string as create body', { given: { method: 'POST', path: '/connections?mode=draft', body: 'connection' }, want: 400 }],
  ['JSON null as create body', { given: { method: 'POST', path: '/connections?mode=draft', rawBody: 'null' }, want: 400 }],
  ['a JSON number as create body', { given: { method: 'POST', path: '/flows?mode=draft', rawBody: '42' }, want: 400 }],
  ['an empty object as create body', { given: { method: 'POST', path: '/connections?mode=draft', body: {} }, want: 400 }],
  ['64-level deep nesting', { given: { method: 'POST', path: '/connections?mode=draft', body: { ...baseConnectionBody(), extra: nested(64) } }, want: 400 }],
  ['64-level deep arrays', { given: { method: 'POST', path: '/connections?mode=draft', rawBody: `{"name":${'['.repeat(64)}${']'.repeat(64)}}` }, want: 400 }],
  // wrong types
  ['name: 5', { given: { method: 'POST', path: '/connections?mode=draft', body: { ...baseConnectionBody(), name: 5 } }, want: 400 }],
  ['description: null', { given: { method: 'POST', path: '/connections?mode=draft', body: { ...baseConnectionBody(), description: null } }, want: 400 }],
  ['connectionSpec: "x"', { given: { method: 'POST', path: '/connections?mode=draft', body: { ...baseConnectionBody(), connectionSpec: 'x' } }, want: 400 }],
  ['connectionSpec without an id', { given: { method: 'POST', path: '/connections?mode=draft', body: { ...baseConnectionBody(), connectionSpec: { version: '1.0' } } }, want: 400 }],
  ['auth: []', { given: { method: 'POST', path: '/connections?mode=draft', body: { ...baseConnectionBody(), auth: [] } }, want: 400 }],
  ['auth.params: "x"', { given: { method: 'POST', path: '/connections?mode=draft', body: { ...baseConnectionBody(), auth: { params: 'x' } } }, want: 400 }],
  ['sourceConnectionIds: "x"', { given: { method: 'POST', path: '/flows?mode=draft', body: { ...flowBody(['{source}'], ['{target}']), sourceConnectionIds: 'x' } }, want: 400 }],
  ['targetConnectionIds: [1]', { given: { method: 'POST', path: '/flows?mode=draft', body: { ...flowBody(['{source}'], ['{target}']), targetConnectionIds: [1] } }, want: 400 }],
  // a spec's version and a flow's transformations (DECISIONS #20, #40): a draft may leave them out, not mistype them
  ['connectionSpec.version: 1', { given: { method: 'POST', path: '/connections?mode=draft', body: { ...baseConnectionBody(), connectionSpec: { ...baseConnectionBody().connectionSpec, version: 1 } } }, want: 400 }],
  ['connectionSpec.version: 1 on a live create', { given: { method: 'POST', path: '/connections', body: { ...baseConnectionBody(), connectionSpec: { ...baseConnectionBody().connectionSpec, version: 1 } } }, want: 400 }],
  ['a source connection\'s connectionSpec.version: {}', { given: { method: 'POST', path: '/sourceConnections?mode=draft', body: { ...sourceConnectionBody('{base}'), connectionSpec: { ...sourceConnectionBody('').connectionSpec, version: {} } } }, want: 400 }],
  ['a target connection\'s connectionSpec.version: null', { given: { method: 'POST', path: '/targetConnections?mode=draft', body: { ...targetConnectionBody(), connectionSpec: { ...targetConnectionBody().connectionSpec, version: null } } }, want: 400 }],
  ['flowSpec.version: ["1.0"]', { given: { method: 'POST', path: '/flows?mode=draft', body: { ...flowBody(['{source}'], ['{target}']), flowSpec: { ...flowBody([], []).flowSpec, version: ['1.0'] } } }, want: 400 }],
  ['transformations: [1]', { given: { method: 'POST', path: '/flows?mode=draft', body: { ...flowBody(['{source}'], ['{target}']), transformations: [1] } }, want: 400 }],
  ['transformations: ["x"]', { given: { method: 'POST', path: '/flows?mode=draft', body: { ...flowBody(['{source}'], ['{target}']), transformations: ['x'] } }, want: 400 }],
  ['transformations: [{ params: "x" }]', { given: { method: 'POST', path: '/flows?mode=draft', body: { ...flowBody(['{source}'], ['{target}']), transformations: [{ name: 'Mapping', params: 'x' }] } }, want: 400 }],
  ['transformations: [{ name: 5 }]', { given: { method: 'POST', path: '/flows?mode=draft', body: { ...flowBody(['{source}'], ['{target}']), transformations: [{ name: 5, params: {} }] } }, want: 400 }],
  ['baseConnectionId: 7', { given: { method: 'POST', path: '/sourceConnections?mode=draft', body: { ...sourceConnectionBody('{base}'), baseConnectionId: 7 } }, want: 400 }],
  ['a flow without flowSpec', { given: { method: 'POST', path: '/flows?mode=draft', body: { ...flowBody(['{source}'], ['{target}']), flowSpec: undefined } }, want: 400 }],
  ['a connection spec that does not exist', { given: { method: 'POST', path: '/connections?mode=draft', body: { ...baseConnectionBody(), connectionSpec: { id: 'nope', version: '1.0' } } }, want: 400 }],
  ['a "__proto__" key smuggling the connection spec', {
    given: { method: 'POST', path: '/connections?mode=draft', rawBody: JSON.stringify({ name: 'x' }).replace('}', `,"__proto__":${JSON.stringify({ connectionSpec: baseConnectionBody().connectionSpec })}}`) },
    want: 400,
  }],
  // ids of the wrong kind, or of nothing
  ['a flow id used as baseConnectionId', { given: { method: 'POST', path: '/sourceConnections?mode=draft', body: sourceConnectionBody('{flow}') }, want: 400 }],
  ['a target connection id used as a source connection id', { given: { method: 'POST', path: '/flows?mode=draft', body: flowBody(['{target}'], ['{target}']) }, want: 400 }],
  ['a base connection id used as a target connection id', { given: { method: 'POST', path: '/flows?mode=draft', body: flowBody(['{source}'], ['{base}']) }, want: 400 }],
  ['a source connection naming a base connection that does not exist', { given: { method: 'POST', path: '/sourceConnections?mode=draft', body: sourceConnectionBody('no-such-id') }, want: 400 }],
  ['a target connection naming a base connection that does not exist', { given: { method: 'POST', path: '/targetConnections?mode=draft', body: { ...targetConnectionBody(), baseConnectionId: 'no-such-id' } }, want: 400 }],
  ['GET /flows/<a connection id>', { given: { method: 'GET', path: '/flows/{base}' }, want: 404 }],
  ['PATCH /connections/<a flow id>', { given: patch('/connections/{flow}', replaceName), want: 404 }],
  ['publish /sourceConnections/<a target connection id>', { given: { method: 'POST', path: '/sourceConnections/{target}/action?op=publish' }, want: 404 }],
  ['DELETE /targetConnections/<a source connection id>', { given: { method: 'DELETE', path: '/targetConnections/{source}' }, want: 404 }],
  // paths and methods that do not exist
  ['an unknown collection', { given: { method: 'POST', path: '/dataflows', body: {} }, want: 404 }],
  ['a path one segment too deep', { given: { method: 'DELETE', path: '/connections/{base}/action/now' }, want: 404 }],
  ['an action other than /action', { given: { method: 'POST', path: '/connections/{base}/publish' }, want: 404 }],
  ['a percent sign that decodes to nothing', { given: { method: 'GET', path: '/connections/%E0%A4%A' }, want: 404 }],
  ['PUT on an entity', { given: { method: 'PUT', path: '/connections/{base}', body: baseConnectionBody() }, want: 405 }],
  ['DELETE on a collection', { given: { method: 'DELETE', path: '/connections' }, want: 405 }],
  ['an OPTIONS request', { given: { method: 'OPTIONS', path: '/flows/{flow}' }, want: 405 }],
  ['a made-up method', { given: { method: 'FROBNICATE', path: '/flows/{flow}' }, want: 405 }],
  // JSON Patch bodies
  ['a patch path /__proto__/x', { given: patch('/connections/{base}', [{ op: 'add', path: '/__proto__/x', value: 1 }]), want: 400 }],
  ['a patch path /constructor/prototype', { given: patch('/connections/{base}', [{ op: 'add', path: '/constructor/prototype', value: { polluted: true } }]), want: 400 }],
  ['a patch path /auth/__proto__', { given: patch('/connections/{base}', [{ op: 'replace', path: '/auth/__proto__', value: {} }]), want: 400 }],
  ['a replace of the missing key /a~1b', { given: patch('/connections/{base}', [{ op: 'replace', path: '/a~1b', value: 1 }]), want: 400 }],
  ['a patch path without a leading slash', { given: patch('/connections/{base}', [{ op: 'replace', path: 'name', value: 'x' }]), want: 400 }],
  ['an empty patch path (the whole document)', { given: patch('/connections/{base}', [{ op: 'replace', path: '', value: {} }]), want: 400 }],
  ['a patch path into a missing parent', { given: patch('/connections/{base}', [{ op: 'add', path: '/no/such', value: 1 }]), want: 400 }],
  ['a remove of a missing key', { given: patch('/connections/{base}', [{ op: 'remove', path: '/nothing' }]), want: 400 }],
  ['an array index past the end', { given: patch('/flows/{flow}', [{ op: 'add', path: '/sourceConnectionIds/5', value: '{source}' }]), want: 400 }],
  ['an array index with a leading zero', { given: patch('/flows/{flow}', [{ op: 'replace', path: '/sourceConnectionIds/00', value: '{source}' }]), want: 400 }],
  ['a replace without value', { given: patch('/connections/{base}', [{ op: 'replace', path: '/name' }]), want: 400 }],
  ['a patch instruction that is a string', { given: patch('/connections/{base}', ['replace /name']), want: 400 }],
  // a single instruction object is a documented form (DECISIONS #1); a body that is neither object nor array is not
  ['a patch body that is neither an instruction nor an array', { given: patch('/connections/{base}', 'replace /name'), want: 400 }],
  ['an empty patch array', { given: patch('/connections/{base}', []), want: 400 }],
  ['a malformed patch body', { given: patch('/connections/{base}', undefined, '[{"op":'), want: 400 }],
  ['patch op move', { given: patch('/connections/{base}', [{ op: 'move', from: '/name', path: '/title' }]), want: 400 }],
  ['patch op copy', { given: patch('/connections/{base}', [{ op: 'copy', from: '/name', path: '/title' }]), want: 400 }],
  ['patch op test', { given: patch('/connections/{base}', [{ op: 'test', path: '/name', value: 'x' }]), want: 400 }],
  ['a patch without op', { given: patch('/connections/{base}', [{ path: '/name', value: 'x' }]), want: 400 }],
  ['a patch giving name a number', { given: patch('/connections/{base}', [{ op: 'replace', path: '/name', value: 5 }]), want: 400 }],
  ['a patch giving sourceConnectionIds a string', { given: patch('/flows/{flow}', [{ op: 'replace', path: '/sourceConnectionIds', value: 'x' }]), want: 400 }],
  ['a patch giving transformations an item 1', { given: patch('/flows/{flow}', [{ op: 'add', path: '/transformations', value: [1] }]), want: 400 }],
  ['a patch giving a transformation params "x"', { given: patch('/flows/{flow}', [{ op: 'add', path: '/transformations', value: [{ name: 'Mapping', params: 'x' }] }]), want: 400 }],
  ['a patch 64 levels deep', { given: patch('/connections/{base}', [{ op: 'add', path: '/extra', value: nested(64) }]), want: 400 }],
];

function fill(text: string, ids: Chain): string {
  return text.replace(/\{(base|source|target|flow)\}/g, (_, key: keyof Chain) => ids[key].id);
}

for (const [name, { given, want }] of corpus) {
  test(`bad input: ${name} answers ${want} and changes nothing`, { tag: '@API-007' }, async () => {
    const api = new InProcessClient();
    const ids = await chain(api);
    const snapshot = async () => [
      await read(api, 'connections', ids.base.id), await read(api, 'sourceConnections', ids.source.id),
      await read(api, 'targetConnections', ids.target.id), await read(api, 'flows', ids.flow.id),
    ];
    const before = await snapshot();
    const size = api.service.store.size;

    const body = given.rawBody ?? (given.body === undefined ? undefined : fill(JSON.stringify(given.body), ids));
    const headers: Record<string, string> = { ...given.headers };
    if (given.ifMatch) headers['if-match'] = before[given.path.includes('{flow}') ? 3 : 0]!.etag;
    const answer = await api.call(given.method, fill(given.path, ids), { headers, ...(body === undefined ? {} : { rawBody: body }) });

    expect(answer.status, `${given.method} ${given.path}: expected ${want}, received ${answer.status} ${answer.text} [API-007]`).toBe(want);
    expect(answer.body, 'the error has a JSON body').toHaveProperty('status', want);
    expect(api.service.store.size).toBe(size);
    expect(await snapshot()).toEqual(before);
  });
}

const names: [string, { given: string }][] = [
  ['unicode letters, emoji and combining marks', { given: 'Données 数据 🚀 ﷽ e\u0301 \u200d' }],
  ['10,000 characters', { given: 'n'.repeat(10_000) }],
  ['control characters and quotes', { given: '\u0000\t"\\\n</script>' }],
  ['2,000 astral-plane characters', { given: '𝔸'.repeat(2_000) }],
];
for (const [name, { given }] of names) {
  test(`a name of ${name} is accepted and round-trips exactly, on create and on PATCH`, async () => {
    const api = new InProcessClient();
    const made = await api.post('/connections?mode=draft', { ...baseConnectionBody(), name: given });
    expect(made.status).toBe(201);
    expect((await read(api, 'connections', made.body.id)).name).toBe(given);
    const listed = await api.get(`/connections?property=id==${made.body.id}`);
    expect(listed.body.items[0].name).toBe(given);
    const renamed = await api.patch(`/connections/${made.body.id}`, [{ op: 'replace', path: '/description', value: given }], made.body.etag);
    expect(renamed.status).toBe(200);
    expect((await read(api, 'connections', made.body.id)).description).toBe(given);
  });
}

// The controls of the version and transformations refusals above: the same bodies, well typed, are accepted and
// read back as sent, on create and on PATCH; a version left out stays accepted (DECISIONS #20)
test('a string spec version, none at all, and transformations of objects are accepted and read back as sent', { tag: '@API-011' }, async () => {
  const api = new InProcessClient();
  const ids = await chain(api);
  const spec = baseConnectionBody().connectionSpec;
  for (const [connectionSpec, draft] of [[{ ...spec, version: '2.0' }, true], [{ ...spec, version: '2.0' }, false], [{ id: spec.id }, true]] as const) {
    const made = await create(api, 'connections', { ...baseConnectionBody(), connectionSpec }, draft);
    expect((await read(api, 'connections', made.id)).connectionSpec).toEqual(connectionSpec);
  }
  const source = await create(api, 'sourceConnections', { ...sourceConnectionBody(ids.base.id), connectionSpec: { ...spec, version: '2.0' } });
  expect((await read(api, 'sourceConnections', source.id)).connectionSpec.version).toBe('2.0');
  const transformations = [{ name: 'Mapping', params: { mappingId: 'm-1', mappingVersion: 0 } }, {}];
  const flow = await create(api, 'flows', { ...flowBody([ids.source.id], [ids.target.id]), flowSpec: { ...flowBody([], []).flowSpec, version: '2.0' }, transformations });
  expect(await read(api, 'flows', flow.id)).toMatchObject({ flowSpec: { version: '2.0' }, transformations });

  const wrong = await api.post('/flows?mode=draft', { ...flowBody([ids.source.id], [ids.target.id]), transformations: [1] });
  expect(wrong.status).toBe(400);
  expect(wrong.body.type, 'the problem shape and code of every request-schema refusal').toMatch(/FLOW-1400-400$/);
  const patched = [{ name: 'GeneralTransform', params: { segmentSelectors: { selectors: [] } } }];
  const answer = await api.patch(`/flows/${ids.flow.id}`, [{ op: 'add', path: '/transformations', value: patched }], ids.flow.etag);
  expect(answer.status, answer.text).toBe(200);
  expect((await read(api, 'flows', ids.flow.id)).transformations).toEqual(patched);
});

test('a "__proto__" key in a create body is kept as a plain field, not as the prototype', async () => {
  const api = new InProcessClient();
  const raw = JSON.stringify(baseConnectionBody()).replace(/}$/, ',"__proto__":{"hidden":true}}');
  const made = await api.call('POST', '/connections?mode=draft', { rawBody: raw });
  expect(made.status, made.text).toBe(201);
  const got = await api.get(`/connections/${made.body.id}`);
  expect(got.text).toContain('"__proto__":{"hidden":true}');
  expect(got.body.items[0].hidden).toBeUndefined();
  const renamed = await api.patch(`/connections/${made.body.id}`, [{ op: 'replace', path: '/name', value: 'renamed' }], made.body.etag);
  expect(renamed.status).toBe(200);
  expect((await api.get(`/connections/${made.body.id}`)).text).toContain('"__proto__":{"hidden":true}');
});

test.describe('over a real socket', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startReferenceServer({ credentials: (new InProcessClient()).service.credentials });
  });
  test.afterAll(async () => {
    await server.close();
  });

  test('a 2 MB body answers 413 and creates nothing', { tag: '@API-007' }, async () => {
    const before = server.service.store.size;
    const body = JSON.stringify({ ...baseConnectionBody(), description: 'x'.repeat(2 * 1024 * 1024) });
    const answer = await fetch(`${server.url}/connections?mode=draft`, {
      method: 'POST', headers: { ...PLATFORM_HEADERS, 'content-type': 'application/json' }, body,
    });
    expect(answer.status).toBe(413);
    expect(await answer.json()).toHaveProperty('status', 413);
    expect(server.service.store.size).toBe(before);
  });

  test('a body just under the limit is parsed as usual', async () => {
    const body = JSON.stringify({ ...baseConnectionBody(), description: 'x'.repeat(1000 * 1024) });
    const answer = await fetch(`${server.url}/connections?mode=draft`, {
      method: 'POST', headers: { ...PLATFORM_HEADERS, 'content-type': 'application/json' }, body,
    });
    expect(answer.status).toBe(201);
  });
});
