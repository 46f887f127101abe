// Sandbox isolation: each x-sandbox-name has its own entities; one sandbox can neither see nor touch another's.
// Without the header a request is in `prod`.
import { expect, test } from '@playwright/test';
import { baseConnectionBody } from '../support/bodies.ts';
import { countOf, create, entityOf, KINDS, NOUN, publish, read } from '../support/drafts.ts';
import { InProcessClient } from '../support/in-process.ts';

const A = 'sandbox-a';
const B = 'sandbox-b';

/** The same client, but its requests go to `sandbox` unless a call names another. */
function inSandbox(api: InProcessClient, sandbox: string): InProcessClient {
  return new Proxy(api, {
    get(target, key) {
      if (key !== 'call') return Reflect.get(target, key);
      return (method: string, path: string, options: Parameters<InProcessClient['call']>[2] = {}) =>
        target.call(method, path, { sandbox, ...options });
    },
  });
}

for (const kind of KINDS) {
  test(`a ${NOUN[kind]} made in one sandbox is 404 from another for GET, PATCH, publish and DELETE`, { tag: '@API-004' }, async () => {
    const api = new InProcessClient();
    const created = await entityOf(inSandbox(api, A), kind);
    const before = await read(api, kind, created.id, A);
    const fromB = [
      await api.get(`/${kind}/${created.id}`, { sandbox: B }),
      await api.patch(`/${kind}/${created.id}`, [{ op: 'replace', path: '/name', value: 'from b' }], created.etag, { sandbox: B }),
      await publish(api, kind, created.id, 'publish', B),
      await api.delete(`/${kind}/${created.id}`, { sandbox: B }),
    ];
    expect(fromB.map((a) => a.status)).toEqual([404, 404, 404, 404]);
    expect(await read(api, kind, created.id, A)).toEqual(before);
  });

  test(`a ${NOUN[kind]} made in one sandbox is absent from another's list and count`, { tag: '@API-004' }, async () => {
    const api = new InProcessClient();
    const created = await entityOf(inSandbox(api, A), kind);
    const listedInB = await api.get(`/${kind}?property=id==${created.id}`, { sandbox: B });
    expect(listedInB.body.items).toEqual([]);
    expect((await api.get(`/${kind}`, { sandbox: B })).body.items).toEqual([]);
    expect(await countOf(api, kind, B)).toBe(0);
    expect((await api.get(`/${kind}?property=id==${created.id}`, { sandbox: A })).body.items).toHaveLength(1);
  });
}

test('a source connection cannot name a base connection of another sandbox', { tag: ['@API-004', '@REF-001'] }, async () => {
  const api = new InProcessClient();
  const base = await entityOf(inSandbox(api, A), 'connections');
  const answer = await api.post('/sourceConnections?mode=draft', { name: 's', baseConnectionId: base.id, connectionSpec: baseConnectionBody().connectionSpec }, { sandbox: B });
  expect(answer.status).toBe(400);
  expect(api.service.store.size).toBe(1);
});

test('flows in one sandbox do not block deleting an unused base connection in another', async () => {
  const api = new InProcessClient();
  const inA = await entityOf(inSandbox(api, A), 'flows');
  const baseInB = await entityOf(inSandbox(api, B), 'connections');
  expect((await api.delete(`/connections/${baseInB.id}`, { sandbox: B })).status).toBe(204);
  expect((await api.get(`/flows/${inA.id}`, { sandbox: A })).status).toBe(200);
});

const prodSpellings: [string, { given: string | undefined }][] = [
  ['no x-sandbox-name', { given: undefined }],
  ['an empty x-sandbox-name', { given: '' }],
];
for (const [name, { given }] of prodSpellings) {
  test(`a request with ${name} is in the prod sandbox`, async () => {
    const api = new InProcessClient();
    const made = await api.post('/connections?mode=draft', baseConnectionBody(), { headers: { 'x-sandbox-name': given } });
    expect(made.status).toBe(201);
    const item = await read(api, 'connections', made.body.id, 'prod');
    expect(item.sandboxName).toBe('prod');
    expect((await api.get(`/connections/${made.body.id}`, { sandbox: A })).status).toBe(404);

    const inProd = await create(api, 'connections', baseConnectionBody());
    const seen = await api.get(`/connections/${inProd.id}`, { headers: { 'x-sandbox-name': given } });
    expect(seen.status).toBe(200);
  });
}

test('GET shows the sandbox an entity lives in', async () => {
  const api = new InProcessClient();
  const created = await entityOf(inSandbox(api, A), 'connections');
  expect((await read(api, 'connections', created.id, A)).sandboxName).toBe(A);
});
