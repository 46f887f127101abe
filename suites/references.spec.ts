// REF: an entity may only name entities and specs that exist. Each refusal stands beside its control, the same body
// naming what exists, which is created and listed by its name; so the refused one's name listing nothing shows
// nothing was created, and the refusal was for the missing reference.
import type { FlowClient } from './support/client.ts';
import { test } from './support/fixtures.ts';
import { expectNoneNamed, requireListedByName } from './support/listing.ts';
import type { Kind } from '../kit/kinds.ts';
import type { Steps } from './support/steps.ts';
import { expectStatus } from './support/verdicts.ts';

const missingId = () => `kit-missing-${Date.now().toString(36)}`;

type Refusal = { kind: Kind; body: Record<string, unknown>; mode: string | null; why: string };

/**
 * Every refusal first (a create wrongly accepted is the failure to report), then nothing created under each refused
 * name, then the controls: each the same body naming what exists, created (a setup step) and listed under its name.
 */
async function judge(api: FlowClient, steps: Steps, requirement: string, refusals: Refusal[], controls: { kind: Kind; body: Record<string, unknown> }[]): Promise<void> {
  for (const { kind, body, mode, why } of refusals) expectStatus(await api.create(kind, body, mode), '4xx', requirement, why);
  for (const { kind, body } of refusals) await expectNoneNamed(api, kind, String(body.name), requirement, 'the refused create');
  for (const { kind, body } of controls) {
    const made = await steps.nonDraft(kind, body);
    await requireListedByName(api, kind, String(body.name), made.id, requirement);
  }
}

// Setup comes first: without it no control can be had, so a failed setup step is the kit's error either way.
test('a source connection naming a base connection that does not exist is refused', { tag: '@REF-001' }, async ({ api, build, steps, discovery }) => {
  const base = await steps.nonDraft('connections', build.base());
  const body = build.source(missingId());
  const refusals: Refusal[] = [{ kind: 'sourceConnections', body, mode: null, why: 'the base connection does not exist' }];
  if (discovery.sourceSpec?.draftSupported) {
    refusals.push({ kind: 'sourceConnections', body: build.source(missingId()), mode: 'draft', why: 'a draft too may only name what exists' });
  }
  await judge(api, steps, 'REF-001', refusals, [{ kind: 'sourceConnections', body: { ...body, baseConnectionId: base.id } }]);
});

test('a flow naming source or target connections that do not exist is refused', { tag: '@REF-002' }, async ({ api, build, steps }) => {
  const { source, target } = await steps.liveConnections();
  const noSource = build.flow([missingId()], [target.id]);
  await judge(api, steps, 'REF-002', [
    { kind: 'flows', body: noSource, mode: null, why: 'the source connection does not exist' },
    { kind: 'flows', body: build.flow([source.id], [missingId()]), mode: null, why: 'the target connection does not exist' },
  ], [{ kind: 'flows', body: { ...noSource, sourceConnectionIds: [source.id] } }]);
});

test('a create naming a connection spec or flow spec that does not exist is refused', { tag: '@REF-003' }, async ({ api, build, steps }) => {
  const unknownSpec = { id: '00000000-0000-4000-8000-000000000000', version: '1.0' };
  const { source, target } = await steps.liveConnections();
  const base = build.base();
  const flow = build.flow([source.id], [target.id]);
  await judge(api, steps, 'REF-003', [
    { kind: 'connections', body: { ...base, connectionSpec: unknownSpec }, mode: null, why: 'the connection spec does not exist' },
    { kind: 'flows', body: { ...flow, flowSpec: unknownSpec }, mode: null, why: 'the flow spec does not exist' },
  ], [
    { kind: 'connections', body: base },
    { kind: 'flows', body: flow },
  ]);
});
