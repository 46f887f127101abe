// ETAG: If-Match guards every PATCH: stale or missing tags are refused, and racing writers cannot both win.
import { bodyOf } from './support/client.ts';
import { requireDrafts, test } from './support/fixtures.ts';
import type { Steps } from './support/steps.ts';
import { expectFact, expectStatus, requireEvidence } from './support/verdicts.ts';

/** The kit's draft, its etag as GET shows it (a real one: a non-empty string), and its description. */
async function current(steps: Steps, id: string, requirement: string): Promise<{ etag: string; description: unknown }> {
  const { item, exchange } = await steps.read('connections', id);
  requireEvidence(typeof item.etag === 'string' && item.etag !== '', requirement, 'the etag of the draft', 'GET showed none — see UPD-003', exchange);
  return { etag: item.etag, description: item.description };
}

// ETAG-001: a stale etag must really be stale: a PATCH succeeded after it and answered another etag (see UPD-002).
// The 412 counts only beside a control: the same PATCH with the current etag succeeds once the stale one was refused.
test('a PATCH with a stale If-Match answers 412 and changes nothing', { tag: '@ETAG-001' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  const stale = (await current(steps, draft.id, 'ETAG-001')).etag;
  const first = await steps.describeAs('connections', draft.id, 'first writer', stale, 'the first PATCH, with the current etag');
  requireEvidence(first.etag !== '' && first.etag !== stale, 'a stale etag: one a successful PATCH replaced',
    `the PATCH answered the same etag ${stale} — see UPD-002`, first.exchange);
  const exchange = await api.patch('connections', draft.id, [{ op: 'replace', path: '/description', value: 'stale writer' }], stale);
  expectStatus(exchange, 412, `If-Match ${stale} is stale`);
  const { item, exchange: read } = await steps.read('connections', draft.id);
  expectFact(item.description === 'first writer' && item.etag === first.etag, `description "first writer" and etag ${first.etag}`, { description: item.description, etag: item.etag }, read);
  await steps.describeAs('connections', draft.id, 'stale writer', first.etag, 'the control: the same PATCH with the current etag');
});

// ETAG-002: a refusal counts only beside a control: the same PATCH carrying If-Match (the current etag) succeeds.
test('a PATCH without If-Match is refused and changes nothing', { tag: '@ETAG-002' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  const before = await current(steps, draft.id, 'ETAG-002');
  const exchange = await api.patch('connections', draft.id, [{ op: 'replace', path: '/description', value: 'no if-match' }], undefined);
  expectStatus(exchange, [400, 428], 'If-Match is required (400 as documented, or 428)');
  const { item, exchange: read } = await steps.read('connections', draft.id);
  expectFact(item.description === before.description && item.etag === before.etag, 'description and etag unchanged', { description: item.description, etag: item.etag }, read);
  await steps.describeAs('connections', draft.id, 'no if-match', before.etag, 'the control: the same PATCH with If-Match');
});

// ETAG-003: a pass needs exactly one 200 among the racers, 412 for the rest, and the winner's write read back. No
// winner at all counts against the rule only beside a control: a lone PATCH with the current etag succeeds.
test('of concurrent PATCHes with the same If-Match exactly one wins and the others answer 412', { tag: '@ETAG-003' }, async ({ api, steps, build, discovery, target }) => {
  requireDrafts(discovery, ['source']);
  const writers = Math.max(2, target.config.concurrentWriters);
  const draft = await steps.draft('connections', build.base());
  const { etag } = await current(steps, draft.id, 'ETAG-003');
  const answers = await Promise.all(
    Array.from({ length: writers }, (_, i) => api.patch('connections', draft.id, [{ op: 'replace', path: '/description', value: `writer ${i}` }], etag)),
  );
  const statuses = answers.map((a) => a.response?.status);
  const winners = answers.flatMap((a, i) => (a.response?.status === 200 ? [i] : []));
  if (winners.length === 0) await steps.describeAs('connections', draft.id, 'a lone writer', etag, 'the control: one PATCH with the same If-Match, alone');
  expectFact(winners.length === 1, `exactly one 200 among ${writers} racing PATCHes`, statuses);
  expectFact(statuses.every((s) => s === 200 || s === 412), 'the losers to answer 412', statuses);
  const winner = winners[0]!;
  const { item, exchange } = await steps.read('connections', draft.id);
  expectFact(item.description === `writer ${winner}` && item.etag === bodyOf(answers[winner]!).etag,
    `the winner's value "writer ${winner}" and etag`, { description: item.description, etag: item.etag }, exchange);
});

// ETAG-004: a pass needs etags to judge: a string etag from the create and from GET of the kit's draft (a create
// without one is DRAFT-001's failure, a GET without one UPD-003's), each a quoted entity-tag.
test('etags are quoted entity-tags', { tag: '@ETAG-004' }, async ({ steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  const created = bodyOf(draft.exchange).etag;
  requireEvidence(typeof created === 'string', 'the etag the create answered', 'it answered none — see DRAFT-001', draft.exchange);
  expectFact(/^(W\/)?".*"$/.test(created), 'a quoted etag ("...") from create', created, draft.exchange);
  const { item, exchange } = await steps.read('connections', draft.id);
  requireEvidence(typeof item.etag === 'string', 'the etag GET shows', 'GET showed none — see UPD-003', exchange);
  expectFact(/^(W\/)?".*"$/.test(item.etag), 'a quoted etag ("...") from GET', item.etag, exchange);
});

// ETAG-005: a pass needs a real etag, one that tells versions apart: after a PATCH answered another etag than the
// create's (see UPD-002), two GETs with no write between show the same non-empty etag.
test('repeated GETs with no write between show the same etag', { tag: '@ETAG-005' }, async ({ steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  // the create's own etag where it answered one: a GET's is the thing in question here
  const created = draft.etag || (await current(steps, draft.id, 'ETAG-005')).etag;
  const patched = await steps.describeAs('connections', draft.id, 'a second version', created);
  requireEvidence(patched.etag !== '' && patched.etag !== created, 'an etag that tells versions apart',
    `the create and the PATCH both answered ${created} — see UPD-002`, patched.exchange);
  const first = await current(steps, draft.id, 'ETAG-005');
  const second = await steps.read('connections', draft.id);
  expectFact(first.etag === second.item.etag, `the same etag ${first.etag}`, second.item.etag, second.exchange);
});
