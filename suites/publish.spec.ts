// PUB: op=publish turns a draft into a live entity, for every kind, and refuses what it must.
import { bodyOf, isSuccess } from './support/client.ts';
import { requireDrafts, test } from './support/fixtures.ts';
import type { Kind } from './support/operations.ts';
import { PUBLISH_REQUIREMENT, type Steps, type Written } from './support/steps.ts';
import { expectFact, expectStatus } from './support/verdicts.ts';

async function expectPublished(steps: Steps, kind: Kind, draft: Written, requirement: string): Promise<void> {
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

test('the etag publish answers is the one a following GET shows', { tag: '@PUB-005' }, async ({ steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  const published = await steps.publish('connections', draft.id);
  const { item, exchange } = await steps.read('connections', draft.id);
  expectFact(item.etag === published.etag, 'PUB-005', `GET etag ${published.etag} (from publish)`, item.etag, exchange);
});

test('publishing changes the etag', { tag: '@PUB-006' }, async ({ steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  const before = await steps.currentEtag('connections', draft.id);
  const published = await steps.publish('connections', draft.id);
  expectFact(published.etag !== before, 'PUB-006', `an etag other than ${before}`, published.etag, published.exchange);
});

test('publishing an id that does not exist answers 404', { tag: '@PUB-007' }, async ({ api }) => {
  for (const kind of ['connections', 'sourceConnections', 'targetConnections', 'flows'] as const) {
    expectStatus(await api.action(kind, `kit-missing-${Date.now().toString(36)}`, 'publish'), 404, 'PUB-007');
  }
});

test('an unknown op is refused and leaves the entity a draft', { tag: '@PUB-008' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  expectStatus(await api.action('connections', draft.id, 'republish'), '4xx', 'PUB-008', 'op=republish is not an operation');
  const { item, exchange } = await steps.read('connections', draft.id);
  expectFact(item.state === 'draft', 'PUB-008', 'state still "draft"', item.state, exchange);
});

test('publishing an entity that is not a draft never makes it a draft again nor creates another', { tag: '@PUB-009' }, async ({ api, steps, build }) => {
  const live = await steps.nonDraft('connections', build.base());
  const exchange = await api.action('connections', live.id, 'publish');
  expectStatus(exchange, [200, '4xx'], 'PUB-009');
  const { item, exchange: read } = await steps.read('connections', live.id);
  expectFact(item.state !== 'draft', 'PUB-009', 'a state other than "draft"', item.state, read);
  const answered = bodyOf(exchange).id;
  expectFact(!isSuccess(exchange) || answered === undefined || answered === live.id, 'PUB-009', `the same id ${live.id}`, answered, exchange);
});

test('publishing a draft base connection that misses required auth params is refused', { tag: '@PUB-010' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  test.skip(!build.hasRequiredAuth(), 'not-applicable: the connection spec requires no auth params');
  const draftAnswer = await api.create('connections', build.base({ incomplete: true }), 'draft');
  test.skip(!isSuccess(draftAnswer), 'not-applicable: the target refuses incomplete drafts (see DRAFT-009)');
  const id = String(bodyOf(draftAnswer).id);
  expectStatus(await api.action('connections', id, 'publish'), '4xx', 'PUB-010', 'a required auth param is missing');
  const { item, exchange } = await steps.read('connections', id);
  expectFact(item.state === 'draft', 'PUB-010', 'state still "draft"', item.state, exchange);
});

test('a published entity shows state "enabled"', { tag: '@PUB-011' }, async ({ steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  await steps.publish('connections', draft.id);
  const { item, exchange } = await steps.read('connections', draft.id);
  expectFact(item.state === 'enabled', 'PUB-011', 'state "enabled"', item.state, exchange);
});

test('op is matched without regard to case', { tag: '@PUB-012' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  for (const op of ['PUBLISH', 'Publish']) {
    const draft = await steps.draft('connections', build.base());
    expectStatus(await api.action('connections', draft.id, op), 200, 'PUB-012', `op=${op}`);
  }
});
