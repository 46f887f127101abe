// PUB: op=publish turns a draft into a live entity, for every kind, and refuses what it must.
import { bodyOf, isSuccess } from './support/client.ts';
import { draftsUnsupported } from './support/discovery.ts';
import { requireDrafts, test } from './support/fixtures.ts';
import { KINDS, type Kind } from '../kit/kinds.ts';
import { PUBLISH_REQUIREMENT, type Steps, type Written } from './support/steps.ts';
import { expectFact, expectStatus, requireEvidence } from './support/verdicts.ts';

/** The entity reads back as the kit's draft: what a publish check starts from. */
async function expectDraftBefore(steps: Steps, kind: Kind, id: string, requirement: string): Promise<void> {
  const { item, exchange } = await steps.read(kind, id);
  requireEvidence(item.state === 'draft', requirement, `a draft ${steps.api.describe(kind)} to publish`, `GET showed state ${JSON.stringify(item.state)} — see DRAFT-005`, exchange);
}

// PUB-001..004: a pass needs the kit's own entity read back as a draft before, a 200 naming that id with a string etag,
// and the same entity (id and name) read back in a state other than "draft" after.
async function expectPublished(steps: Steps, kind: Kind, draft: Written, requirement: string): Promise<void> {
  await expectDraftBefore(steps, kind, draft.id, requirement);
  const exchange = await steps.api.action(kind, draft.id, 'publish');
  expectStatus(exchange, 200, requirement);
  const body = bodyOf(exchange);
  expectFact(body.id === draft.id, requirement, `id "${draft.id}"`, body.id, exchange);
  expectFact(typeof body.etag === 'string', requirement, 'a string etag', body.etag, exchange);
  const { item, exchange: read } = await steps.read(kind, draft.id);
  expectFact(item.state !== 'draft', requirement, 'a state other than "draft" after publishing', item.state, read);
}

test('a draft base connection is published', { tag: '@PUB-001' }, async ({ steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  await expectPublished(steps, 'connections', await steps.draft('connections', build.base()), PUBLISH_REQUIREMENT.connections);
});

test('a draft source connection whose base connection is published is published', { tag: '@PUB-002' }, async ({ steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const base = await steps.draft('connections', build.base());
  await steps.publish('connections', base.id);
  await expectPublished(steps, 'sourceConnections', await steps.draft('sourceConnections', build.source(base.id)), 'PUB-002');
});

test('a draft target connection whose base connection is published is published', { tag: '@PUB-003' }, async ({ steps, build, discovery, target }) => {
  requireDrafts(discovery, ['target']);
  let baseId: string | undefined;
  if (target.config.targetNeedsBaseConnection) {
    baseId = (await steps.draft('connections', build.base())).id;
    await steps.publish('connections', baseId);
  }
  await expectPublished(steps, 'targetConnections', await steps.draft('targetConnections', build.targetConnection(baseId)), 'PUB-003');
});

test('a draft flow whose connections are all published is published', { tag: '@PUB-004' }, async ({ steps, build, discovery }) => {
  requireDrafts(discovery, ['source', 'target', 'flow']);
  const { source, target } = await steps.publishedConnections();
  await expectPublished(steps, 'flows', await steps.draft('flows', build.flow([source.id], [target.id])), 'PUB-004');
});

// PUB-005: an etag check needs versions with different etags, or "GET shows the etag publish answered" holds of one
// constant: the draft is patched first, and the create's and the PATCH's etags must differ (see UPD-002).
test('the etag publish answers is the one a following GET shows', { tag: '@PUB-005' }, async ({ steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  const created = await steps.currentEtag('connections', draft.id);
  const patched = await steps.describeAs('connections', draft.id, 'a second version', created);
  requireEvidence(patched.etag !== '' && patched.etag !== created, 'two writes with distinct etags, so that an etag tells versions apart',
    `the create and the PATCH both answered ${created} — see UPD-002/PUB-006`, patched.exchange);
  const published = await steps.publish('connections', draft.id);
  const { item, exchange } = await steps.read('connections', draft.id);
  expectFact(item.etag === published.etag, `GET etag ${published.etag} (from publish)`, item.etag, exchange);
});

// PUB-006: a pass needs a real etag before (a non-empty string GET showed) and a publish that succeeded for that id.
test('publishing changes the etag', { tag: '@PUB-006' }, async ({ steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  const before = await steps.currentEtag('connections', draft.id);
  requireEvidence(before !== '' && before !== 'undefined', 'the etag the draft had before publishing', 'GET showed none — see UPD-003');
  const published = await steps.publish('connections', draft.id);
  expectFact(published.etag !== before, `an etag other than ${before}`, published.etag, published.exchange);
});

// PUB-007: a 404 counts only beside a control: the same publish of an id that exists is not answered 404 (a draft
// published with 200 where drafts are supported; otherwise a live entity, whose publish may be refused, but not 404).
test('publishing an id that does not exist answers 404', { tag: '@PUB-007' }, async ({ api, steps, build, discovery }) => {
  const existing = new Map<Kind, string>();
  if (draftsUnsupported(discovery, ['source', 'target', 'flow']) === undefined) {
    const chain = await steps.draftChain();
    for (const [kind, written] of [['connections', chain.base], ['sourceConnections', chain.source], ['targetConnections', chain.target], ['flows', chain.flow]] as const) {
      await steps.publish(kind, written.id);
      existing.set(kind, written.id);
    }
  } else {
    const { base, source, target } = await steps.liveConnections();
    const flow = await steps.nonDraft('flows', build.flow([source.id], [target.id]));
    for (const [kind, id] of [['connections', base.id], ['sourceConnections', source.id], ['targetConnections', target.id], ['flows', flow.id]] as const) {
      const control = await api.action(kind, id, 'publish');
      requireEvidence(control.response !== undefined && control.response.status !== 404, `the same publish of a ${api.describe(kind)} that exists not to answer 404`,
        `it answered ${control.response?.status ?? control.error}`, control);
      existing.set(kind, id);
    }
  }
  for (const kind of KINDS) {
    const missing = `kit-missing-${Date.now().toString(36)}`;
    expectStatus(await api.action(kind, missing, 'publish'), 404, `no ${api.describe(kind)} ${missing} exists${existing.has(kind) ? `, while ${existing.get(kind)} was found` : ''}`);
  }
});

// PUB-008: a refusal counts only beside a control: after the unknown op is refused and the entity reads back a draft,
// the same action with op=publish succeeds.
test('an unknown op is refused and leaves the entity a draft', { tag: '@PUB-008' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  expectStatus(await api.action('connections', draft.id, 'republish'), '4xx', 'op=republish is not an operation');
  const { item, exchange } = await steps.read('connections', draft.id);
  expectFact(item.state === 'draft', 'state still "draft"', item.state, exchange);
  await steps.publish('connections', draft.id);
});

// PUB-009: a pass needs the same entity (id and name) read back live after the publish; a 200 naming that id; no other
// entity listed under its name; and a second create answering an id of its own (see DRAFT-012), so that "the same id"
// means the same entity. A refusal counts only beside a control showing the target can publish: a draft of the same
// spec published with 200 in the same check; without draft support there is no control for a refusal.
test('publishing an entity that is not a draft never makes it a draft again nor creates another', { tag: '@PUB-009' }, async ({ api, steps, build, discovery }) => {
  const body = build.base();
  const name = String(body.name);
  const live = await steps.nonDraft('connections', body);
  const exchange = await api.action('connections', live.id, 'publish');
  expectStatus(exchange, [200, '4xx']);
  const answered = bodyOf(exchange).id;
  expectFact(!isSuccess(exchange) || answered === live.id, `the same id ${live.id}`, answered, exchange);
  const { item, exchange: read } = await steps.read('connections', live.id);
  expectFact(item.state !== 'draft', 'a state other than "draft"', item.state, read);
  const listed = await steps.listNamed('connections', name, 'PUB-009');
  const named = listed.items.filter((i) => i.name === name);
  requireEvidence(named.some((i) => i.id === live.id), `a list that shows the entity (${live.id}, named "${name}")`, 'it did not list it', listed.exchange);
  expectFact(named.every((i) => i.id === live.id), `no other connection named "${name}"`, named.map((i) => i.id), listed.exchange);
  const unsupported = draftsUnsupported(discovery, ['source']);
  if (unsupported === undefined) {
    await steps.publish('connections', (await steps.draft('connections', build.base())).id, 'PUB-001', 'the control: publish a draft of the same spec');
    return;
  }
  requireEvidence(isSuccess(exchange), 'a draft published beside the refusal, to show it was refused for being live', unsupported.replace(/^not-applicable: /, ''), exchange);
  await steps.nonDraft('connections', build.base());
});

// PUB-010: a refusal counts only beside a control: a complete draft of the same spec is published with 200; and the
// refused draft must read back (the kit's entity) still a draft.
test('publishing a draft base connection that misses required auth params is refused', { tag: '@PUB-010' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  test.skip(!build.hasRequiredAuth(), 'not-applicable: the connection spec requires no auth params');
  const body = build.base({ incomplete: true });
  const draftAnswer = await api.create('connections', body, 'draft');
  test.skip(!isSuccess(draftAnswer), 'not-applicable: the target refuses incomplete drafts (see DRAFT-009)');
  const id = steps.adopt(draftAnswer, body, true, 'create an incomplete draft base connection', 'DRAFT-009');
  expectStatus(await api.action('connections', id, 'publish'), '4xx', 'a required auth param is missing');
  const { item, exchange } = await steps.read('connections', id);
  expectFact(item.state === 'draft', 'state still "draft"', item.state, exchange);
  await steps.publish('connections', (await steps.draft('connections', build.base())).id);
});

// PUB-011: a pass needs the kit's own entity (id and name) read back after a successful publish.
test('a published entity shows state "enabled"', { tag: '@PUB-011' }, async ({ steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  await steps.publish('connections', draft.id);
  const { item, exchange } = await steps.read('connections', draft.id);
  expectFact(item.state === 'enabled', 'state "enabled"', item.state, exchange);
});

// PUB-012: a 200 means the op was understood only where an unknown op is refused (PUB-008): otherwise every op is
// accepted and the case proves nothing. A pass then needs each spelling to publish: the draft reads back live.
test('op is matched without regard to case', { tag: '@PUB-012' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const probe = await steps.draft('connections', build.base());
  const unknown = await api.action('connections', probe.id, 'republish');
  requireEvidence((unknown.response?.status ?? 0) >= 400 && (unknown.response?.status ?? 0) < 500, 'an unknown op refused, so that accepting op=PUBLISH shows it was understood',
    `op=republish answered ${unknown.response?.status ?? unknown.error} — see PUB-008`, unknown);
  for (const op of ['PUBLISH', 'Publish']) {
    const draft = await steps.draft('connections', build.base());
    await expectDraftBefore(steps, 'connections', draft.id, 'PUB-012');
    const exchange = await api.action('connections', draft.id, op);
    expectStatus(exchange, 200, `op=${op}`);
    expectFact(bodyOf(exchange).id === draft.id, `id "${draft.id}"`, bodyOf(exchange).id, exchange);
    const { item, exchange: read } = await steps.read('connections', draft.id);
    expectFact(item.state !== 'draft', `a state other than "draft" after op=${op}`, item.state, read);
  }
});
