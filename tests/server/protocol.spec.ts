// HTTP protocol rules: JSON bodies only (troubleshooting.md's 400 content-type body otherwise), 405 with Allow for methods a path does not take, 404 for
// paths and ids that do not exist, and error answers with a JSON problem body.
import { expect, test } from '@playwright/test';
import { baseConnectionBody } from '../support/bodies.ts';
import { createBase, read } from '../support/drafts.ts';
import { InProcessClient, PLATFORM_HEADERS } from '../support/in-process.ts';

const nonJson: [string, { given: string | undefined }][] = [
  ['text/plain', { given: 'text/plain' }],
  ['form-encoded', { given: 'application/x-www-form-urlencoded' }],
  ['multipart', { given: 'multipart/form-data; boundary=x' }],
  ['XML', { given: 'application/xml' }],
  ['no Content-Type', { given: undefined }],
];
// troubleshooting.md, "Missing or invalid Content-Type": the documented body, verbatim.
const CONTENT_TYPE_ERROR = { type: '/placeholder/type/uri', status: 400, title: 'BadRequestError', detail: 'A valid content-type must be specified' };
for (const [name, { given }] of nonJson) {
  test(`a POST with ${name} content answers the documented 400 and creates nothing`, { tag: '@API-010' }, async () => {
    const api = new InProcessClient();
    const answer = await api.post('/connections?mode=draft', baseConnectionBody(), { headers: { 'content-type': given } });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(CONTENT_TYPE_ERROR);
    expect(api.service.store.size).toBe(0);
  });

  test(`a PATCH with ${name} content answers the documented 400 and changes nothing`, { tag: '@API-010' }, async () => {
    const api = new InProcessClient();
    const base = await createBase(api);
    const before = await read(api, 'connections', base.id);
    const answer = await api.call('PATCH', `/connections/${base.id}`, {
      body: [{ op: 'replace', path: '/name', value: 'x' }],
      headers: { 'if-match': base.etag, 'content-type': given },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(CONTENT_TYPE_ERROR);
    expect(await read(api, 'connections', base.id)).toEqual(before);
  });
}

const jsonTypes = ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/json-patch+json'];
for (const type of jsonTypes) {
  test(`a body sent as ${type} is accepted`, async () => {
    const api = new InProcessClient();
    const answer = await api.post('/connections?mode=draft', baseConnectionBody(), { headers: { 'content-type': type } });
    expect(answer.status).toBe(201);
  });
}

test('publish needs no body and no Content-Type', { tag: '@PUB-001' }, async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  const answer = await api.call('POST', `/connections/${base.id}/action?op=publish`, { headers: { 'content-type': undefined } });
  expect(answer.status).toBe(200);
});

const notAllowed: [string, { given: { method: string; path: string }; want: string[] }][] = [
  ['PUT on an entity', { given: { method: 'PUT', path: '/connections/{id}' }, want: ['GET', 'PATCH', 'DELETE'] }],
  ['PUT on a collection', { given: { method: 'PUT', path: '/connections' }, want: ['GET', 'POST'] }],
  ['DELETE on a collection', { given: { method: 'DELETE', path: '/flows' }, want: ['GET', 'POST'] }],
  ['PATCH on a collection', { given: { method: 'PATCH', path: '/sourceConnections' }, want: ['GET', 'POST'] }],
  ['POST on an entity', { given: { method: 'POST', path: '/connections/{id}' }, want: ['GET', 'PATCH', 'DELETE'] }],
  ['GET on an action', { given: { method: 'GET', path: '/connections/{id}/action?op=publish' }, want: ['POST'] }],
  ['POST on a connection spec', { given: { method: 'POST', path: '/connectionSpecs' }, want: ['GET'] }],
];
for (const [name, { given, want }] of notAllowed) {
  test(`${name} answers 405 with an Allow header naming the methods the path takes`, async () => {
    const api = new InProcessClient();
    const base = await createBase(api);
    const before = await read(api, 'connections', base.id);
    const answer = await api.call(given.method, given.path.replace('{id}', base.id), { body: { name: 'x' } });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow?.split(/,\s*/).sort()).toEqual([...want].sort());
    expect(await read(api, 'connections', base.id)).toEqual(before);
    expect(api.service.store.size).toBe(1);
  });
}

const unknownPaths = ['/nothing', '/connection', '/connections/{id}/publish', '/connections/{id}/action/extra', '/flows/{id}/action/x/y', '/connectionSpecs/x/action', '/'];
for (const path of unknownPaths) {
  test(`the unknown path ${path} answers 404`, async () => {
    const api = new InProcessClient();
    const base = await createBase(api);
    const answer = await api.get(path.replace('{id}', base.id));
    expect(answer.status).toBe(404);
    expect(answer.body).toHaveProperty('status', 404);
  });
}

test('a path outside the service base path answers 404', async () => {
  const api = new InProcessClient();
  const answer = await api.service.handle({ method: 'GET', url: '/data/foundation/other/connections', headers: PLATFORM_HEADERS });
  expect(answer.status).toBe(404);
});

for (const collection of ['connections', 'sourceConnections', 'targetConnections', 'flows', 'connectionSpecs', 'flowSpecs']) {
  test(`GET /${collection}/<unknown id> answers 404 with a JSON problem body`, { tag: ['@API-006', '@API-009'] }, async () => {
    const api = new InProcessClient();
    const answer = await api.get(`/${collection}/${crypto.randomUUID()}`);
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.body).toMatchObject({ status: 404, title: expect.any(String), type: expect.stringMatching(/-404$/) });
  });
}

// labels.md: a missing flow answers FLOW-1439-404, its report naming the id and the collection ("type": "flows").
test('GET /flows/<unknown id> answers FLOW-1439-404 with report.id and report.type', { tag: '@API-006' }, async () => {
  const api = new InProcessClient();
  const id = crypto.randomUUID();
  const answer = await api.get(`/flows/${id}`);
  expect(answer.status).toBe(404);
  expect(answer.body).toMatchObject({
    type: 'https://ns.adobe.com/aep/errors/FLOW-1439-404',
    status: 404,
    report: { id, type: 'flows', 'request-id': answer.headers['x-request-id'], 'detailed-message': expect.stringContaining(id) },
  });
});

test('a trailing slash names the same resource', async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  expect((await api.get(`/connections/${base.id}/`)).status).toBe(200);
  expect((await api.get('/connections/')).body.items).toHaveLength(1);
});

test('every answer carries a request id, and each is different', async () => {
  const api = new InProcessClient();
  const ids = new Set<string | undefined>();
  for (let i = 0; i < 3; i++) ids.add((await api.get('/connections')).headers['x-request-id']);
  ids.add((await api.get('/nothing')).headers['x-request-id']);
  expect(ids.size).toBe(4);
  expect(ids.has(undefined)).toBe(false);
});
