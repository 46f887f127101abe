// Reading lists the way a client of the documented API does, page after page through `_links.next.href`
// (next-link.ts), and "nothing was created" shown without trusting a filter the target may ignore.
import { bodyOf, type FlowClient } from './client.ts';
import type { Kind } from '../../kit/kinds.ts';
import { nextPath } from '../../kit/next-link.ts';
import type { Exchange } from '../../kit/exchange.ts';
import { CouldNotCheck, expectFact, expectStatus, RequirementFailure, where } from './verdicts.ts';

export interface Collected {
  items: Record<string, unknown>[];
  /** False when `maxPages` ran out with a next link still to follow: what was not read says nothing. */
  complete: boolean;
  last: Exchange;
}

export interface CollectOptions {
  maxPages: number;
  /** The limit asked for: every page, followed or not, holds at most that many items. */
  limit?: number;
  /**
   * A page that is not a 200 list, or a next link that cannot be followed: the requirement's failure (`fail`, for the
   * LIST checks, whose rule it is) or the kit's inability to check (`cannot`, for checks that only read lists).
   */
  onBadPage: 'fail' | 'cannot';
}

/** Every item of `GET /{kind}?{query}`, following `_links.next.href` up to `maxPages` pages. */
export async function collect(api: FlowClient, kind: Kind, query: string, requirement: string, options: CollectOptions): Promise<Collected> {
  const items: Record<string, unknown>[] = [];
  let exchange = await api.list(kind, query);
  for (let page = 1; ; page++) {
    const body = bodyOf(exchange);
    if (options.onBadPage === 'cannot' && (exchange.response?.status !== 200 || !Array.isArray(body.items))) {
      throw new CouldNotCheck(`${where(exchange)}: could not check: the list answered ${exchange.response?.status ?? 'nothing'} without an items array, so it shows nothing about the rule [${requirement}]`);
    }
    expectStatus(exchange, 200, requirement, 'a list page');
    expectFact(Array.isArray(body.items), requirement, 'an items array', body.items, exchange);
    const pageItems = (body.items as unknown[]).filter((i): i is Record<string, unknown> => Boolean(i) && typeof i === 'object');
    if (options.limit !== undefined) expectFact(pageItems.length <= options.limit, requirement, `at most ${options.limit} items in a page`, pageItems.length, exchange);
    items.push(...pageItems);
    const links = body._links as Record<string, { href?: unknown } | undefined> | undefined;
    const next = links && typeof links === 'object' ? links.next : undefined;
    if (next === undefined || next === null || pageItems.length === 0) return { items, complete: true, last: exchange };
    if (page >= options.maxPages) return { items, complete: false, last: exchange };
    const link = nextPath(api.target.baseUrl, exchange.request.url, typeof next === 'object' ? next.href : next);
    if ('problem' in link) {
      if (link.harness || options.onBadPage === 'cannot') throw new CouldNotCheck(`${where(exchange)}: could not check: ${link.problem} [${requirement}]`);
      throw new RequirementFailure(`${where(exchange)}: expected ${link.problem} [${requirement}]`);
    }
    exchange = await api.send('GET', link.path);
  }
}

/**
 * "Nothing was created under `name`", shown without trusting the name filter: a target that ignores it lists other
 * entities, and only one carrying that name is evidence of a create. A list that cannot be read shows nothing either
 * way (CouldNotCheck); a few pages are followed, since the filter may have been ignored.
 */
export async function expectNoneNamed(api: FlowClient, kind: Kind, name: string, requirement: string, what = 'the refused request'): Promise<void> {
  const { items, complete, last } = await collect(api, kind, `property=name==${encodeURIComponent(name)}`, requirement, { maxPages: 5, onBadPage: 'cannot' });
  const named = items.filter((item) => item.name === name);
  expectFact(named.length === 0, requirement, `no ${api.describe(kind)} named ${name} after ${what}`, named.map((i) => i.id), last);
  if (!complete) {
    throw new CouldNotCheck(`${where(last)}: could not check that nothing was created: the list filtered by name ${name} went on past 5 pages (the filter looks ignored), and what was not read could hold it [${requirement}]`);
  }
}

/**
 * The other half of "nothing was created under `name`": once a control created `id` under that name, the list by
 * name shows it. Without this, a list that never shows anything would make every "nothing created" pass.
 */
export async function requireListedByName(api: FlowClient, kind: Kind, name: string, id: string, requirement: string): Promise<void> {
  const { items, last } = await collect(api, kind, `property=name==${encodeURIComponent(name)}`, requirement, { maxPages: 5, onBadPage: 'cannot' });
  if (items.some((item) => item.id === id && item.name === name)) return;
  throw new CouldNotCheck(`${where(last)}: could not check that nothing was created: the list by name does not show ${api.describe(kind)} ${id}, created under the name ${name} by the control, so it would not have shown a refused one either — see LIST-002 [${requirement}]`);
}
