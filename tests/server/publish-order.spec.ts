// Publish order: a child is published only once every parent it names is published; publishing parents first
// succeeds at every step; a non-draft entity may not name a draft.
import { expect, test } from '@playwright/test';
import {
  chain, countOf, createBase, createFlow, createSource, createTarget, publish, published, read, stateOf, type Kind,
} from '../support/drafts.ts';
import { flowBody, sourceConnectionBody, targetConnectionBody } from '../support/bodies.ts';
import { InProcessClient } from '../support/in-process.ts';

/** Publishes and expects a 4xx that leaves the entity a draft with its etag unchanged. */
async function expectRefused(api: InProcessClient, kind: Kind, id: string): Promise<void> {
  const before = await read(api, kind, id);
  const answer = await publish(api, kind, id);
  expect(answer.status, `POST /${kind}/${id}/action?op=publish: ${answer.text}`).toBe(400);
  const after = await read(api, kind, id);
  expect(after.state).toBe('draft');
  expect(after.etag).toBe(before.etag);
}

test('a source connection cannot be published while its base connection is a draft', { tag: '@ORD-001' }, async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  const source = await createSource(api, base.id);
  await expectRefused(api, 'sourceConnections', source.id);
  await published(api, 'connections', base.id);
  await published(api, 'sourceConnections', source.id);
  expect(await stateOf(api, 'sourceConnections', source.id)).toBe('enabled');
});

test('a target connection cannot be published while the base connection it names is a draft', { tag: '@ORD-002' }, async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  const target = await createTarget(api, true, base.id);
  await expectRefused(api, 'targetConnections', target.id);
  await published(api, 'connections', base.id);
  await published(api, 'targetConnections', target.id);
});

test('a target connection without a base connection can be published on its own', { tag: '@PUB-003' }, async () => {
  const api = new InProcessClient();
  const target = await createTarget(api);
  await published(api, 'targetConnections', target.id);
});

// Two connections of one side, one published and one a draft, in both orders: a check of only the first (or only
// the last) one must not let the flow through.
for (const side of ['source', 'target'] as const) {
  for (const draftAt of [0, 1]) {
    const requirement = side === 'source' ? '@ORD-003' : '@ORD-004';
    test(`a flow cannot be published while its ${side} connection #${draftAt + 1} of two is a draft`, { tag: requirement }, async () => {
      const api = new InProcessClient();
      const base = await createBase(api, false);
      const make = (draft: boolean) => (side === 'source' ? createSource(api, base.id, draft) : createTarget(api, draft));
      const pair = draftAt === 0 ? [await make(true), await make(false)] : [await make(false), await make(true)];
      const other = side === 'source' ? await createTarget(api, false) : await createSource(api, base.id, false);
      const ids = pair.map((c) => c.id);
      const flow = side === 'source' ? await createFlow(api, ids, [other.id]) : await createFlow(api, [other.id], ids);
      await expectRefused(api, 'flows', flow.id);

      const kind = side === 'source' ? 'sourceConnections' : 'targetConnections';
      await published(api, kind, pair[draftAt]!.id);
      await published(api, 'flows', flow.id);
      expect(await stateOf(api, 'flows', flow.id)).toBe('enabled');
    });
  }
}

test('a flow cannot be published before any of its connections', { tag: ['@ORD-003', '@ORD-004'] }, async () => {
  const api = new InProcessClient();
  const drafts = await chain(api);
  await expectRefused(api, 'flows', drafts.flow.id);
  await published(api, 'connections', drafts.base.id);
  await published(api, 'sourceConnections', drafts.source.id);
  await expectRefused(api, 'flows', drafts.flow.id); // the target is still a draft
});

test('publishing a drafted chain in dependency order succeeds at every step', { tag: ['@ORD-005', '@PUB-001', '@PUB-002', '@PUB-003', '@PUB-004', '@PUB-005', '@PUB-006'] }, async () => {
  const api = new InProcessClient();
  const drafts = await chain(api);
  const steps: [Kind, { id: string; etag: string }][] = [
    ['connections', drafts.base], ['sourceConnections', drafts.source], ['targetConnections', drafts.target], ['flows', drafts.flow],
  ];
  for (const [kind, created] of steps) {
    const answer = await published(api, kind, created.id);
    expect(answer.id).toBe(created.id);
    expect(answer.etag, `publish of ${kind} changes the etag`).not.toBe(created.etag);
    const item = await read(api, kind, created.id);
    expect(item.state).toBe('enabled');
    expect(item.etag, `GET of ${kind} shows the etag publish answered`).toBe(answer.etag);
  }
});

test('children created under draft parents are published once the parents are', { tag: '@ORD-005' }, async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  const source = await createSource(api, base.id);
  const target = await createTarget(api, true, base.id);
  await published(api, 'connections', base.id);
  await published(api, 'targetConnections', target.id);
  await published(api, 'sourceConnections', source.id);
  const flow = await createFlow(api, [source.id], [target.id]);
  await published(api, 'flows', flow.id);
});

const draftReferences: [string, { given: (api: InProcessClient) => Promise<[Kind, unknown]> }][] = [
  ['a source connection naming a draft base connection', {
    given: async (api) => ['sourceConnections', sourceConnectionBody((await createBase(api)).id)],
  }],
  ['a target connection naming a draft base connection', {
    given: async (api) => ['targetConnections', { ...targetConnectionBody(), baseConnectionId: (await createBase(api)).id }],
  }],
  ['a flow naming a draft source connection', {
    given: async (api) => {
      const base = await createBase(api, false);
      return ['flows', flowBody([(await createSource(api, base.id)).id], [(await createTarget(api, false)).id])];
    },
  }],
  ['a flow naming a draft target connection', {
    given: async (api) => {
      const base = await createBase(api, false);
      return ['flows', flowBody([(await createSource(api, base.id, false)).id], [(await createTarget(api)).id])];
    },
  }],
];
for (const [name, { given }] of draftReferences) {
  test(`creating ${name} without mode is refused and creates nothing`, { tag: '@ORD-006' }, async () => {
    const api = new InProcessClient();
    const [kind, body] = await given(api);
    const before = api.service.store.size;
    const answer = await api.post(`/${kind}`, body);
    expect(answer.status, answer.text).toBe(400);
    expect(api.service.store.size).toBe(before);
    expect(await countOf(api, kind)).toBe(0);
  });
}
