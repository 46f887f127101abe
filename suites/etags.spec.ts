// ETAG: If-Match guards every PATCH: stale or missing tags are refused, and racing writers cannot both win.
import { bodyOf } from './support/client.ts';
import { requireDrafts, test } from './support/fixtures.ts';
import { expectFact, expectStatus } from './support/verdicts.ts';

test('a PATCH with a stale If-Match answers 412 and changes nothing', { tag: '@ETAG-001' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  const stale = await steps.currentEtag('connections', draft.id);
  const first = await api.patch('connections', draft.id, [{ op: 'replace', path: '/description', value: 'first writer' }], stale);
  expectStatus(first, 200, 'ETAG-001', 'setup: the first PATCH carries the current etag');
  const current = String(bodyOf(first).etag);
  const exchange = await api.patch('connections', draft.id, [{ op: 'replace', path: '/description', value: 'stale writer' }], stale);
  expectStatus(exchange, 412, 'ETAG-001', `If-Match ${stale} is stale`);
  const { item, exchange: read } = await steps.read('connections', draft.id);
  expectFact(item.description === 'first writer' && item.etag === current, 'ETAG-001', `description "first writer" and etag ${current}`, { description: item.description, etag: item.etag }, read);
});

test('a PATCH without If-Match is refused and changes nothing', { tag: '@ETAG-002' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  const before = (await steps.read('connections', draft.id)).item;
  const exchange = await api.patch('connections', draft.id, [{ op: 'replace', path: '/description', value: 'no if-match' }], undefined);
  expectStatus(exchange, [400, 428], 'ETAG-002', 'If-Match is required (400 as documented, or 428)');
  const { item, exchange: read } = await steps.read('connections', draft.id);
  expectFact(item.description === before.description && item.etag === before.etag, 'ETAG-002', 'description and etag unchanged', { description: item.description, etag: item.etag }, read);
});

test('of concurrent PATCHes with the same If-Match exactly one wins and the others answer 412', { tag: '@ETAG-003' }, async ({ api, steps, build, discovery, target }) => {
  requireDrafts(discovery, ['source']);
  const writers = Math.max(2, target.config.concurrentWriters);
  const draft = await steps.draft('connections', build.base());
  const etag = await steps.currentEtag('connections', draft.id);
  const answers = await Promise.all(
    Array.from({ length: writers }, (_, i) => api.patch('connections', draft.id, [{ op: 'replace', path: '/description', value: `writer ${i}` }], etag)),
  );
  const statuses = answers.map((a) => a.response?.status);
  const winners = answers.flatMap((a, i) => (a.response?.status === 200 ? [i] : []));
  expectFact(winners.length === 1, 'ETAG-003', `exactly one 200 among ${writers} racing PATCHes`, statuses);
  expectFact(statuses.every((s) => s === 200 || s === 412), 'ETAG-003', 'the losers to answer 412', statuses);
  const winner = winners[0]!;
  const { item, exchange } = await steps.read('connections', draft.id);
  expectFact(item.description === `writer ${winner}` && item.etag === bodyOf(answers[winner]!).etag, 'ETAG-003',
    `the winner's value "writer ${winner}" and etag`, { description: item.description, etag: item.etag }, exchange);
});

test('etags are quoted entity-tags', { tag: '@ETAG-004' }, async ({ steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  expectFact(/^(W\/)?".*"$/.test(draft.etag), 'ETAG-004', 'a quoted etag ("...") from create', draft.etag, draft.exchange);
  const { item, exchange } = await steps.read('connections', draft.id);
  expectFact(typeof item.etag === 'string' && /^(W\/)?".*"$/.test(item.etag), 'ETAG-004', 'a quoted etag ("...") from GET', item.etag, exchange);
});

test('repeated GETs with no write between show the same etag', { tag: '@ETAG-005' }, async ({ steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  const first = await steps.read('connections', draft.id);
  const second = await steps.read('connections', draft.id);
  expectFact(first.item.etag === second.item.etag, 'ETAG-005', `the same etag ${String(first.item.etag)}`, second.item.etag, second.exchange);
});
