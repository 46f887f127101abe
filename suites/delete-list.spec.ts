// DEL and LIST: deleting drafts, protecting what flows use, and listing with filters and pages.
import { bodyOf, type FlowClient } from './support/client.ts';
import { requireDrafts, test } from './support/fixtures.ts';
import type { Kind } from './support/operations.ts';
import { pathOf, type Exchange } from './support/recorder.ts';
import { expectFact, expectStatus } from './support/verdicts.ts';

test('a deleted draft is gone: GET and a second DELETE answer 404', { tag: '@DEL-001' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  expectStatus(await api.remove('connections', draft.id), '2xx', 'DEL-001');
  expectStatus(await api.get('connections', draft.id), 404, 'DEL-001', 'the draft was deleted');
  expectStatus(await api.remove('connections', draft.id), 404, 'DEL-001', 'the draft was already deleted');
});

test('a base connection a flow still uses cannot be deleted', { tag: '@DEL-002' }, async ({ api, steps, build }) => {
  const { base, source, target } = await steps.liveConnections();
  await steps.nonDraft('flows', build.flow([source.id], [target.id]));
  expectStatus(await api.remove('connections', base.id), '4xx', 'DEL-002', 'a flow uses it through its source connection');
  const { item, exchange } = await steps.read('connections', base.id);
  expectFact(item.id === base.id, 'DEL-002', 'the base connection still there', item.id, exchange);
});

test('listing with property=state==draft gives only drafts, including the run\'s own', { tag: '@LIST-001' }, async ({ api, steps, build, discovery }) => {
  requireDrafts(discovery, ['source']);
  const draft = await steps.draft('connections', build.base());
  await steps.nonDraft('connections', build.base());
  const items = await collect(api, 'connections', 'property=state==draft&limit=100', 'LIST-001', 50);
  const states = [...new Set(items.map((i) => i.state))];
  expectFact(states.every((s) => s === 'draft'), 'LIST-001', 'only state "draft"', states);
  expectFact(items.some((i) => i.id === draft.id), 'LIST-001', `the run's draft ${draft.id} among them`, items.length);
});

test('with limit, pages hold at most that many items and _links.next.href yields the rest once each', { tag: '@LIST-002' }, async ({ api, steps, build }) => {
  const prefix = build.name('page');
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push((await steps.nonDraft('connections', { ...build.base(), name: `${prefix}-${i}` })).id);
  const query = `property=id==${ids.join(',')}&limit=2`;
  const first = await api.list('connections', query);
  expectStatus(first, 200, 'LIST-002');
  const pageItems = bodyOf(first).items;
  expectFact(Array.isArray(pageItems) && pageItems.length <= 2, 'LIST-002', 'at most 2 items', Array.isArray(pageItems) ? pageItems.length : pageItems, first);
  const all = await collect(api, 'connections', query, 'LIST-002', 10);
  const seen = new Set<string>();
  for (const item of all) {
    expectFact(!seen.has(String(item.id)), 'LIST-002', 'no item twice across pages', item.id);
    seen.add(String(item.id));
  }
  expectFact(ids.every((id) => seen.has(id)), 'LIST-002', `all ${ids.length} connections of this test across the pages`, ids.filter((id) => !seen.has(id)));
});

/** Follows `_links.next.href` (relative to the service base path or to the origin) and gathers every item. */
async function collect(api: FlowClient, kind: Kind, query: string, requirement: string, maxPages: number): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let exchange: Exchange = await api.list(kind, query);
  for (let page = 0; page < maxPages; page++) {
    expectStatus(exchange, 200, requirement);
    const body = bodyOf(exchange);
    const pageItems = Array.isArray(body.items) ? (body.items as Record<string, unknown>[]) : [];
    const limit = Number(new URLSearchParams(pathOf(exchange.request.url).split('?')[1] ?? '').get('limit') ?? Infinity);
    expectFact(pageItems.length <= limit, requirement, `at most ${limit} items in a page`, pageItems.length, exchange);
    items.push(...pageItems);
    const href = ((body._links as Record<string, { href?: unknown }> | undefined)?.next?.href);
    if (typeof href !== 'string' || href === '' || pageItems.length === 0) return items;
    exchange = await api.send('GET', relativeToBase(api, href));
  }
  return items;
}

function relativeToBase(api: FlowClient, href: string): string {
  const base = new URL(api.target.baseUrl);
  const url = new URL(href, base.origin);
  return url.pathname.startsWith(base.pathname) ? url.pathname.slice(base.pathname.length) + url.search : url.pathname + url.search;
}

