// DRAFT: creating drafts of every kind, and what a create may and may not do.
import { bodyOf, isSuccess } from './support/client.ts';
import { requireDrafts, test } from './support/fixtures.ts';
import type { Kind } from './support/operations.ts';
import { CREATE_REQUIREMENT } from './support/steps.ts';
import { expectFact, expectStatus } from './support/verdicts.ts';

function expectWriteAnswer(exchange: Parameters<typeof expectStatus>[0], requirement: string): void {
  expectStatus(exchange, '2xx', requirement);
  const body = bodyOf(exchange);
  expectFact(typeof body.id === 'string' && body.id !== '', requirement, 'a non-empty string id', body.id, exchange);
  expectFact(typeof body.etag === 'string', requirement, 'a string etag', body.etag, exchange);
}

const KIND_CASES: [Kind, string][] = [
  ['connections', 'a draft base connection is created with an id and an etag'],
  ['sourceConnections', 'a draft source connection is created with an id and an etag'],
  ['targetConnections', 'a draft target connection is created with an id and an etag'],
  ['flows', 'a draft flow is created with an id and an etag'],
];

for (const [kind, title] of KIND_CASES) {
  const requirement = CREATE_REQUIREMENT[kind];
  test(title, { tag: `@${requirement}` }, async ({ api, build, steps, discovery }) => {
    requireDrafts(discovery, kind === 'flows' ? ['source', 'target', 'flow'] : kind === 'targetConnections' ? ['target'] : ['source']);
    let body: Record<string, unknown>;
    if (kind === 'connections') body = build.base();
    else if (kind === 'sourceConnections') body = build.source((await steps.draft('connections', build.base())).id);
    else if (kind === 'targetConnections') body = build.targetConnection(api.target.config.targetNeedsBaseConnection ? (await steps.draft('connections', build.base())).id : undefined);
    else {
      const { source, target } = await steps.draftChain();
      body = build.flow([source.id], [target.id]);
    }
    expectWriteAnswer(await api.create(kind, body, 'draft'), requirement);
  });
}

test('a draft reads back with its id and state "draft"', { tag: '@DRAFT-005' }, async ({ api, steps, discovery }) => {
  requireDrafts(discovery, ['source', 'target', 'flow']);
  const chain = await steps.draftChain();
  for (const [kind, written] of [['connections', chain.base], ['sourceConnections', chain.source], ['targetConnections', chain.target], ['flows', chain.flow]] as const) {
    const { exchange, item } = await api.settled(kind, written.id);
    expectStatus(exchange, 200, 'DRAFT-005');
    expectFact(item?.id === written.id, 'DRAFT-005', `items[0].id "${written.id}"`, item?.id, exchange);
    expectFact(item?.state === 'draft', 'DRAFT-005', 'items[0].state "draft"', item?.state, exchange);
  }
});

test('the whole chain can be drafted: drafts may name draft parents', { tag: '@DRAFT-006' }, async ({ api, build, discovery }) => {
  requireDrafts(discovery, ['source', 'target', 'flow']);
  const base = await api.create('connections', build.base(), 'draft');
  expectWriteAnswer(base, 'DRAFT-006');
  const source = await api.create('sourceConnections', build.source(String(bodyOf(base).id)), 'draft');
  expectStatus(source, '2xx', 'DRAFT-006', 'a draft source connection may name a draft base connection');
  const target = await api.create('targetConnections', build.targetConnection(api.target.config.targetNeedsBaseConnection ? String(bodyOf(base).id) : undefined), 'draft');
  expectStatus(target, '2xx', 'DRAFT-006', 'a draft target connection may name a draft base connection');
  const flow = await api.create('flows', build.flow([String(bodyOf(source).id)], [String(bodyOf(target).id)]), 'draft');
  expectStatus(flow, '2xx', 'DRAFT-006', 'a draft flow may name draft source and target connections');
});

test('a create without mode gives an entity that is not a draft', { tag: '@DRAFT-007' }, async ({ api, build, steps }) => {
  const exchange = await api.create('connections', build.base(), null);
  expectWriteAnswer(exchange, 'DRAFT-007');
  const { item, exchange: read } = await steps.read('connections', String(bodyOf(exchange).id));
  expectFact(item.state !== 'draft', 'DRAFT-007', 'a state other than "draft"', item.state, read);
});

test('creates answer 201 Created', { tag: '@DRAFT-008' }, async ({ api, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  expectStatus(await api.create('connections', build.base(), 'draft'), 201, 'DRAFT-008');
  expectStatus(await api.create('connections', build.base(), null), 201, 'DRAFT-008');
});

test('a draft base connection missing required auth params is accepted', { tag: '@DRAFT-009' }, async ({ api, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  test.skip(!build.hasRequiredAuth(), 'not-applicable: the connection spec requires no auth params');
  const exchange = await api.create('connections', build.base({ incomplete: true }), 'draft');
  expectStatus(exchange, '2xx', 'DRAFT-009', 'completeness is checked at publish, not at draft creation');
});

test('a create body carrying state is refused', { tag: '@DRAFT-010' }, async ({ api, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  for (const [mode, state] of [[null, 'enabled'], ['draft', 'enabled'], [null, 'draft']] as const) {
    const body = { ...build.base(), state };
    const exchange = await api.create('connections', body, mode);
    expectStatus(exchange, '4xx', 'DRAFT-010', `a create body with "state": "${state}"`);
  }
});

test('an unknown mode is refused and creates nothing', { tag: '@DRAFT-011' }, async ({ api, build }) => {
  const body = build.base();
  const exchange = await api.create('connections', body, 'sketch');
  expectStatus(exchange, '4xx', 'DRAFT-011', 'mode=sketch is not a mode');
  const listed = await api.list('connections', `property=name==${encodeURIComponent(String(body.name))}`);
  const items = bodyOf(listed).items;
  expectFact(isSuccess(listed) && Array.isArray(items) && items.length === 0, 'DRAFT-011', 'no connection with that name', items, listed);
});

