// Which exchanges a check's evidence keeps (cli/evidence.ts), as pure functions: the culprit found by the mark its
// RequirementFailure left or by the request its message names, never a cleanup DELETE; over the cap, the exchanges
// that made and changed the ids the culprit names are kept before any other; a pass keeps its last exchanges.
import { expect, test } from '@playwright/test';
import { AFTER_CULPRIT, findCulprit, MAX_EVIDENCE_EXCHANGES, PASS_EXCHANGES, selectExchanges } from '../../cli/evidence.ts';
import { fold, type TestOutcome } from '../../cli/fold.ts';

const BASE = 'http://127.0.0.1:4000/data/foundation/flowservice';
interface X { request: { method: string; url: string; headers: Record<string, string>; body?: unknown }; response: { status: number; headers: Record<string, string>; body?: unknown; text: string }; durationMs: number; phase?: 'cleanup'; broke?: string; step?: string }
const x = (method: string, path: string, status: number, extra: { body?: unknown; answer?: unknown; phase?: 'cleanup'; broke?: string; step?: string } = {}): X => ({
  request: { method, url: `${BASE}${path}`, headers: {}, ...(extra.body !== undefined ? { body: extra.body } : {}) },
  response: { status, headers: {}, ...(extra.answer !== undefined ? { body: extra.answer } : {}), text: JSON.stringify(extra.answer ?? '') },
  durationMs: 1, ...(extra.phase ? { phase: extra.phase } : {}), ...(extra.broke ? { broke: extra.broke } : {}), ...(extra.step ? { step: extra.step } : {}),
});

test('the culprit is the exchange its failure marked, else the last one of the check its message names, never cleanup', () => {
  const publish = (status: number, broke?: string) => x('POST', '/flows/f-1/action?op=publish', status, broke ? { broke } : {});
  const message = 'POST /data/foundation/flowservice/flows/f-1/action?op=publish: expected 4xx, received 200 [ORD-003]';
  // two sends of the same request: the marked one, not the later one
  expect(findCulprit([publish(200, message), publish(400)], message)).toBe(0);
  // no mark (a check that threw RequirementFailure without its exchange): the last of the check with that request
  expect(findCulprit([publish(200), x('GET', '/flows/f-1', 200), publish(200)], message)).toBe(2);
  // a DELETE check: the teardown's DELETE of the same path is not the one that broke the rule
  const del = 'DELETE /data/foundation/flowservice/flows/f-1: expected 204, received 200 [DEL-001]';
  expect(findCulprit([x('DELETE', '/flows/f-1', 200), x('DELETE', '/flows/f-1', 204, { phase: 'cleanup' })], del)).toBe(0);
  expect(findCulprit([x('GET', '/flows', 200)], 'expected a list [LIST-001]')).toBeUndefined();
});

test('over the cap, the exchanges that created and published the ids the culprit names stay, and the omission is counted', () => {
  const base = x('POST', '/connections?mode=draft', 201, { answer: { id: 'base-1' }, step: 'create a draft base connection' });
  const publishBase = x('POST', '/connections/base-1/action?op=publish', 200, { step: 'publish the base connection base-1' });
  const source = x('POST', '/sourceConnections?mode=draft', 201, { body: { baseConnectionId: 'base-1' }, answer: { id: 'src-1' } });
  const unrelated = x('POST', '/connections?mode=draft', 201, { answer: { id: 'other-9' } });
  const polls = Array.from({ length: 60 }, (_, i) => x('GET', `/connections/other-9?poll=${i}`, 200));
  const culprit = x('POST', '/sourceConnections/src-1/action?op=publish', 200);
  const cleanup = Array.from({ length: 12 }, (_, i) => x('DELETE', `/x/${i}`, 204, { phase: 'cleanup' }));
  const all = [base, publishBase, source, unrelated, ...polls, culprit, ...cleanup];
  const at = all.indexOf(culprit);
  const { exchanges, culprit: index, omitted } = selectExchanges(all, { culprit: at });
  expect(exchanges[index!]).toBe(culprit);
  // the chain the culprit needs: the source it publishes and the base that source names, created and published
  expect(exchanges.slice(0, 3)).toEqual([base, publishBase, source]);
  expect(exchanges).not.toContain(unrelated);
  // then the most recent exchanges before it up to the cap, and a few after it
  expect(index).toBe(MAX_EVIDENCE_EXCHANGES - 1);
  expect(exchanges.slice(index! + 1)).toEqual(cleanup.slice(0, AFTER_CULPRIT));
  expect(omitted).toBe(all.length - exchanges.length);
});

test('a pass keeps its last exchanges before cleanup; a check that could not go on centres on its last one', () => {
  const body = Array.from({ length: 20 }, (_, i) => x('GET', `/flows/${i}`, 200));
  const cleanup = [x('DELETE', '/flows/a', 204, { phase: 'cleanup' })];
  expect(selectExchanges([...body, ...cleanup], {}).exchanges).toEqual(body.slice(-PASS_EXCHANGES));
  expect(selectExchanges([...body.slice(0, 3), ...cleanup], {}).exchanges).toEqual([...body.slice(0, 3), ...cleanup]);
  const stopped = selectExchanges([...body.slice(0, 5), ...cleanup], { stopped: true });
  expect(stopped.exchanges).toEqual([...body.slice(0, 5), ...cleanup]);
  expect(stopped.culprit).toBeUndefined();
});

test('the fold gives a failed check its culprit index and its setup, from the outcome the reporter wrote', () => {
  const message = 'POST /data/foundation/flowservice/flows/f-1/action?op=publish: expected 4xx (source connection s-2 is a draft), received 200 {} [ORD-003]';
  const exchanges = [
    x('POST', '/flows?mode=draft', 201, { body: { sourceConnectionIds: ['s-2'] }, answer: { id: 'f-1' }, step: 'create a draft flow' }),
    x('POST', '/flows/f-1/action?op=publish', 200, { broke: message }),
    x('DELETE', '/flows/f-1', 204, { phase: 'cleanup' }),
  ];
  const outcome: TestOutcome = { title: 'publish of a flow is refused', tags: ['@ORD-003'], status: 'failed', durationMs: 5, errors: [`RequirementFailure: ${message}`], annotations: [], exchanges };
  const [evidence] = fold([outcome], { strict: false, selection: { requirements: ['ORD-003'] } }).find((r) => r.id === 'ORD-003')!.evidence;
  expect(evidence?.culprit).toBe(1);
  expect(evidence?.exchanges).toEqual(exchanges);
  expect(evidence?.omitted).toBeUndefined();
});
