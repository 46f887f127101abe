// GATE: mode=draft is refused where the spec does not declare draft support.
import { bodyOf } from './support/client.ts';
import { test } from './support/fixtures.ts';
import { expectFact, expectStatus } from './support/verdicts.ts';

test('a draft connection naming a spec without draft support is refused and nothing is created', { tag: '@GATE-001' }, async ({ api, discovery, build }) => {
  const spec = discovery.connectionSpecWithoutDrafts;
  test.skip(!spec, 'not-applicable: the target lists no connection spec without isDraftModeSupported: true');
  const body = build.base({ spec: spec! });
  const exchange = await api.create('connections', body, 'draft');
  expectStatus(exchange, '4xx', 'GATE-001', `${spec!.name} does not support drafts`);
  const listed = await api.list('connections', `property=name==${encodeURIComponent(String(body.name))}`);
  const items = bodyOf(listed).items;
  expectFact(!Array.isArray(items) || items.length === 0, 'GATE-001', 'no connection with the refused name', items, listed);
});

test('a draft flow naming a flow spec without draft support is refused and nothing is created', { tag: '@GATE-002' }, async ({ api, discovery, build, steps }) => {
  const spec = discovery.flowSpecWithoutDrafts;
  test.skip(!spec, 'not-applicable: the target lists no flow spec without isDraftModeSupported: true');
  const { source, target } = await steps.liveConnections();
  const body = build.flow([source.id], [target.id], spec!);
  const exchange = await api.create('flows', body, 'draft');
  expectStatus(exchange, '4xx', 'GATE-002', `${spec!.name} does not support drafts`);
  const listed = await api.list('flows', `property=name==${encodeURIComponent(String(body.name))}`);
  const items = bodyOf(listed).items;
  expectFact(!Array.isArray(items) || items.length === 0, 'GATE-002', 'no flow with the refused name', items, listed);
});
