// REF: an entity may only name entities and specs that exist.
import { test } from './support/fixtures.ts';
import { expectStatus } from './support/verdicts.ts';

const missingId = () => `kit-missing-${Date.now().toString(36)}`;

test('a source connection naming a base connection that does not exist is refused', { tag: '@REF-001' }, async ({ api, build, discovery }) => {
  expectStatus(await api.create('sourceConnections', build.source(missingId()), null), '4xx', 'REF-001', 'the base connection does not exist');
  if (discovery.sourceSpec?.draftSupported) {
    expectStatus(await api.create('sourceConnections', build.source(missingId()), 'draft'), '4xx', 'REF-001', 'a draft too may only name what exists');
  }
});

test('a flow naming source or target connections that do not exist is refused', { tag: '@REF-002' }, async ({ api, build, steps }) => {
  const { source, target } = await steps.liveConnections();
  expectStatus(await api.create('flows', build.flow([missingId()], [target.id]), null), '4xx', 'REF-002', 'the source connection does not exist');
  expectStatus(await api.create('flows', build.flow([source.id], [missingId()]), null), '4xx', 'REF-002', 'the target connection does not exist');
});

test('a create naming a connection spec or flow spec that does not exist is refused', { tag: '@REF-003' }, async ({ api, build, steps }) => {
  const unknownSpec = { id: '00000000-0000-4000-8000-000000000000', version: '1.0' };
  expectStatus(await api.create('connections', { ...build.base(), connectionSpec: unknownSpec }, null), '4xx', 'REF-003', 'the connection spec does not exist');
  const { source, target } = await steps.liveConnections();
  expectStatus(await api.create('flows', { ...build.flow([source.id], [target.id]), flowSpec: unknownSpec }, null), '4xx', 'REF-003', 'the flow spec does not exist');
});
