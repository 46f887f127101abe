// Enable and disable of a flow (outside the kit's subset; server/flow-state.ts): the documented request (no If-Match,
// no body, no Content-Type), the documented answer `{id, etag}`, the state it leaves, and the documented refusal.
import { expect, test } from '@playwright/test';
import { chain, describeAnswer, published, quotedEtag, read } from '../support/drafts.ts';
import { BASE_PATH } from '../../server/app.ts';
import { InProcessClient, PLATFORM_HEADERS } from '../support/in-process.ts';

/** EN help/destinations/api/update-destination-dataflows.md: the curl of `?op=enable` / `?op=disable` and its answer. */
const DOCUMENTED = {
  clause: 'update-destination-dataflows.md: "POST /flows/{FLOW_ID}/action?op=enable or disable" … "A successful response returns your flow ID and an updated etag"',
  headers: PLATFORM_HEADERS, // authorization, x-api-key, x-gw-ims-org-id, x-sandbox-name: nothing else
  answer: { id: '2edc08ac-4df5-4fe6-936f-81a19ce92f5c', etag: '"50014cc8-0000-0200-0000-6036eb720000"' },
};

/** Sends exactly the documented request: the platform headers only, no body. */
async function act(api: InProcessClient, flowId: string, op: string) {
  const url = `${BASE_PATH}/flows/${flowId}/action?op=${op}`;
  const answer = await api.service.handle({ method: 'POST', url, headers: { ...DOCUMENTED.headers } });
  return { status: answer.status, body: answer.body === '' ? undefined : JSON.parse(answer.body), text: answer.body };
}

async function liveFlow(api: InProcessClient) {
  const { flow } = await chain(api, false);
  return flow;
}

test('disable then enable: 200 {id, etag} each time, the state moves, the etag changes', async () => {
  const api = new InProcessClient();
  const flow = await liveFlow(api);
  expect((await read(api, 'flows', flow.id)).state).toBe('enabled');

  const disabled = await act(api, flow.id, 'disable');
  expect(disabled.status, DOCUMENTED.clause).toBe(200);
  expect(Object.keys(disabled.body).sort()).toEqual(Object.keys(DOCUMENTED.answer).sort());
  expect(disabled.body.id).toBe(flow.id);
  expect(disabled.body.etag).toMatch(quotedEtag);
  expect(disabled.body.etag).not.toBe(flow.etag);
  const afterDisable = await read(api, 'flows', flow.id);
  expect(afterDisable.state).toBe('disabled');
  expect(afterDisable.etag).toBe(disabled.body.etag);

  const enabled = await act(api, flow.id, 'enable');
  expect(enabled.status).toBe(200);
  expect(enabled.body.etag).not.toBe(disabled.body.etag);
  const afterEnable = await read(api, 'flows', flow.id);
  expect(afterEnable.state).toBe('enabled');
  expect(afterEnable.etag).toBe(enabled.body.etag);
});

test('a flow published from a draft can be disabled and enabled too', async () => {
  const api = new InProcessClient();
  const { base, source, target, flow } = await chain(api, true);
  for (const [kind, id] of [['connections', base.id], ['sourceConnections', source.id], ['targetConnections', target.id], ['flows', flow.id]] as const) {
    await published(api, kind, id);
  }
  expect((await act(api, flow.id, 'disable')).status).toBe(200);
  expect((await read(api, 'flows', flow.id)).state).toBe('disabled');
});

test('the OAS spelling ENABLE / DISABLE works as the docs\' lower case', async () => {
  const api = new InProcessClient();
  const flow = await liveFlow(api);
  expect((await act(api, flow.id, 'DISABLE')).status).toBe(200);
  expect((await act(api, flow.id, 'Enable')).status).toBe(200);
  expect((await read(api, 'flows', flow.id)).state).toBe('enabled');
});

// catalogue 1422-400 "The action disable cannot be applied on the current state {state}." (flow-service-errors.md)
const refusals: [string, { setup: 'disabled' | 'enabled' | 'draft'; op: string }][] = [
  ['disabling a disabled flow', { setup: 'disabled', op: 'disable' }],
  ['enabling an enabled flow (undocumented; DECISIONS #36)', { setup: 'enabled', op: 'enable' }],
  ['enabling a draft flow', { setup: 'draft', op: 'enable' }],
  ['disabling a draft flow', { setup: 'draft', op: 'disable' }],
];
for (const [name, { setup, op }] of refusals) {
  test(`${name} is refused with 1422-400 and changes nothing`, async () => {
    const api = new InProcessClient();
    const flow = setup === 'draft' ? (await chain(api, true)).flow : await liveFlow(api);
    if (setup === 'disabled') expect((await act(api, flow.id, 'disable')).status).toBe(200);
    const before = await read(api, 'flows', flow.id);
    const answer = await act(api, flow.id, op);
    expect(answer.status, describeAnswer('POST', `/flows/${flow.id}/action?op=${op}`, { ...answer, headers: {} })).toBe(400);
    expect(answer.body.type).toMatch(/FLOW-1422-400$/);
    expect(answer.body.report['detailed-message']).toBe(`The action ${op} cannot be applied on the current state ${before.state}.`);
    const after = await read(api, 'flows', flow.id);
    expect(after.state).toBe(before.state);
    expect(after.etag).toBe(before.etag);
  });
}

test('enable/disable of a flow that does not exist answers 404', async () => {
  const api = new InProcessClient();
  expect((await act(api, crypto.randomUUID(), 'disable')).status).toBe(404);
});

test('enable/disable are flow actions only: on a base connection they stay unknown ops (400), as before', async () => {
  const api = new InProcessClient();
  const { base } = await chain(api, false);
  const answer = await api.post(`/connections/${base.id}/action?op=disable`);
  expect(answer.status).toBe(400);
  expect((await read(api, 'connections', base.id)).state).toBe('enabled');
});

test('publishing a disabled flow is refused like any non-draft, and it stays disabled', async () => {
  const api = new InProcessClient();
  const flow = await liveFlow(api);
  expect((await act(api, flow.id, 'disable')).status).toBe(200);
  expect((await api.post(`/flows/${flow.id}/action?op=publish`)).status).toBe(400);
  expect((await read(api, 'flows', flow.id)).state).toBe('disabled');
});
