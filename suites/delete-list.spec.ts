// DEL and LIST: deleting drafts, protecting what flows use, a deleted entity leaving every list, and listing with
// filters and pages. Each pass stands on something the target was shown to do: the entity read back before it is
// deleted, a refusal beside the same request succeeding, listed items that exist and a live one left out.
import { bodyOf, isSuccess, type FlowClient } from './support/client.ts';
import { requireDrafts, test } from './support/fixtures.ts';
import { collect } from './support/listing.ts';
import type { Kind } from '../kit/kinds.ts';
import { SetupFailure } from './support/steps.ts';
import { CouldNotCheck, couldNotCheck, expectFact, expectStatus, requireEvidence, where } from './support/verdicts.ts';

/** A delete the check needs to succeed (a control or a setup step); DEL-001 judges deletes. */
async function removed(api: FlowClient, kind: Kind, id: string, step: string): Promise<void> {
  const exchange = await api.remove(kind, id);
  if (!isSuccess(exchange)) throw new SetupFailure(step, exchange, 'DEL-001');
}

test('a deleted draft is gone: GET and a second DELETE answer 404', { tag: '@DEL-001' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const body = build.base();
  const draft = await steps.draft('connections', body);
  // the 404s below only mean "deleted" if the draft could be read before
  const { item, exchange } = await steps.read('connections', draft.id);
  requireEvidence(item.id === draft.id && item.name === body.name, `the draft ${draft.id} named ${String(body.name)} read back before it is deleted`, `GET showed id ${String(item.id)}, name ${String(item.name)} — see DRAFT-005`, exchange);
  expectStatus(await api.remove('connections', draft.id), '2xx');
  expectStatus(await api.get('connections', draft.id), 404, 'the draft was deleted');
  expectStatus(await api.remove('connections', draft.id), 404, 'the draft was already deleted');
});

test('a base connection a flow still uses cannot be deleted', { tag: '@DEL-002' }, async ({ api, steps, build }) => {
  const { base, source, target } = await steps.liveConnections();
  const flow = await steps.nonDraft('flows', build.flow([source.id], [target.id]));
  expectStatus(await api.remove('connections', base.id), '4xx', 'a flow uses it through its source connection');
  const { item, exchange } = await steps.read('connections', base.id);
  expectFact(item.id === base.id, 'the base connection still there', item.id, exchange);
  // the control: once nothing uses it, the same DELETE succeeds, so the refusal was for the flow and not, say, a
  // target that refuses every DELETE (405)
  await removed(api, 'flows', flow.id, 'delete the flow (the control)');
  await removed(api, 'sourceConnections', source.id, 'delete the source connection (the control)');
  await removed(api, 'targetConnections', target.id, 'delete the target connection (the control)');
  const again = await api.remove('connections', base.id);
  requireEvidence(isSuccess(again), 'the same DELETE to succeed once no flow uses the base connection (the control)', `it answered ${again.response?.status ?? 'nothing'}, so the refusal may not have been for the flow — see DEL-001`, again);
});

test('a deleted entity leaves every list: plain, filtered by id or name, paged and counted', { tag: '@DEL-003' }, async ({ api, steps, build }) => {
  const made: { id: string; name: string }[] = [];
  for (const label of ['a', 'b', 'c', 'd']) {
    const name = build.name(`listed-${label}`);
    made.push({ id: (await steps.nonDraft('connections', { ...build.base(), name })).id, name });
  }
  const ids = made.map((m) => m.id);
  requireEvidence(new Set(ids).size === 4, 'four distinct connections, two to delete and two to keep', `the creates answered ${new Set(ids).size} distinct id(s) — see DRAFT-012`);
  const [a, b, c, d] = made as [(typeof made)[0], (typeof made)[0], (typeof made)[0], (typeof made)[0]];
  const byId = (of: typeof made) => `property=id==${of.map((m) => m.id).join(',')}`;
  const byName = (of: typeof made) => `property=name==${of.map((m) => encodeURIComponent(m.name)).join(',')}`;

  // before any delete, the filtered views and counts show all four: they do show this test's entities. A count must
  // also give 1 for one of them, or a count ignoring the filter could match by chance (a sandbox holding just four).
  // A count that does not follow the filter is kept for the end, so a list still showing a deleted entity is the verdict
  let countProblem: CouldNotCheck | undefined;
  for (const filter of [byId, byName]) {
    const { items, last } = await collect(api, 'connections', filter(made), 'DEL-003', { maxPages: 10, onBadPage: 'cannot' });
    const missing = made.filter((m) => !items.some((i) => i.id === m.id)).map((m) => m.id);
    requireEvidence(missing.length === 0, `GET /connections?${filter(made)} to list the four connections before any delete`, `it left out ${missing.join(', ')} — see LIST-002`, last);
    for (const [of, expected] of [[made, 4], [[a], 1]] as const) {
      if (countProblem) break;
      countProblem = await expectCount(api, filter([...of]), expected, 'before any delete', 'control').then(() => undefined, (e: unknown) => {
        if (e instanceof CouldNotCheck) return e;
        throw e;
      });
    }
  }

  // B, then C: the order that once left C in the reference server's lists
  await removed(api, 'connections', b.id, 'delete the second connection');
  await removed(api, 'connections', c.id, 'delete the third connection');
  const gone = [b, c];
  const kept = [a, d];

  const views: { label: string; query: string; keeps: boolean; maxPages: number }[] = [
    { label: 'the plain list', query: '', keeps: true, maxPages: 50 },
    { label: 'filtered by id', query: byId(made), keeps: true, maxPages: 10 },
    { label: 'filtered by name', query: byName(made), keeps: true, maxPages: 10 },
    { label: 'pages of one, filtered by id', query: `${byId(made)}&limit=1`, keeps: true, maxPages: 10 },
    { label: 'pages of one, filtered by name', query: `${byName(made)}&limit=1`, keeps: true, maxPages: 10 },
    { label: 'filtered by the deleted ids alone', query: byId(gone), keeps: false, maxPages: 10 },
    { label: 'filtered by the deleted names alone', query: byName(gone), keeps: false, maxPages: 10 },
  ];
  for (const view of views) {
    const { items, complete, last } = await collect(api, 'connections', view.query, 'DEL-003', { maxPages: view.maxPages, onBadPage: 'cannot' });
    const stale = items.filter((i) => gone.some((g) => g.id === i.id)).map((i) => i.id);
    expectFact(stale.length === 0, `${view.label} without the deleted connections`, stale, last);
    if (!complete) throw couldNotCheck(`${where(last)}: could not check: ${view.label} went on past ${view.maxPages} pages, and what was not read could hold a deleted connection`);
    if (view.keeps) {
      // an empty list would pass the line above for any target: the kept ones show the view still lists
      const lost = kept.filter((k) => !items.some((i) => i.id === k.id)).map((k) => k.id);
      requireEvidence(lost.length === 0, `${view.label} still to show the connections that were not deleted`, `it left out ${lost.join(', ')} as well`, last);
    }
  }
  if (countProblem) throw countProblem;
  for (const query of [byId(made), byName(made)]) await expectCount(api, query, 2, 'after two of the four were deleted', 'check');
  for (const query of [byId(gone), byName(gone)]) await expectCount(api, query, 0, 'after both were deleted', 'check');
});

/**
 * `count=true` under `query` counts `expected`. Before the deletes (`control`) anything else shows the count does not
 * count under this filter at all, so it can show nothing; after them, more is a deleted entity still counted, and
 * fewer says nothing about the rule.
 */
async function expectCount(api: FlowClient, query: string, expected: number, when: string, role: 'control' | 'check'): Promise<void> {
  const exchange = await api.list('connections', `count=true&${query}`);
  const count = bodyOf(exchange).count;
  requireEvidence(exchange.response?.status === 200 && typeof count === 'number', 'DEL-003', `GET /connections?count=true&${query} to answer a count`, `it answered ${exchange.response?.status ?? 'nothing'} ${JSON.stringify(count) ?? ''}`, exchange);
  if (role === 'check') expectFact(count <= expected, 'DEL-003', `a count of ${expected} ${when}`, count, exchange);
  requireEvidence(count === expected, 'DEL-003', `a count of ${expected} ${when}`, `it counted ${count}${role === 'control' ? ', so the count does not follow this filter' : ', fewer than it lists'}`, exchange);
}

test('listing with property=state==draft gives only drafts, including the run\'s own', { tag: '@LIST-001' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  const live = await steps.nonDraft('connections', build.base());
  // the live one's absence from the list counts only if it is another entity, exists, and is not a draft
  requireEvidence(live.id !== draft.id, 'a draft and a non-draft connection with distinct ids', `both creates answered ${live.id} — see DRAFT-012`);
  const { item, exchange } = await steps.read('connections', live.id);
  requireEvidence(item.id === live.id && item.state !== 'draft', `a non-draft connection ${live.id} for the filter to leave out`, `GET showed id ${String(item.id)} in state ${String(item.state)} — see DRAFT-007`, exchange);
  const { items, complete, last } = await collect(api, 'connections', 'property=state==draft&limit=100', 'LIST-001', { maxPages: 50, onBadPage: 'fail' });
  const states = [...new Set(items.map((i) => i.state))];
  expectFact(states.every((s) => s === 'draft'), 'only state "draft"', states, last);
  expectFact(!items.some((i) => i.id === live.id), `the non-draft ${live.id} left out`, live.id, last);
  if (!items.some((i) => i.id === draft.id)) {
    if (!complete) throw couldNotCheck(`${where(last)}: could not check: 50 pages of drafts did not reach the run's draft ${draft.id}`);
    expectFact(false, `the run's draft ${draft.id} among them`, `${items.length} drafts without it`, last);
  }
});

test('with limit, pages hold at most that many items and _links.next.href yields the rest once each', { tag: '@LIST-002' }, async ({ api, steps, build }) => {
  const prefix = build.name('page');
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push((await steps.nonDraft('connections', { ...build.base(), name: `${prefix}-${i}` })).id);
  requireEvidence(new Set(ids).size === 5, 'five distinct connections to page through', `the creates answered ${new Set(ids).size} distinct id(s) — see DRAFT-012`);
  const { items, last } = await collect(api, 'connections', `property=id==${ids.join(',')}&limit=2`, 'LIST-002', { maxPages: 10, limit: 2, onBadPage: 'fail' });
  const seen = new Set<string>();
  for (const item of items) {
    expectFact(!seen.has(String(item.id)), 'no item twice across pages', item.id, last);
    seen.add(String(item.id));
  }
  expectFact(ids.every((id) => seen.has(id)), `all ${ids.length} connections of this test across the pages`, ids.filter((id) => !seen.has(id)), last);
});
