// Which of a check's exchanges its evidence shows, and which one broke the rule. A failure's evidence is the story
// that reproduces it: from the check's first exchange (the setup that made the ids the failing request names) to the
// exchange that broke the rule, then a few after it (the test's cleanup, marked as such by the recorder). Over the
// cap, the exchanges that made and changed the ids the culprit names are kept before any other: a curl naming an id
// no listed request created reproduces nothing.
import { pathOf } from '../kit/exchange.ts';

/** Exchanges kept up to and including the one the evidence is about, what made its ids aside. */
export const MAX_EVIDENCE_EXCHANGES = 30;
/** Exchanges kept after it: its cleanup, mostly. */
export const AFTER_CULPRIT = 8;
/** A passing check's evidence: its last exchanges, cleanup last to go in. */
export const PASS_EXCHANGES = 12;

interface Recorded {
  request?: { method?: string; url?: string; body?: unknown };
  response?: { status?: number; body?: unknown };
  phase?: string;
  broke?: string;
}

export interface Selected {
  exchanges: unknown[];
  /** Index in `exchanges` of the one that broke the rule. */
  culprit?: number;
  /** How many of the check's exchanges were left out. */
  omitted?: number;
}

const rec = (x: unknown) => (x && typeof x === 'object' ? (x as Recorded) : {});
const isCleanup = (x: unknown) => rec(x).phase === 'cleanup';
/** "POST /flows/x/action?op=publish: expected …", also inside `step "…": POST …` or a setup line. */
const WHERE = /\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/\S*?)(?::|\s|$)/;

/**
 * The exchange a failure's message is about: the one its RequirementFailure marked (suites/support/verdicts.ts),
 * else the last one of the check whose method and path the message starts with.
 */
export function findCulprit(exchanges: unknown[], message: string): number | undefined {
  const first = message.split('\n')[0] ?? '';
  for (let i = exchanges.length - 1; i >= 0; i--) {
    const broke = rec(exchanges[i]).broke?.split('\n')[0];
    if (broke && first.includes(broke)) return i;
  }
  const where = WHERE.exec(first);
  if (!where) return undefined;
  for (let i = exchanges.length - 1; i >= 0; i--) {
    const x = rec(exchanges[i]);
    if (!isCleanup(x) && x.request?.method === where[1] && pathOf(String(x.request?.url ?? '')) === where[2]) return i;
  }
  return undefined;
}

function createdId(x: Recorded): string | undefined {
  const id = (x.response?.body as { id?: unknown } | undefined)?.id;
  const ok = x.request?.method === 'POST' && (x.response?.status ?? 0) >= 200 && (x.response?.status ?? 0) < 300;
  return ok && typeof id === 'string' && id !== '' ? id : undefined;
}

/** The exchanges before `focus` that created, published, patched or deleted an id it names, and so on up the parents. */
export function provenance(exchanges: unknown[], focus: number): Set<number> {
  const createdAt = new Map<string, number>();
  exchanges.slice(0, focus).forEach((x, i) => {
    const id = createdId(rec(x));
    if (id !== undefined && !createdAt.has(id)) createdAt.set(id, i);
  });
  const names = (x: unknown) => {
    const r = rec(x);
    const text = `${r.request?.url ?? ''} ${JSON.stringify(r.request?.body ?? '')}`;
    return [...createdAt.keys()].filter((id) => text.includes(id));
  };
  const keep = new Set<number>();
  const seen = new Set<string>();
  const queue = names(exchanges[focus]);
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const at = createdAt.get(id)!;
    keep.add(at);
    queue.push(...names(exchanges[at]));
    exchanges.slice(0, focus).forEach((x, i) => {
      const r = rec(x);
      if (r.request?.method !== 'GET' && String(r.request?.url ?? '').includes(id)) keep.add(i);
    });
  }
  return keep;
}

/**
 * The evidence of one check. `culprit`: the exchange that broke the rule; `stopped`: the kit could not go on (no
 * culprit, the last exchange before cleanup is the focus); neither: a pass, its last exchanges.
 */
export function selectExchanges(exchanges: unknown[], focus: { culprit?: number; stopped?: boolean }): Selected {
  let last = exchanges.length - 1;
  while (last >= 0 && isCleanup(exchanges[last])) last--;
  const at = focus.culprit ?? (focus.stopped && last >= 0 ? last : undefined);
  let keep: Set<number>;
  if (at === undefined) {
    // a pass: its last exchanges before cleanup, then cleanup if there is room
    const body = exchanges.map((_, i) => i).filter((i) => !isCleanup(exchanges[i])).slice(-PASS_EXCHANGES);
    const cleanup = exchanges.map((_, i) => i).filter((i) => isCleanup(exchanges[i])).slice(0, Math.max(0, PASS_EXCHANGES - body.length));
    keep = new Set([...body, ...cleanup]);
  } else {
    keep = new Set([at, ...provenance(exchanges, at)]);
    for (let i = at - 1; i >= 0 && keep.size < MAX_EVIDENCE_EXCHANGES; i--) keep.add(i);
    for (let i = at + 1; i < Math.min(exchanges.length, at + 1 + AFTER_CULPRIT); i++) keep.add(i);
  }
  const order = [...keep].sort((a, b) => a - b);
  const omitted = exchanges.length - order.length;
  return {
    exchanges: order.map((i) => exchanges[i]),
    ...(focus.culprit !== undefined ? { culprit: order.indexOf(focus.culprit) } : {}),
    ...(omitted > 0 ? { omitted } : {}),
  };
}
