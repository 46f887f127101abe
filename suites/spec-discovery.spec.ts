// SPEC: the target serves the specs the draft workflow starts from.
import { writeSpecFlags } from '../kit/annotations/specs.ts';
import { bodyOf, firstItem, type FlowClient } from './support/client.ts';
import { test } from './support/fixtures.ts';
import type { Exchange } from '../kit/exchange.ts';
import { couldNotCheck, expectFact, expectStatus, where } from './support/verdicts.ts';

// Both configured connection specs, so a target answering one canned spec for every id is caught on the other one.
test('a connection spec is read by id inside an items wrapper', { tag: ['@SPEC-001', '@read-only'] }, async ({ api, target }) => {
  const ids = [...new Set([target.config.sourceConnectionSpecId, target.config.targetConnectionSpecId])];
  for (const id of ids) {
    const exchange = await api.send('GET', `/connectionSpecs/${encodeURIComponent(id)}`);
    expectStatus(exchange, 200);
    const items = bodyOf(exchange).items;
    expectFact(Array.isArray(items) && items.length === 1, 'items holding exactly one spec', items, exchange);
    expectFact(firstItem(exchange)?.id === id, `items[0].id "${id}"`, firstItem(exchange)?.id, exchange);
  }
});

const byName = (api: FlowClient, name: string) => api.send('GET', `/flowSpecs?property=name==%22${encodeURIComponent(name)}%22`);
const namesOf = (exchange: Exchange) => (Array.isArray(bodyOf(exchange).items) ? (bodyOf(exchange).items as Record<string, unknown>[]).map((i) => i?.name) : []);

test('flow specs filtered by name list only specs of that name', { tag: ['@SPEC-002', '@read-only'] }, async ({ api, discovery }) => {
  const all = await api.send('GET', '/flowSpecs');
  const listedNames = namesOf(all).filter((n): n is string => typeof n === 'string');
  const name = discovery.flowSpec?.name ?? listedNames[0];
  test.skip(name === undefined, 'not-applicable: the target names no flow spec to filter by (the configured one could not be read and the list holds none)');
  const exchange = await byName(api, name!);
  expectStatus(exchange, 200);
  const items = bodyOf(exchange).items;
  expectFact(Array.isArray(items) && items.length > 0, `at least the flow spec named "${name}"`, items, exchange);
  const names = namesOf(exchange);
  expectFact(names.every((n) => n === name), `only specs named "${name}"`, names, exchange);
  // Only specs of that name is no evidence where every spec has that name: an ignored filter answers the same. Then a
  // name no spec has must list none. A pass needs the filter seen leaving something out; where even that cannot be
  // seen (the probe is refused), the filter is untested: error, not a pass.
  if (listedNames.some((n) => n !== name)) return;
  const probe = await byName(api, `fck-no-such-flow-spec-${Date.now().toString(36)}`);
  if (probe.response?.status !== 200 || !Array.isArray(bodyOf(probe).items)) {
    throw couldNotCheck(`${where(probe)}: could not check: every flow spec the target lists is named "${name}", so an ignored filter would answer the same, and a filter by a name no spec has answered ${probe.response?.status ?? 'nothing'}`);
  }
  expectFact(namesOf(probe).length === 0, 'no spec for a name no spec has', namesOf(probe), probe);
});

test('isDraftModeSupported, where a spec has it, is a boolean', { tag: ['@SPEC-003', '@read-only'] }, async ({ api }, testInfo) => {
  let inspected = 0;
  for (const collection of ['connectionSpecs', 'flowSpecs']) {
    const exchange = await api.send('GET', `/${collection}`);
    const body = bodyOf(exchange);
    if (exchange.response?.status !== 200 || !Array.isArray(body.items)) {
      throw couldNotCheck(`${where(exchange)}: could not check: the spec list answered ${exchange.response?.status ?? 'nothing'} without an items array`);
    }
    const items = (body.items as unknown[]).filter((i): i is Record<string, unknown> => Boolean(i) && typeof i === 'object');
    // which specs support drafts: the read-only probe's answer, shown in the report
    const flags = items.map((spec) => ({ collection, id: spec.id, name: spec.name, isDraftModeSupported: (spec.attributes as Record<string, unknown> | undefined)?.isDraftModeSupported ?? null }));
    writeSpecFlags(testInfo, flags);
    for (const spec of items) {
      const flag = (spec.attributes as Record<string, unknown> | undefined)?.isDraftModeSupported;
      expectFact(flag === undefined || typeof flag === 'boolean', `a boolean isDraftModeSupported on ${collection} ${String(spec.id)}`, flag, exchange);
    }
    inspected += items.length;
  }
  test.skip(inspected === 0, 'not-applicable: the target lists no connection or flow spec to inspect');
});
