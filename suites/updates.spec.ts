// UPD: drafts are updated with PATCH, a JSON Patch array and If-Match; every write moves the etag.
import { bodyOf } from './support/client.ts';
import { requireDrafts, test } from './support/fixtures.ts';
import type { Kind } from './support/operations.ts';
import type { Steps, Written } from './support/steps.ts';
import { expectFact, expectStatus } from './support/verdicts.ts';

async function draftOf(kind: Kind, steps: Steps): Promise<Written> {
  const { build } = steps;
  if (kind === 'connections') return steps.draft(kind, build.base());
  const chain = await steps.draftChain();
  return { connections: chain.base, sourceConnections: chain.source, targetConnections: chain.target, flows: chain.flow }[kind];
}

for (const kind of ['connections', 'sourceConnections', 'targetConnections', 'flows'] as const) {
  test(`a draft ${kind} entity is updated by PATCH with If-Match and stays a draft`, { tag: '@UPD-001' }, async ({ api, steps, discovery }) => {
    requireDrafts(discovery, kind === 'connections' ? ['source'] : ['source', 'target', 'flow']);
    const draft = await draftOf(kind, steps);
    const etag = await steps.currentEtag(kind, draft.id);
    const name = steps.build.name('renamed');
    const description = `updated by the kit ${Date.now()}`;
    const exchange = await api.patch(kind, draft.id, [
      { op: 'replace', path: '/name', value: name },
      { op: 'replace', path: '/description', value: description },
    ], etag);
    expectStatus(exchange, 200, 'UPD-001');
    const answer = bodyOf(exchange);
    expectFact(answer.id === draft.id && typeof answer.etag === 'string', 'UPD-001', `{id: "${draft.id}", etag: <string>}`, answer, exchange);
    const { item, exchange: read } = await steps.read(kind, draft.id);
    expectFact(item.name === name && item.description === description, 'UPD-001', `name "${name}" and the new description`, { name: item.name, description: item.description }, read);
    expectFact(item.etag === answer.etag, 'UPD-001', `etag ${String(answer.etag)} (from the PATCH)`, item.etag, read);
    expectFact(item.state === 'draft', 'UPD-001', 'state still "draft"', item.state, read);
  });
}

test('every successful write gives a new etag', { tag: '@UPD-002' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  const seen = new Set([draft.etag]);
  let etag = draft.etag;
  for (let i = 0; i < 3; i++) {
    const exchange = await api.patch('connections', draft.id, [{ op: 'replace', path: '/description', value: `version ${i}` }], etag);
    expectStatus(exchange, 200, 'UPD-002');
    etag = String(bodyOf(exchange).etag);
    expectFact(!seen.has(etag), 'UPD-002', `an etag not seen before (${[...seen].join(', ')})`, etag, exchange);
    seen.add(etag);
  }
  const published = await steps.publish('connections', draft.id);
  expectFact(!seen.has(published.etag) || published.etag === etag, 'UPD-002', 'publish not to bring back an older etag', published.etag, published.exchange);
});

test('GET always shows the etag of the last successful write', { tag: '@UPD-003' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  let last = draft.etag;
  const expectShown = async (writer: string) => {
    const { item, exchange } = await steps.read('connections', draft.id);
    expectFact(item.etag === last, 'UPD-003', `etag ${last} from the ${writer}`, item.etag, exchange);
  };
  await expectShown('create');
  const patched = await api.patch('connections', draft.id, [{ op: 'replace', path: '/description', value: 'patched' }], last);
  expectStatus(patched, 200, 'UPD-003');
  last = String(bodyOf(patched).etag);
  await expectShown('PATCH');
  last = (await steps.publish('connections', draft.id)).etag;
  await expectShown('publish');
});

test('a patch to a read-only field is refused and changes nothing', { tag: '@UPD-004' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  for (const [path, value] of [['/connectionSpec', { id: '00000000-0000-0000-0000-000000000000', version: '1.0' }], ['/id', 'kit-new-id'], ['/state', 'enabled']] as const) {
    const before = (await steps.read('connections', draft.id)).item;
    const exchange = await api.patch('connections', draft.id, [{ op: 'replace', path, value }], String(before.etag));
    expectStatus(exchange, '4xx', 'UPD-004', `${path} is read-only`);
    const { item, exchange: read } = await steps.read('connections', draft.id);
    expectFact(JSON.stringify(item.connectionSpec) === JSON.stringify(before.connectionSpec) && item.state === before.state && item.etag === before.etag,
      'UPD-004', 'connectionSpec, state and etag unchanged', { connectionSpec: item.connectionSpec, state: item.state, etag: item.etag }, read);
  }
});
