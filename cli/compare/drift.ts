// Where two implementations answer the same seeded run differently. Each side's exchanges are paired test by test,
// step by step (the same checks with the same seed send the same requests while both sides answer alike); a pair is
// compared on what a client depends on: the status (class, then code), the top-level fields, the JSON types at every
// path, the error body's shape, the headers that matter (ETag, Location, Content-Type) and, apart, latency. Values
// never count: ids, etags and timestamps differ between any two runs. Differences are grouped (the same difference on
// the same operation is one entry, with a count and a few places it was seen) and the most significant come first.
import { etagForm, mediaType, shapeDifferences, shapeOf, topLevelFields, type ShapeDifference } from './json-shape.ts';

export interface ComparedExchange {
  operationId?: string;
  request: { method: string; url: string };
  response?: { status: number; headers: Record<string, string>; body: unknown };
  /** No answer: refused, reset, timed out. */
  error?: string;
  durationMs: number;
}

export interface ComparedRun {
  /** Each requirement's status in the run (pass, fail, warn, error, not-applicable). */
  requirements: Record<string, string>;
  /** Each test (by a key both runs share: its title) and the exchanges it made, in order. */
  tests: Record<string, ComparedExchange[]>;
}

export type DriftKind = 'requirement' | 'sequence' | 'transport' | 'status-class' | 'status-code' | 'fields' | 'types' | 'error-shape' | 'header' | 'latency';

/** Lower is more significant: a requirement one side fails outranks everything a client could notice on the wire. */
export const SIGNIFICANCE: Record<DriftKind, number> = {
  requirement: 0, sequence: 1, transport: 2, 'status-class': 3, 'status-code': 4, fields: 5, types: 6, 'error-shape': 7, header: 8, latency: 9,
};

export interface Drift {
  kind: DriftKind;
  /** The operation (operationId, else method and path) or, for a requirement, its id. */
  subject: string;
  /** One line: what differs. */
  summary: string;
  a: unknown;
  b: unknown;
  /** How many pairs showed it. */
  count: number;
  /** Up to three places it was seen: the test and the step's index in it. */
  seen: { test: string; step: number }[];
}

export interface DriftReport {
  /** Pairs of exchanges compared. */
  pairs: number;
  /** Requirements whose status differs between the two runs: the exit code's question. */
  disagreements: number;
  differences: Drift[];
}

const MAX_SEEN = 3;
/** Latency is named only past both bounds: twice as slow, and a quarter second slower at the median. */
const LATENCY_RATIO = 2;
const LATENCY_MS = 250;

export function compareRuns(a: ComparedRun, b: ComparedRun): DriftReport {
  const drifts = new Map<string, Drift>();
  const note = (kind: DriftKind, subject: string, key: string, summary: string, left: unknown, right: unknown, at?: { test: string; step: number }) => {
    const id = `${kind}\u0000${subject}\u0000${key}`;
    let drift = drifts.get(id);
    if (!drift) drifts.set(id, (drift = { kind, subject, summary, a: left, b: right, count: 0, seen: [] }));
    drift.count++;
    if (at && drift.seen.length < MAX_SEEN) drift.seen.push(at);
  };

  let disagreements = 0;
  for (const id of [...new Set([...Object.keys(a.requirements), ...Object.keys(b.requirements)])].sort()) {
    const left = a.requirements[id] ?? 'absent';
    const right = b.requirements[id] ?? 'absent';
    if (left === right) continue;
    disagreements++;
    note('requirement', id, '', `${id}: ${left} on A, ${right} on B`, left, right);
  }

  let pairs = 0;
  const latency = new Map<string, { a: number[]; b: number[] }>();
  for (const test of Object.keys(a.tests).filter((t) => t in b.tests).sort()) {
    for (const [x, y, at] of pairExchanges(a.tests[test]!, b.tests[test]!, test, note)) {
      pairs++;
      const operation = operationOf(x);
      comparePair(operation, x, y, at, note);
      const timings = latency.get(operation) ?? { a: [], b: [] };
      timings.a.push(x.durationMs);
      timings.b.push(y.durationMs);
      latency.set(operation, timings);
    }
  }
  for (const [operation, timings] of latency) {
    const left = median(timings.a);
    const right = median(timings.b);
    const [slow, fast] = left > right ? [left, right] : [right, left];
    if (slow >= fast * LATENCY_RATIO && slow - fast >= LATENCY_MS) {
      note('latency', operation, '', `median ${Math.round(left)} ms on A, ${Math.round(right)} ms on B`, Math.round(left), Math.round(right));
    }
  }
  const differences = [...drifts.values()].sort((p, q) => SIGNIFICANCE[p.kind] - SIGNIFICANCE[q.kind] || q.count - p.count || p.subject.localeCompare(q.subject));
  return { pairs, disagreements, differences };
}

/**
 * The pairs of one test: its requests matched by what they are (method and operation) and, among those of one
 * operation, by occurrence, in the order of their answers' status codes. A sequential check pairs as it ran, step by
 * step; requests raced against each other (ETAG-003's concurrent PATCHes) pair one winner with the other's winner
 * whatever order the answers came back in. A request only one side sent is the point where the runs part: a
 * `sequence` difference, and the pairs after it are still compared.
 */
function pairExchanges(left: ComparedExchange[], right: ComparedExchange[], test: string, note: Note): [ComparedExchange, ComparedExchange, { test: string; step: number }][] {
  const group = (list: ComparedExchange[]) => {
    const groups = new Map<string, { exchange: ComparedExchange; step: number }[]>();
    list.forEach((exchange, step) => {
      const key = requestLine(exchange);
      groups.set(key, [...(groups.get(key) ?? []), { exchange, step }]);
    });
    for (const members of groups.values()) members.sort((p, q) => (p.exchange.response?.status ?? 0) - (q.exchange.response?.status ?? 0) || p.step - q.step);
    return groups;
  };
  const a = group(left);
  const b = group(right);
  const pairs: [ComparedExchange, ComparedExchange, { test: string; step: number }][] = [];
  for (const key of [...new Set([...a.keys(), ...b.keys()])]) {
    const xs = a.get(key) ?? [];
    const ys = b.get(key) ?? [];
    for (let i = 0; i < Math.min(xs.length, ys.length); i++) pairs.push([xs[i]!.exchange, ys[i]!.exchange, { test, step: xs[i]!.step }]);
    if (xs.length !== ys.length) {
      const at = { test, step: (xs[ys.length] ?? ys[xs.length])!.step };
      note('sequence', test, key, `${key}: sent ${xs.length} time${xs.length === 1 ? '' : 's'} on A, ${ys.length} on B`, xs.length, ys.length, at);
    }
  }
  return pairs.sort((p, q) => p[2].step - q[2].step);
}

type Note = (kind: DriftKind, subject: string, key: string, summary: string, a: unknown, b: unknown, at?: { test: string; step: number }) => void;

function comparePair(operation: string, x: ComparedExchange, y: ComparedExchange, at: { test: string; step: number }, note: Note): void {
  if (!x.response || !y.response) {
    if (Boolean(x.response) !== Boolean(y.response)) {
      note('transport', operation, '', `${x.response ? 'answered' : `no answer (${x.error ?? 'none'})`} on A, ${y.response ? 'answered' : `no answer (${y.error ?? 'none'})`} on B`, x.error ?? x.response?.status, y.error ?? y.response?.status, at);
    }
    return;
  }
  const [p, q] = [x.response, y.response];
  if (Math.floor(p.status / 100) !== Math.floor(q.status / 100)) {
    note('status-class', operation, `${p.status}/${q.status}`, `answered ${p.status} on A, ${q.status} on B`, p.status, q.status, at);
    return; // a success beside a refusal: their bodies are not two versions of one answer
  }
  if (p.status !== q.status) note('status-code', operation, `${p.status}/${q.status}`, `answered ${p.status} on A, ${q.status} on B`, p.status, q.status, at);
  const error = p.status >= 400;
  const fieldsA = topLevelFields(p.body);
  const fieldsB = topLevelFields(q.body);
  const onlyA = fieldsA.filter((f) => !fieldsB.includes(f));
  const onlyB = fieldsB.filter((f) => !fieldsA.includes(f));
  if (onlyA.length + onlyB.length > 0) {
    const kind = error ? 'error-shape' : 'fields';
    note(kind, operation, `${onlyA.join()}|${onlyB.join()}`, `${error ? 'error body fields' : 'top-level fields'}: ${describeOnly(onlyA, 'A')}${onlyA.length && onlyB.length ? '; ' : ''}${describeOnly(onlyB, 'B')}`, onlyA, onlyB, at);
  }
  const list = isList(operation, x);
  for (const difference of shapeDifferences(shapeOf(p.body), shapeOf(q.body))) {
    const oneSided = difference.a.length === 0 || difference.b.length === 0;
    // a top-level field one side lacks is already the field difference above
    if (oneSided && !difference.path.includes('.') && !difference.path.includes('[]') && difference.path !== '') continue;
    // what a list holds depends on what else is in the store (other checks' entities, a next page or none): its
    // items and links are compared where both sides have them, never for being there on one side only
    if (oneSided && list) continue;
    note(error ? 'error-shape' : 'types', operation, difference.path, describeShape(difference), difference.a, difference.b, at);
  }
  for (const [header, form] of [['etag', etagForm], ['location', (v: string | undefined) => (v ? 'present' : 'absent')], ['content-type', mediaType]] as const) {
    const left = form(headerOf(p.headers, header));
    const right = form(headerOf(q.headers, header));
    if (left !== right) note('header', operation, `${header}:${left}/${right}`, `${header}: ${left} on A, ${right} on B`, left, right, at);
  }
}

function describeOnly(fields: string[], side: string): string {
  return fields.length === 0 ? '' : `${fields.join(', ')} only on ${side}`;
}

function describeShape(d: ShapeDifference): string {
  const path = d.path === '' ? 'the body' : d.path;
  if (d.a.length === 0) return `${path} only on B (${d.b.join(' | ')})`;
  if (d.b.length === 0) return `${path} only on A (${d.a.join(' | ')})`;
  return `${path} is ${d.a.join(' | ')} on A, ${d.b.join(' | ')} on B`;
}

function headerOf(headers: Record<string, string> | undefined, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers ?? {})) if (key.toLowerCase() === name) return value;
  return undefined;
}

/** A list operation (`listConnections`, or a GET of a collection without an id). */
function isList(operation: string, exchange: ComparedExchange): boolean {
  if (exchange.operationId) return /^list[A-Z]/.test(exchange.operationId);
  return exchange.request.method === 'GET' && !operation.includes('{id}');
}

/** The operation an exchange is an instance of: its operationId, else its method and path with ids masked. */
export function operationOf(exchange: ComparedExchange): string {
  if (exchange.operationId) return exchange.operationId;
  const path = exchange.request.url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0]!;
  return `${exchange.request.method} ${path.replace(/\/[^/]*[0-9][^/]*(?=\/|$)/g, '/{id}')}`;
}

function requestLine(exchange: ComparedExchange): string {
  return exchange.operationId ? `${exchange.request.method} ${exchange.operationId}` : operationOf(exchange);
}

function median(values: number[]): number {
  const sorted = [...values].sort((p, q) => p - q);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
