// UPD: drafts are updated with PATCH, a JSON Patch array and If-Match; every write moves the etag.
import { bodyOf } from './support/client.ts';
import { requireDrafts, test } from './support/fixtures.ts';
import type { Kind } from '../kit/kinds.ts';
import type { Steps, Written } from './support/steps.ts';
import { expectFact, expectStatus, requireEvidence } from './support/verdicts.ts';

async function draftOf(kind: Kind, steps: Steps): Promise<Written> {
  const { build } = steps;
  if (kind === 'connections') return steps.draft(kind, build.base());
  const chain = await steps.draftChain();
  return { connections: chain.base, sourceConnections: chain.source, targetConnections: chain.target, flows: chain.flow }[kind];
}

// UPD-001: a pass needs the kit's draft (its id) read back after a 200 showing the name and description the PATCH
// wrote, the etag the PATCH answered, and state "draft". The old name read back is the PATCH not persisted: a failure.
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
    expectStatus(exchange, 200);
    const answer = bodyOf(exchange);
    expectFact(answer.id === draft.id && typeof answer.etag === 'string', `{id: "${draft.id}", etag: <string>}`, answer, exchange);
    const { item, exchange: read } = await steps.read(kind, draft.id, { name: null });
    expectFact(item.name === name && item.description === description, `name "${name}" and the new description`, { name: item.name, description: item.description }, read);
    expectFact(item.etag === answer.etag, `etag ${String(answer.etag)} (from the PATCH)`, item.etag, read);
    expectFact(item.state === 'draft', 'state still "draft"', item.state, read);
    steps.renamed(draft.id, name);
  });
}

/** The etag GET shows for the kit's draft, which must be a real one (a non-empty string) for an etag check to mean anything. */
async function firstEtag(steps: Steps, id: string, requirement: string): Promise<string> {
  const { item, exchange } = await steps.read('connections', id);
  requireEvidence(typeof item.etag === 'string' && item.etag !== '', requirement, 'an etag to compare later ones with', 'GET showed none — see UPD-003', exchange);
  return item.etag;
}

// UPD-002: a pass needs writes that succeeded (PATCHes answered 200 for the kit's id, publish answered 200) each
// answering a string etag never seen before on this entity; a write the target refused is no write (see UPD-001).
test('every successful write gives a new etag', { tag: '@UPD-002' }, async ({ steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  let etag = await firstEtag(steps, draft.id, 'UPD-002');
  const seen = new Set([etag, ...(draft.etag ? [draft.etag] : [])]);
  for (let i = 0; i < 3; i++) {
    const patched = await steps.describeAs('connections', draft.id, `version ${i}`, etag);
    const answered = bodyOf(patched.exchange).etag;
    expectFact(typeof answered === 'string' && !seen.has(answered), `a string etag not seen before (${[...seen].join(', ')})`, answered, patched.exchange);
    etag = answered as string;
    seen.add(etag);
  }
  const published = await steps.publish('connections', draft.id);
  expectFact(!seen.has(published.etag) || published.etag === etag, 'publish not to bring back an older etag', published.etag, published.exchange);
});

// UPD-003: an etag check needs two versions with different etags, or "GET shows the last etag" holds of a constant:
// the PATCH must answer an etag other than the create's (see UPD-002). A pass then needs GET of the kit's entity to
// show the etag of each write: create, PATCH, publish.
test('GET always shows the etag of the last successful write', { tag: '@UPD-003' }, async ({ steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  const expectShown = async (last: string, writer: string) => {
    const { item, exchange } = await steps.read('connections', draft.id);
    expectFact(item.etag === last, `etag ${last} from the ${writer}`, item.etag, exchange);
    return String(item.etag);
  };
  const created = draft.etag ? await expectShown(draft.etag, 'create') : await firstEtag(steps, draft.id, 'UPD-003');
  const patched = await steps.describeAs('connections', draft.id, 'patched', created);
  requireEvidence(patched.etag !== '' && patched.etag !== created, 'two writes with distinct etags, so that GET can show which is the last',
    `the create and the PATCH both answered ${created} — see UPD-002/PUB-006`, patched.exchange);
  await expectShown(patched.etag, 'PATCH');
  await expectShown((await steps.publish('connections', draft.id)).etag, 'publish');
});

// UPD-004: a refusal counts only beside a control: the same PATCH, with the same If-Match, of a writable field
// (/description) succeeds once the read-only ones were refused. A pass also needs the kit's entity unchanged after each.
test('a patch to a read-only field is refused and changes nothing', { tag: '@UPD-004' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  let etag = '';
  for (const [path, value] of [['/connectionSpec', { id: '00000000-0000-0000-0000-000000000000', version: '1.0' }], ['/id', 'kit-new-id'], ['/state', 'enabled']] as const) {
    const before = (await steps.read('connections', draft.id)).item;
    etag = String(before.etag);
    const exchange = await api.patch('connections', draft.id, [{ op: 'replace', path, value }], etag);
    expectStatus(exchange, '4xx', `${path} is read-only`);
    const { item, exchange: read } = await steps.read('connections', draft.id);
    expectFact(JSON.stringify(item.connectionSpec) === JSON.stringify(before.connectionSpec) && item.state === before.state && item.etag === before.etag, 'connectionSpec, state and etag unchanged', { connectionSpec: item.connectionSpec, state: item.state, etag: item.etag }, read);
  }
  await steps.describeAs('connections', draft.id, 'a writable field', etag, 'the control: the same PATCH of /description, with the same If-Match');
});
