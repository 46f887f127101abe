// DRAFT: creating drafts of every kind, and what a create may and may not do.
import { bodyOf, isSuccess } from './support/client.ts';
import { requireDrafts, test } from './support/fixtures.ts';
import { KINDS, type Kind } from '../kit/kinds.ts';
import type { Exchange } from '../kit/exchange.ts';
import { CREATE_REQUIREMENT, SetupFailure, type Steps } from './support/steps.ts';
import { expectFact, expectStatus, requireEvidence, where } from './support/verdicts.ts';

function expectWriteAnswer(exchange: Exchange, requirement: string): void {
  expectStatus(exchange, '2xx', requirement);
  const body = bodyOf(exchange);
  expectFact(typeof body.id === 'string' && body.id !== '', requirement, 'a non-empty string id', body.id, exchange);
  expectFact(typeof body.etag === 'string', requirement, 'a string etag', body.etag, exchange);
}

/** A create the check sent itself, judged by `requirement`, then taken note of and read back as the kit's entity. */
async function expectCreated(steps: Steps, kind: Kind, exchange: Exchange, body: Record<string, unknown>, draft: boolean, requirement: string): Promise<string> {
  expectWriteAnswer(exchange, requirement);
  const id = steps.adopt(exchange, body, draft, `create a ${steps.api.describe(kind)}`, requirement);
  await steps.read(kind, id);
  return id;
}

const KIND_CASES: [Kind, string][] = [
  ['connections', 'a draft base connection is created with an id and an etag'],
  ['sourceConnections', 'a draft source connection is created with an id and an etag'],
  ['targetConnections', 'a draft target connection is created with an id and an etag'],
  ['flows', 'a draft flow is created with an id and an etag'],
];

// DRAFT-001..004: a pass needs a 2xx answer with a non-empty id and a string etag, and that id to be the draft's own:
// answered to no earlier create (DRAFT-012) and read back as the entity with the name the kit gave it (DRAFT-005).
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
    await expectCreated(steps, kind, await api.create(kind, body, 'draft'), body, true, requirement);
  });
}

// DRAFT-005: a pass needs each of the four drafts read back by the id its create answered (ids all distinct, see
// DRAFT-012), showing that id, the name the kit gave it, and state "draft". Another entity read back is a failure.
test('a draft reads back with its id and state "draft"', { tag: '@DRAFT-005' }, async ({ steps, discovery }) => {
  requireDrafts(discovery, ['source', 'target', 'flow']);
  const chain = await steps.draftChain();
  for (const [kind, written] of [['connections', chain.base], ['sourceConnections', chain.source], ['targetConnections', chain.target], ['flows', chain.flow]] as const) {
    const { exchange, item } = await steps.readBack(kind, written.id);
    expectStatus(exchange, 200);
    expectFact(item?.id === written.id, `items[0].id "${written.id}"`, item?.id, exchange);
    expectFact(item?.name === written.name, `items[0].name "${written.name}" (the name the kit gave it)`, item?.name, exchange);
    expectFact(item?.state === 'draft', 'items[0].state "draft"', item?.state, exchange);
  }
});

// DRAFT-006: a pass needs each create of the chain to succeed while naming the drafts before it, each answering an id
// of its own that reads back as the kit's entity (a canned answer naming nothing earns no pass).
test('the whole chain can be drafted: drafts may name draft parents', { tag: '@DRAFT-006' }, async ({ api, build, steps, discovery }) => {
  requireDrafts(discovery, ['source', 'target', 'flow']);
  const step = async (kind: Kind, body: Record<string, unknown>, why: string) => {
    const exchange = await api.create(kind, body, 'draft');
    expectStatus(exchange, '2xx', why);
    return expectCreated(steps, kind, exchange, body, true, 'DRAFT-006');
  };
  const base = await step('connections', build.base(), 'a draft base connection');
  const source = await step('sourceConnections', build.source(base), 'a draft source connection may name a draft base connection');
  const target = await step('targetConnections', build.targetConnection(api.target.config.targetNeedsBaseConnection ? base : undefined), 'a draft target connection may name a draft base connection');
  await step('flows', build.flow([source], [target]), 'a draft flow may name draft source and target connections');
});

// DRAFT-007: a pass needs the create's own id read back showing the kit's name and a state other than "draft"; a
// read-back of another entity fails this requirement, whose read it is.
test('a create without mode gives an entity that is not a draft', { tag: '@DRAFT-007' }, async ({ api, build, steps }) => {
  const body = build.base();
  const exchange = await api.create('connections', body, null);
  expectWriteAnswer(exchange, 'DRAFT-007');
  const id = steps.adopt(exchange, body, false, 'create a base connection without mode', 'DRAFT-007');
  const { item, exchange: read, mismatch } = await steps.readBack('connections', id);
  expectStatus(read, 200, 'the entity just created');
  expectFact(mismatch === undefined, `the entity created (id ${id}, name "${String(body.name)}")`, mismatch, read);
  expectFact(item?.state !== 'draft', 'a state other than "draft"', item?.state, read);
});

// DRAFT-008: a pass needs a 201 on creates that really created something: each answered id reads back as the kit's.
test('creates answer 201 Created', { tag: '@DRAFT-008' }, async ({ api, build, steps, discovery }) => {
  requireDrafts(discovery, ['source']);
  for (const mode of ['draft', null] as const) {
    const body = build.base();
    const exchange = await api.create('connections', body, mode);
    expectStatus(exchange, 201, mode ? 'a draft create' : 'a create without mode');
    await steps.read('connections', steps.adopt(exchange, body, mode !== null, 'create a base connection', mode ? 'DRAFT-001' : 'DRAFT-007'));
  }
});

// DRAFT-009: a pass needs the incomplete draft accepted and read back as the kit's entity, a draft.
test('a draft base connection missing required auth params is accepted', { tag: '@DRAFT-009' }, async ({ api, build, steps, discovery }) => {
  requireDrafts(discovery, ['source']);
  test.skip(!build.hasRequiredAuth(), 'not-applicable: the connection spec requires no auth params');
  const body = build.base({ incomplete: true });
  const exchange = await api.create('connections', body, 'draft');
  expectStatus(exchange, '2xx', 'completeness is checked at publish, not at draft creation');
  const { item, exchange: read } = await steps.read('connections', steps.adopt(exchange, body, true, 'create an incomplete draft base connection', 'DRAFT-009'));
  expectFact(item.state === 'draft', 'the incomplete draft to be a draft', item.state, read);
});

/**
 * "Creates nothing": no item any list shows carries `name`, judged by names (a target may ignore the filter). The
 * same list must show `control`, created just before under its own name, or an empty list proves nothing.
 */
async function expectNothingNamed(steps: Steps, name: string, control: { id: string; name: string }, requirement: string): Promise<void> {
  const shown = await steps.listNamed('connections', control.name, requirement);
  requireEvidence(shown.items.some((i) => i.id === control.id && i.name === control.name), requirement, `a list that shows what exists (${control.id}, named "${control.name}")`,
    `it did not list it${shown.complete ? '' : ' within the pages the kit follows'}`, shown.exchange);
  const listed = await steps.listNamed('connections', name, requirement);
  const found = listed.items.filter((i) => i.name === name);
  expectFact(found.length === 0, requirement, `no connection named "${name}"`, found.map((i) => i.id), listed.exchange);
  requireEvidence(listed.complete, requirement, `every page of the list, to show no connection is named "${name}"`, 'the list went on past the pages the kit follows', listed.exchange);
}

// DRAFT-010: a refusal counts only beside a control: the same create without "state" succeeds, in the same mode. A pass
// also needs that none of the refused bodies became an entity (no item listed under their names).
test('a create body carrying state is refused', { tag: '@DRAFT-010' }, async ({ api, build, steps, discovery }) => {
  requireDrafts(discovery, ['source']);
  const refused: string[] = [];
  for (const [mode, state] of [[null, 'enabled'], ['draft', 'enabled'], [null, 'draft']] as const) {
    const body: Record<string, unknown> = { ...build.base(), state };
    expectStatus(await api.create('connections', body, mode), '4xx', `a create body with "state": "${state}"`);
    refused.push(String(body.name));
  }
  let control: { id: string; name: string } | undefined;
  for (const mode of ['draft', null] as const) {
    const body = build.base();
    const exchange = await api.create('connections', body, mode);
    control = { id: steps.adopt(exchange, body, mode !== null, `the control: the same create${mode ? ' with mode=draft' : ''} without "state"`), name: String(body.name) };
  }
  for (const name of refused) await expectNothingNamed(steps, name, control!, 'DRAFT-010');
});

// DRAFT-011: a refusal counts only beside a control (the same body without the unknown mode is created), and a pass
// needs that the refused body became no entity: no listed item carries its name.
test('an unknown mode is refused and creates nothing', { tag: '@DRAFT-011' }, async ({ api, build, steps }) => {
  const body = build.base();
  expectStatus(await api.create('connections', body, 'sketch'), '4xx', 'mode=sketch is not a mode');
  const controlBody = build.base();
  const control = steps.adopt(await api.create('connections', controlBody, null), controlBody, false, 'the control: the same create without mode');
  await expectNothingNamed(steps, String(body.name), { id: control, name: String(controlBody.name) }, 'DRAFT-011');
});

// DRAFT-012: a pass needs several successful creates of each kind (without mode, so no draft support is needed) whose
// ids are pairwise distinct and distinct from every id the run knows (the specs, earlier creates, what the sandbox
// lists), each then read back as the entity the kit created under it: distinct ids that name nothing prove nothing.
test('every create answers an id that no other entity has', { tag: '@DRAFT-012' }, async ({ api, build, steps, discovery }) => {
  const known = new Map<string, string>(steps.knownIds());
  for (const spec of [discovery.sourceSpec, discovery.targetSpec, discovery.flowSpec]) if (spec) known.set(spec.id, `the spec ${spec.name}`);
  for (const kind of KINDS) {
    const items = bodyOf(await api.list(kind, 'limit=100')).items;
    for (const item of Array.isArray(items) ? (items as { id?: unknown }[]) : []) {
      if (typeof item?.id === 'string' && !known.has(item.id)) known.set(item.id, `a ${api.describe(kind)} the sandbox lists`);
    }
  }
  const made: [Kind, string][] = [];
  const create = async (kind: Kind, body: Record<string, unknown>): Promise<string> => {
    const exchange = await api.create(kind, body, null);
    const id = bodyOf(exchange).id;
    if (!isSuccess(exchange) || typeof id !== 'string' || id === '') throw new SetupFailure(`create a ${api.describe(kind)} without mode`, exchange, 'DRAFT-007');
    expectFact(!known.has(id), 'an id no other entity has', `${id}, already the id of ${known.get(id)}`, exchange);
    known.set(id, where(exchange));
    made.push([kind, steps.adopt(exchange, body, false)]);
    return id;
  };
  for (let i = 0; i < 3; i++) {
    const base = await create('connections', build.base());
    const source = await create('sourceConnections', build.source(base));
    const target = await create('targetConnections', build.targetConnection(api.target.config.targetNeedsBaseConnection ? base : undefined));
    await create('flows', build.flow([source], [target]));
  }
  for (const [kind, id] of made) await steps.read(kind, id);
});
