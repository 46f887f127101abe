// GATE: mode=draft is refused where the spec does not declare draft support. A refusal counts beside its control
// (the same create without mode=draft succeeds, so the refusal was for draft mode), and "nothing was created" is a
// list by name holding no item of that name, which does hold the control's.
import type { FlowClient } from './support/client.ts';
import { test } from './support/fixtures.ts';
import { specWithoutDrafts } from './support/discovery.ts';
import { expectNoneNamed, requireListedByName } from './support/listing.ts';
import type { Kind } from '../kit/kinds.ts';
import { expectStatus, requireEvidence } from './support/verdicts.ts';

async function refusedThenControl(api: FlowClient, kind: Kind, body: Record<string, unknown>, requirement: string, why: string): Promise<void> {
  expectStatus(await api.create(kind, body, 'draft'), '4xx', requirement, why);
  await expectNoneNamed(api, kind, String(body.name), requirement, 'the refused draft create');
  const control = await api.create(kind, body, null);
  const id = (control.response?.body as { id?: unknown } | undefined)?.id;
  requireEvidence(typeof id === 'string' && (control.response?.status ?? 0) < 300 && (control.response?.status ?? 0) >= 200, requirement, 'the same create without mode=draft to succeed (the control)', `it answered ${control.response?.status ?? 'nothing'}, so the refusal may not have been for draft mode`, control);
  await requireListedByName(api, kind, String(body.name), id, requirement);
}

test('a draft connection naming a spec without draft support is refused and nothing is created', { tag: '@GATE-001' }, async ({ api, discovery, build }) => {
  const spec = specWithoutDrafts(discovery, 'connectionSpecs', 'GATE-001');
  test.skip(!spec, 'not-applicable: the target lists no connection spec without isDraftModeSupported: true');
  await refusedThenControl(api, 'connections', build.base({ spec: spec! }), 'GATE-001', `${spec!.name} does not support drafts`);
});

test('a draft flow naming a flow spec without draft support is refused and nothing is created', { tag: '@GATE-002' }, async ({ api, discovery, build, steps }) => {
  const spec = specWithoutDrafts(discovery, 'flowSpecs', 'GATE-002');
  test.skip(!spec, 'not-applicable: the target lists no flow spec without isDraftModeSupported: true');
  const { source, target } = await steps.liveConnections();
  await refusedThenControl(api, 'flows', build.flow([source.id], [target.id], spec!), 'GATE-002', `${spec!.name} does not support drafts`);
});
