// REF: an entity may only name entities and specs that exist. Each refusal stands beside its control, the same body
// naming what exists, which is created and listed by its name; so the refused one's name listing nothing shows
// nothing was created, and the refusal was for the missing reference.
import type { FlowClient } from './support/client.ts';
import { test } from './support/fixtures.ts';
import { expectNoneNamed, requireListedByName } from './support/listing.ts';
import type { Kind } from './support/operations.ts';
import type { Steps } from './support/steps.ts';
import { expectStatus } from './support/verdicts.ts';

const missingId = () => `kit-missing-${Date.now().toString(36)}`;

/** Refused with 4xx and nothing created under its name. */
async function refused(api: FlowClient, kind: Kind, body: Record<string, unknown>, mode: string | null, requirement: string, why: string): Promise<void> {
  expectStatus(await api.create(kind, body, mode), '4xx', requirement, why);
  await expectNoneNamed(api, kind, String(body.name), requirement, 'the refused create');
}

/** The control: the same body naming what exists is created (a setup step) and listed under its name. */
async function control(api: FlowClient, steps: Steps, kind: Kind, body: Record<string, unknown>, requirement: string): Promise<void> {
  const made = await steps.nonDraft(kind, body);
  await requireListedByName(api, kind, String(body.name), made.id, requirement);
}

test('a source connection naming a base connection that does not exist is refused', { tag: '@REF-001' }, async ({ api, build, steps, discovery }) => {
  const body = build.source(missingId());
  await refused(api, 'sourceConnections', body, null, 'REF-001', 'the base connection does not exist');
  if (discovery.sourceSpec?.draftSupported) {
    await refused(api, 'sourceConnections', build.source(missingId()), 'draft', 'REF-001', 'a draft too may only name what exists');
  }
  const base = await steps.nonDraft('connections', build.base());
  await control(api, steps, 'sourceConnections', { ...body, baseConnectionId: base.id }, 'REF-001');
});

test('a flow naming source or target connections that do not exist is refused', { tag: '@REF-002' }, async ({ api, build, steps }) => {
  const { source, target } = await steps.liveConnections();
  const noSource = build.flow([missingId()], [target.id]);
  await refused(api, 'flows', noSource, null, 'REF-002', 'the source connection does not exist');
  await refused(api, 'flows', build.flow([source.id], [missingId()]), null, 'REF-002', 'the target connection does not exist');
  await control(api, steps, 'flows', { ...noSource, sourceConnectionIds: [source.id] }, 'REF-002');
});

test('a create naming a connection spec or flow spec that does not exist is refused', { tag: '@REF-003' }, async ({ api, build, steps }) => {
  const unknownSpec = { id: '00000000-0000-4000-8000-000000000000', version: '1.0' };
  const base = build.base();
  await refused(api, 'connections', { ...base, connectionSpec: unknownSpec }, null, 'REF-003', 'the connection spec does not exist');
  await control(api, steps, 'connections', base, 'REF-003');
  const { source, target } = await steps.liveConnections();
  const flow = build.flow([source.id], [target.id]);
  await refused(api, 'flows', { ...flow, flowSpec: unknownSpec }, null, 'REF-003', 'the flow spec does not exist');
  await control(api, steps, 'flows', flow, 'REF-003');
});
