// API: credentials, sandboxes, bodies and the checks that hold for every answer. A refusal counts beside its control
// (the same request without the rule's trigger succeeds), and "nothing was created" is shown by a list by name that
// holds no item of that name, and does hold the control's.
import { bodyOf, isSuccess, type FlowClient } from './support/client.ts';
import { requireDrafts, test } from './support/fixtures.ts';
import { expectNoneNamed, requireListedByName } from './support/listing.ts';
import type { Recorder } from './support/recorder.ts';
import type { Steps } from './support/steps.ts';
import { CouldNotCheck, expectFact, expectStatus, requireEvidence, where } from './support/verdicts.ts';

/** The control of a refused create: the same body, sent as the kit always sends it, is created and listed by its name. */
async function controlCreate(api: FlowClient, steps: Steps, body: Record<string, unknown>, requirement: string): Promise<void> {
  const made = await steps.nonDraft('connections', body);
  await requireListedByName(api, 'connections', String(body.name), made.id, requirement);
}

/** The control of a refused GET: the same GET with every Platform header the kit sends answers 200. */
async function controlGet(api: FlowClient, requirement: string): Promise<void> {
  const control = await api.send('GET', '/connections?limit=1');
  if (control.response?.status !== 200) throw new CouldNotCheck(`${where(control)}: could not check: the same GET with the kit's headers answered ${control.response?.status ?? 'nothing'}, so the refusal may not be for the header [${requirement}]`);
}

// Every refusal first: a request wrongly served is the failure to report, before any control could stop the check.
test('a request without a valid token is refused with 401 or 403 and changes nothing', { tag: '@API-001' }, async ({ api, steps, build }) => {
  const bodies: Record<string, unknown>[] = [];
  for (const authorization of [undefined, 'Bearer kit-invalid-token']) {
    const body = build.base();
    bodies.push(body);
    const exchange = await api.send('POST', '/connections', { body, headers: { authorization } });
    expectStatus(exchange, [401, 403], authorization ? 'the token is invalid' : 'no Authorization header');
  }
  expectStatus(await api.send('GET', '/connections?limit=1', { headers: { authorization: 'Bearer kit-invalid-token' } }), [401, 403]);
  for (const body of bodies) await expectNoneNamed(api, 'connections', String(body.name), 'API-001', 'the refused create');
  await controlGet(api, 'API-001');
  for (const body of bodies) await controlCreate(api, steps, body, 'API-001');
});

test('a request without x-api-key is refused', { tag: ['@API-002', '@read-only'] }, async ({ api }) => {
  expectStatus(await api.send('GET', '/connections?limit=1', { headers: { 'x-api-key': undefined } }), '4xx', 'no x-api-key header');
  await controlGet(api, 'API-002');
});

test('a request without x-gw-ims-org-id is refused', { tag: ['@API-003', '@read-only'] }, async ({ api }) => {
  expectStatus(await api.send('GET', '/connections?limit=1', { headers: { 'x-gw-ims-org-id': undefined } }), '4xx', 'no x-gw-ims-org-id header');
  await controlGet(api, 'API-003');
});

// The skip is a modifier so it runs before any fixture that talks to the target (discovery, steps): with no second
// sandbox configured, nothing this check could run into is a verdict.
test.describe('sandbox isolation', () => {
  test.skip(({ target }) => !target.otherSandbox, 'not-applicable: no second sandbox configured (set AEP_OTHER_SANDBOX_NAME)');

  test('an entity of one sandbox cannot be read, listed, updated, published or deleted from another', { tag: '@API-004' }, async ({ api, steps, build, discovery, target }) => {
    requireDrafts(discovery, ['source']);
    const draft = await steps.draft('connections', build.base());
    const other = api.inSandbox(target.otherSandbox!);
    expectStatus(await other.get('connections', draft.id), '4xx', 'read from the other sandbox');
    const listed = await other.list('connections', `property=id==${draft.id}`);
    const items = bodyOf(listed).items;
    expectFact(!isSuccess(listed) || (Array.isArray(items) && !items.some((i) => (i as Record<string, unknown>)?.id === draft.id)), 'the other sandbox not to list it', items, listed);
    expectStatus(await other.patch('connections', draft.id, [{ op: 'replace', path: '/description', value: 'x' }], draft.etag), '4xx', 'update from the other sandbox');
    expectStatus(await other.action('connections', draft.id, 'publish'), '4xx', 'publish from the other sandbox');
    expectStatus(await other.remove('connections', draft.id), '4xx', 'delete from the other sandbox');
    const { item, exchange } = await steps.read('connections', draft.id);
    expectFact(item.id === draft.id && item.state === 'draft' && item.etag === draft.etag, 'the entity unchanged in its own sandbox', { id: item.id, state: item.state, etag: item.etag }, exchange);
  });
});

test('a malformed JSON body answers 400 and creates nothing', { tag: '@API-005' }, async ({ api, steps, build }) => {
  const body = build.base();
  const name = String(body.name);
  const valid = JSON.stringify(body);
  // each body is the valid one broken: cut short, a trailing comma, single quotes
  for (const rawBody of [valid.slice(0, -2), `${valid.slice(0, -1)},}`, valid.replace(/"/g, "'")]) {
    const exchange = await api.send('POST', '/connections', { rawBody, headers: { 'content-type': 'application/json' } });
    expectStatus(exchange, 400, 'the body is not JSON');
  }
  await expectNoneNamed(api, 'connections', name, 'API-005', 'the malformed creates');
  await controlCreate(api, steps, body, 'API-005');
});

test('GET of an id that does not exist answers 404', { tag: ['@API-006', '@read-only'] }, async ({ api }) => {
  for (const kind of ['connections', 'sourceConnections', 'targetConnections', 'flows'] as const) {
    expectStatus(await api.get(kind, `kit-missing-${Date.now().toString(36)}`), 404);
  }
});

function ownViolations(recorder: Recorder, requirement: string): string[] {
  return recorder.violations.filter((v) => v.requirement === requirement).map((v) => v.message);
}

/** Every operation once, valid and invalid, so the every-exchange checks see the whole surface at least here. */
async function tour(api: FlowClient, steps: Steps): Promise<void> {
  const { build } = steps;
  await api.send('GET', '/connectionSpecs');
  await api.send('GET', '/flowSpecs');
  const { source, target } = await steps.liveConnections();
  // setup goes through steps: a failed step is the kit's error (see its requirement), never an API-007/008 fail
  const flow = await steps.nonDraft('flows', build.flow([source.id], [target.id]));
  for (const kind of ['connections', 'sourceConnections', 'targetConnections', 'flows'] as const) {
    await api.list(kind, 'limit=2');
    await api.list(kind, 'count=true');
    await api.get(kind, 'kit-missing');
    await api.send('POST', `/${kind}`, { rawBody: '{"truncated": ', headers: { 'content-type': 'application/json' } });
    await api.send('POST', `/${kind}`, { body: [] });
    await api.send('PATCH', `/${kind}/kit-missing`, { body: { op: 'move' }, headers: { 'if-match': '"x"' } });
    await api.action(kind, 'kit-missing', 'publish');
  }
  // a path the flow does not have: RFC 6902 §4.2 makes it an error, of the client's
  await api.patch('flows', flow.id, [{ op: 'remove', path: '/kitNoSuchField' }], await steps.currentEtag('flows', flow.id));
  await api.patch('flows', flow.id, [{ op: 'replace', path: '/name', value: `${build.name('tour')}-ü-✓` }], await steps.currentEtag('flows', flow.id));
}

test('no request gets a 5xx answer', { tag: '@API-007' }, async ({ api, steps, recorder }) => {
  await tour(api, steps);
  const violations = ownViolations(recorder, 'API-007');
  expectFact(violations.length === 0, 'no 5xx answer', violations);
});

test('every 2xx answer validates against its operation schema', { tag: '@API-008' }, async ({ api, steps, recorder }) => {
  await tour(api, steps);
  const violations = ownViolations(recorder, 'API-008');
  expectFact(violations.length === 0, 'every 2xx body valid against specs/flow-service.yaml', violations);
});

test('error answers carry a JSON body', { tag: '@API-009' }, async ({ api, steps, build, recorder }) => {
  await api.get('connections', 'kit-missing');
  await api.send('POST', '/connections', { rawBody: '{', headers: { 'content-type': 'application/json' } });
  const live = await steps.nonDraft('connections', build.base());
  await api.patch('connections', live.id, [{ op: 'replace', path: '/description', value: 'x' }], '"kit-stale"');
  const errors = recorder.exchanges.filter((e) => (e.response?.status ?? 0) >= 400);
  // fewer error answers than asked for is another requirement's failure (API-005, API-006, ETAG-001), not this one's
  requireEvidence(errors.length >= 3, 'three error answers to inspect', `the three requests meant to be refused got ${errors.length} error answer(s) — see API-005, API-006, ETAG-001`);
  for (const exchange of errors) {
    expectFact(exchange.response?.body !== undefined && typeof exchange.response.body === 'object', 'a JSON error body', exchange.response?.text, exchange);
  }
});

// Each refusal beside its control: the same bytes sent as application/json succeed.
test('a POST or PATCH whose Content-Type is not application/json is refused', { tag: '@API-010' }, async ({ api, steps, build }) => {
  const created = build.base();
  expectStatus(await api.send('POST', '/connections', { rawBody: JSON.stringify(created), headers: { 'content-type': 'text/plain' } }), '4xx', 'Content-Type: text/plain');
  const live = await steps.nonDraft('connections', created);
  const etag = await steps.currentEtag('connections', live.id);
  const patch = JSON.stringify([{ op: 'replace', path: '/description', value: 'x' }]);
  expectStatus(await api.send('PATCH', `/connections/${live.id}`, { rawBody: patch, headers: { 'content-type': 'text/plain', 'if-match': etag } }), '4xx', 'Content-Type: text/plain');
  const control = await api.send('PATCH', `/connections/${live.id}`, { rawBody: patch, headers: { 'content-type': 'application/json', 'if-match': etag } });
  requireEvidence(isSuccess(control), 'the same PATCH sent as application/json to succeed (the control)', `it answered ${control.response?.status ?? 'nothing'} — see UPD-001`, control);
});

test('a create or PATCH whose body breaks its request schema is refused and changes nothing', { tag: '@API-011' }, async ({ api, steps, build }) => {
  // creates: each body is a valid one with one thing broken; its control is the same body made whole again
  const { connectionSpec, ...missing } = build.base();
  const wrongType = { ...build.base(), description: 42 };
  const creates: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['the required connectionSpec left out', missing, { ...missing, connectionSpec }],
    ['description a number, not a string', wrongType, { ...wrongType, description: 'created by the Flow Service conformance kit' }],
  ];
  for (const [label, body] of creates) expectStatus(await api.create('connections', body, null), '4xx', label);

  // PATCHes, each sent with the current etag, so If-Match is not what refuses them
  const live = await steps.nonDraft('connections', build.base());
  const before = await steps.read('connections', live.id);
  requireEvidence(before.item.id === live.id, `the connection ${live.id} read back before the patches`, `GET showed id ${String(before.item.id)} — see DRAFT-005`, before.exchange);
  const etag = String(before.item.etag);
  const patches: [string, unknown][] = [
    ['an object, not a JSON Patch array', { description: 'merge-patched' }],
    ['an instruction without a path', [{ op: 'replace', value: 'no path' }]],
    ['a valid instruction beside one without a path', [{ op: 'replace', path: '/description', value: 'half-applied' }, { op: 'replace', value: 'no path' }]],
    ['an instruction without an op', [{ path: '/description', value: 'no op' }]],
  ];
  for (const [label, patch] of patches) expectStatus(await api.patch('connections', live.id, patch, etag), '4xx', label);
  const after = await steps.read('connections', live.id);
  expectFact(after.item.description === before.item.description, `description still ${JSON.stringify(before.item.description)} after the refused patches`, after.item.description, after.exchange);

  // a source connection's params is an object in the request schema: a string is refused and the params kept
  const { source } = await steps.liveConnections();
  const sourceBefore = await steps.read('sourceConnections', source.id);
  const sourceEtag = String(sourceBefore.item.etag);
  expectStatus(await api.patch('sourceConnections', source.id, [{ op: 'add', path: '/params', value: 'not an object' }], sourceEtag), '4xx', 'params a string, not an object');
  const sourceAfter = await steps.read('sourceConnections', source.id);
  expectFact(JSON.stringify(sourceAfter.item.params) === JSON.stringify(sourceBefore.item.params), `params still ${JSON.stringify(sourceBefore.item.params)} after the refused patch`, sourceAfter.item.params, sourceAfter.exchange);
  const sourceControl = await api.patch('sourceConnections', source.id, [{ op: 'replace', path: '/description', value: 'patched by the kit' }], sourceEtag);
  requireEvidence(isSuccess(sourceControl), 'a well-formed PATCH of the source connection with the same If-Match to succeed (the control)', `it answered ${sourceControl.response?.status ?? 'nothing'} — see UPD-001, ETAG-001`, sourceControl);

  for (const [label, body] of creates) await expectNoneNamed(api, 'connections', String(body.name), 'API-011', `the refused create (${label})`);
  for (const [, , whole] of creates) await controlCreate(api, steps, whole, 'API-011');
  // a well-formed patch with the same If-Match succeeds: no refused patch wrote a new version either
  const control = await api.patch('connections', live.id, [{ op: 'replace', path: '/description', value: 'patched by the kit' }], etag);
  requireEvidence(isSuccess(control), 'the same PATCH, well-formed and with the same If-Match, to succeed (the control)', `it answered ${control.response?.status ?? 'nothing'} — see UPD-001, ETAG-001`, control);
});
