// SPEC: the target serves the specs the draft workflow starts from.
import { bodyOf, firstItem } from './support/client.ts';
import { test } from './support/fixtures.ts';
import { expectFact, expectStatus } from './support/verdicts.ts';

test('a connection spec is read by id inside an items wrapper', { tag: ['@SPEC-001', '@read-only'] }, async ({ api, target }) => {
  const id = target.config.sourceConnectionSpecId;
  const exchange = await api.send('GET', `/connectionSpecs/${id}`);
  expectStatus(exchange, 200, 'SPEC-001');
  const items = bodyOf(exchange).items;
  expectFact(Array.isArray(items) && items.length === 1, 'SPEC-001', 'items holding exactly one spec', items, exchange);
  expectFact(firstItem(exchange)?.id === id, 'SPEC-001', `items[0].id "${id}"`, firstItem(exchange)?.id, exchange);
});

test('flow specs filtered by name list only specs of that name', { tag: ['@SPEC-002', '@read-only'] }, async ({ api, discovery, target }) => {
  const name = discovery.flowSpec?.name ?? 'CloudStorageToAEP';
  const exchange = await api.send('GET', `/flowSpecs?property=name==%22${encodeURIComponent(name)}%22`);
  expectStatus(exchange, 200, 'SPEC-002');
  const items = bodyOf(exchange).items;
  expectFact(Array.isArray(items) && items.length > 0, 'SPEC-002', `at least the configured flow spec ${target.config.flowSpecId}`, items, exchange);
  const names = (items as Record<string, unknown>[]).map((i) => i.name);
  expectFact(names.every((n) => n === name), 'SPEC-002', `only specs named "${name}"`, names, exchange);
});

test('isDraftModeSupported, where a spec has it, is a boolean', { tag: ['@SPEC-003', '@read-only'] }, async ({ api }, testInfo) => {
  for (const collection of ['connectionSpecs', 'flowSpecs']) {
    const exchange = await api.send('GET', `/${collection}`);
    expectStatus(exchange, 200, 'SPEC-003');
    const items = (bodyOf(exchange).items ?? []) as Record<string, unknown>[];
    // which specs support drafts: the read-only probe's answer, shown in the report
    const flags = items.map((spec) => ({ collection, id: spec.id, name: spec.name, isDraftModeSupported: (spec.attributes as Record<string, unknown> | undefined)?.isDraftModeSupported ?? null }));
    testInfo.annotations.push({ type: 'specs', description: JSON.stringify(flags) });
    for (const spec of items) {
      const flag = (spec.attributes as Record<string, unknown> | undefined)?.isDraftModeSupported;
      expectFact(flag === undefined || typeof flag === 'boolean', 'SPEC-003', `a boolean isDraftModeSupported on ${collection} ${String(spec.id)}`, flag, exchange);
    }
  }
});
