// API: credentials, sandboxes, bodies and the checks that hold for every answer.
import { bodyOf, isSuccess, type FlowClient } from './support/client.ts';
import { requireDrafts, test } from './support/fixtures.ts';
import type { Recorder } from './support/recorder.ts';
import { expectFact, expectStatus } from './support/verdicts.ts';

async function expectNoneNamed(api: FlowClient, name: string, requirement: string): Promise<void> {
  const listed = await api.list('connections', `property=name==${encodeURIComponent(name)}`);
  const items = bodyOf(listed).items;
  expectFact(isSuccess(listed) && Array.isArray(items) && items.length === 0, requirement, `no connection named ${name}`, items, listed);
}

test('a request without a valid token is refused with 401 or 403 and changes nothing', { tag: '@API-001' }, async ({ api, build }) => {
  for (const authorization of [undefined, 'Bearer kit-invalid-token']) {
    const body = build.base();
    const exchange = await api.send('POST', '/connections', { body, headers: { authorization } });
    expectStatus(exchange, [401, 403], 'API-001', authorization ? 'the token is invalid' : 'no Authorization header');
    await expectNoneNamed(api, String(body.name), 'API-001');
  }
  expectStatus(await api.send('GET', '/connections?limit=1', { headers: { authorization: 'Bearer kit-invalid-token' } }), [401, 403], 'API-001');
});

test('a request without x-api-key is refused', { tag: ['@API-002', '@read-only'] }, async ({ api }) => {
  expectStatus(await api.send('GET', '/connections?limit=1', { headers: { 'x-api-key': undefined } }), '4xx', 'API-002', 'no x-api-key header');
});

test('a request without x-gw-ims-org-id is refused', { tag: ['@API-003', '@read-only'] }, async ({ api }) => {
  expectStatus(await api.send('GET', '/connections?limit=1', { headers: { 'x-gw-ims-org-id': undefined } }), '4xx', 'API-003', 'no x-gw-ims-org-id header');
});

test('an entity of one sandbox cannot be read, listed, updated, published or deleted from another', { tag: '@API-004' }, async ({ api, steps, build, discovery, target }) => {
  test.skip(!target.otherSandbox, 'not-applicable: no second sandbox configured (set AEP_OTHER_SANDBOX_NAME)');
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  const other = api.inSandbox(target.otherSandbox!);
  expectStatus(await other.get('connections', draft.id), '4xx', 'API-004', 'read from the other sandbox');
  const listed = await other.list('connections', `property=id==${draft.id}`);
  const items = bodyOf(listed).items;
  expectFact(!isSuccess(listed) || (Array.isArray(items) && items.length === 0), 'API-004', 'the other sandbox not to list it', items, listed);
  expectStatus(await other.patch('connections', draft.id, [{ op: 'replace', path: '/description', value: 'x' }], draft.etag), '4xx', 'API-004', 'update from the other sandbox');
  expectStatus(await other.action('connections', draft.id, 'publish'), '4xx', 'API-004', 'publish from the other sandbox');
  expectStatus(await other.remove('connections', draft.id), '4xx', 'API-004', 'delete from the other sandbox');
  const { item, exchange } = await steps.read('connections', draft.id);
  expectFact(item.state === 'draft' && item.etag === draft.etag, 'API-004', 'the entity unchanged in its own sandbox', { state: item.state, etag: item.etag }, exchange);
});

test('a malformed JSON body answers 400 and creates nothing', { tag: '@API-005' }, async ({ api, build }) => {
  const name = build.name('malformed');
  for (const rawBody of [`{"name": "${name}", "connectionSpec": {`, `{"name": "${name}",}`, `{'name': '${name}'}`]) {
    const exchange = await api.send('POST', '/connections', { rawBody, headers: { 'content-type': 'application/json' } });
    expectStatus(exchange, 400, 'API-005', 'the body is not JSON');
  }
  await expectNoneNamed(api, name, 'API-005');
});

test('GET of an id that does not exist answers 404', { tag: ['@API-006', '@read-only'] }, async ({ api }) => {
  for (const kind of ['connections', 'sourceConnections', 'targetConnections', 'flows'] as const) {
    expectStatus(await api.get(kind, `kit-missing-${Date.now().toString(36)}`), 404, 'API-006');
  }
});

function ownViolations(recorder: Recorder, requirement: string): string[] {
  return recorder.violations.filter((v) => v.requirement === requirement).map((v) => v.message);
}

/** Every operation once, valid and invalid, so the every-exchange checks see the whole surface at least here. */
async function tour(api: FlowClient, steps: import('./support/steps.ts').Steps): Promise<void> {
  const { build } = steps;
  await api.send('GET', '/connectionSpecs');
  await api.send('GET', '/flowSpecs');
  const { source, target } = await steps.liveConnections();
  const flow = await api.create('flows', build.flow([source.id], [target.id]), null);
  for (const kind of ['connections', 'sourceConnections', 'targetConnections', 'flows'] as const) {
    await api.list(kind, 'limit=2');
    await api.list(kind, 'count=true');
    await api.get(kind, 'kit-missing');
    await api.send('POST', `/${kind}`, { rawBody: '{"truncated": ', headers: { 'content-type': 'application/json' } });
    await api.send('POST', `/${kind}`, { body: [] });
    await api.send('PATCH', `/${kind}/kit-missing`, { body: { op: 'move' }, headers: { 'if-match': '"x"' } });
    await api.action(kind, 'kit-missing', 'publish');
  }
  const flowId = String(bodyOf(flow).id);
  await api.patch('flows', flowId, [{ op: 'replace', path: '/name', value: `${build.name('tour')}-ü-✓` }], await steps.currentEtag('flows', flowId));
}

test('no request gets a 5xx answer', { tag: '@API-007' }, async ({ api, steps, recorder }) => {
  await tour(api, steps);
  const violations = ownViolations(recorder, 'API-007');
  expectFact(violations.length === 0, 'API-007', 'no 5xx answer', violations);
});

test('every 2xx answer validates against its operation schema', { tag: '@API-008' }, async ({ api, steps, recorder }) => {
  await tour(api, steps);
  const violations = ownViolations(recorder, 'API-008');
  expectFact(violations.length === 0, 'API-008', 'every 2xx body valid against specs/flow-service.yaml', violations);
});

test('error answers carry a JSON body', { tag: '@API-009' }, async ({ api, steps, build, recorder }) => {
  await api.get('connections', 'kit-missing');
  await api.send('POST', '/connections', { rawBody: '{', headers: { 'content-type': 'application/json' } });
  const live = await steps.nonDraft('connections', build.base());
  await api.patch('connections', live.id, [{ op: 'replace', path: '/description', value: 'x' }], '"kit-stale"');
  const errors = recorder.exchanges.filter((e) => (e.response?.status ?? 0) >= 400);
  expectFact(errors.length >= 3, 'API-009', 'at least three error answers to inspect', errors.length);
  for (const exchange of errors) {
    expectFact(exchange.response?.body !== undefined && typeof exchange.response.body === 'object', 'API-009', 'a JSON error body', exchange.response?.text, exchange);
  }
});

test('a POST or PATCH whose Content-Type is not application/json is refused', { tag: '@API-010' }, async ({ api, steps, build }) => {
  const body = JSON.stringify(build.base());
  expectStatus(await api.send('POST', '/connections', { rawBody: body, headers: { 'content-type': 'text/plain' } }), '4xx', 'API-010', 'Content-Type: text/plain');
  const live = await steps.nonDraft('connections', build.base());
  const patch = JSON.stringify([{ op: 'replace', path: '/description', value: 'x' }]);
  expectStatus(await api.send('PATCH', `/connections/${live.id}`, { rawBody: patch, headers: { 'content-type': 'text/plain', 'if-match': live.etag } }), '4xx', 'API-010', 'Content-Type: text/plain');
});
