// Flow runs (outside the kit's subset; server/runs.ts, server/run-admin.ts): runs appear only through the admin route
// `POST /__reference/flows/{id}/runs`, and then read back through the documented endpoints in the documented shapes.
// Field order and ids are free; the keys and the types of the documented examples are not.
import { expect, test } from '@playwright/test';
import { BASE_PATH, DEFAULT_CREDENTIALS } from '../../server/app.ts';
import { startReferenceServer } from '../../server/listen.ts';
import { flowBody } from '../support/bodies.ts';
import { chain, create, read } from '../support/drafts.ts';
import { InProcessClient, PLATFORM_HEADERS } from '../support/in-process.ts';

/** EN help/sources/tutorials/api/monitor.md (`GET /runs?property=flowId=={FLOW_ID}`), its answer trimmed to one run's keys. */
const MONITOR_EXAMPLE = {
  clause: 'sources/tutorials/api/monitor.md: "GET /runs?property=flowId=={FLOW_ID}" and its response',
  body: {
    items: [{
      createdAt: 1596656079576, updatedAt: 1596656113526, createdBy: '{CREATED_BY}', updatedBy: '{UPDATED_BY}',
      createdClient: '{CREATED_CLIENT}', updatedClient: '{UPDATED_CLIENT}', sandboxId: '1bd86660-c5da-11e9-93d4-6d5fc3a66a8e', sandboxName: 'prod',
      id: '9830305a-985f-47d0-b030-5a985fd7d004', flowId: 'c9cef9cb-c934-4467-8ef9-cbc934546741', etag: '"b8003af1-0000-0200-0000-5f2b09f10000"',
      metrics: {
        durationSummary: { startedAtUTC: 1596656058198, completedAtUTC: 1596656113306 },
        sizeSummary: { inputBytes: 24012, outputBytes: 17128 },
        recordSummary: { inputRecordCount: 100, outputRecordCount: 99, failedRecordCount: 1 },
        fileSummary: { inputFileCount: 1, outputFileCount: 1, activityRefs: ['promotionActivity'] },
        statusSummary: { status: 'success', errors: [{ code: 'CONNECTOR-2001-500', message: 'Error occurred at promotion activity.' }], activityRefs: ['promotionActivity'] },
      },
      activities: [
        {
          id: 'copyActivity', updatedAtUTC: 1596656095088, durationSummary: { startedAtUTC: 1596656058198, completedAtUTC: 1596656095088 },
          sizeSummary: { inputBytes: 24012, outputBytes: 24012 }, recordSummary: {}, fileSummary: { inputFileCount: 1, outputFileCount: 1 },
          statusSummary: { status: 'success', extensions: { type: 'one-time' } },
          sourceInfo: [{ id: 'c0e18602-f9ea-44f9-a186-02f9ea64f9ac', type: 'SourceConnection', reference: { type: 'AdfRunId', ids: ['8a8eb0cc-d7f8-11ea-8d34-6d5fc3a66a8e'] } }],
        },
        {
          id: 'promotionActivity', updatedAtUTC: 1596656113485, durationSummary: { startedAtUTC: 1596656095088, completedAtUTC: 1596656113306 },
          sizeSummary: { inputBytes: 24012, outputBytes: 17128 }, recordSummary: { inputRecordCount: 100, outputRecordCount: 99, failedRecordCount: 1 },
          fileSummary: { inputFileCount: 1, outputFileCount: 1 },
          statusSummary: { status: 'success', errors: [{ code: 'CONNECTOR-2001-500', message: 'Error occurred at promotion activity.' }] },
          targetInfo: [{ id: '47166b83-01c7-4b65-966b-8301c70b6562', type: 'TargetConnection', reference: { type: 'Batch', ids: ['01EF01X41KJD82Y9ZX6ET54PCZ'] } }],
        },
      ],
    }],
    _links: {},
  },
};

/** OAS FlowItemDTO `runs` (l.4184) and EN update-dataflows.md's `lastRunDetails` of a flow. */
const FLOW_EXAMPLE = {
  clause: 'OAS FlowItemDTO: runs "/runs?property=flowId==<id>"; update-dataflows.md: lastRunDetails {id, state, startedAtUTC, completedAtUTC}',
  runs: '/runs?property=flowId=={FLOW_ID}',
  lastRunDetails: { id: 'a10cc80b-ee5c-4a3c-8a82-b7d1f01d5fce', state: 'success', startedAtUTC: 1613079975512, completedAtUTC: 1613080027511 },
};

/**
 * Every key of `documented` is in `actual`, with a value of the same JSON type, recursively. Array items are matched by
 * position (the last documented item stands for the rest: the example's two activities differ); an empty array is a
 * shape too, since how many errors or infos a run has is data, not shape.
 */
function expectSameShape(actual: unknown, documented: unknown, where: string): void {
  const kind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  expect(kind(actual), `${where}: type`).toBe(kind(documented));
  if (Array.isArray(documented)) {
    if (documented.length === 0) return;
    (actual as unknown[]).forEach((item, at) => expectSameShape(item, documented[Math.min(at, documented.length - 1)], `${where}[${at}]`));
    return;
  }
  if (kind(documented) !== 'object') return;
  for (const [key, value] of Object.entries(documented as object)) {
    expect(actual as object, `${where}: documented key ${key}`).toHaveProperty([key]);
    expectSameShape((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
  }
}

async function addRun(api: InProcessClient, flowId: string, body?: unknown) {
  const headers: Record<string, string> = { ...PLATFORM_HEADERS };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const answer = await api.service.handle({
    method: 'POST', url: `/__reference/flows/${flowId}/runs`, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: answer.status, headers: answer.headers, body: answer.body === '' ? undefined : JSON.parse(answer.body) };
}

async function liveFlow(api: InProcessClient) {
  return (await chain(api, false)).flow;
}

test('a run added to an enabled flow is listed by flowId in the documented shape, with `_links: {}` on its one page', async () => {
  const api = new InProcessClient();
  const flow = await liveFlow(api);
  const added = await addRun(api, flow.id, { failedRecordCount: 1 });
  expect(added.status).toBe(201);
  expect(Object.keys(added.body).sort()).toEqual(['etag', 'id']);
  expect(added.headers.location).toBe(`${BASE_PATH}/runs/${added.body.id}`);

  const listed = await api.get(`/runs?property=flowId==${flow.id}`);
  expect(listed.status, MONITOR_EXAMPLE.clause).toBe(200);
  expectSameShape(listed.body, MONITOR_EXAMPLE.body, 'GET /runs');
  expect(listed.body._links).toEqual({});
  expect(listed.body.items).toHaveLength(1);
  const run = listed.body.items[0];
  expect(run.id).toBe(added.body.id);
  expect(run.flowId).toBe(flow.id);
  expect(run.etag).toBe(added.body.etag);
  expect(run.metrics.recordSummary).toEqual({ inputRecordCount: 100, outputRecordCount: 99, failedRecordCount: 1 });
  expect(run.metrics.statusSummary.errors).toHaveLength(1);
  expect(run.activities.map((a: { id: string }) => a.id)).toEqual(['copyActivity', 'promotionActivity']);
  const flowItem = await read(api, 'flows', flow.id);
  expect(run.activities[0].sourceInfo.map((s: { id: string }) => s.id)).toEqual(flowItem.sourceConnectionIds);
  expect(run.activities[1].targetInfo.map((t: { id: string }) => t.id)).toEqual(flowItem.targetConnectionIds);
});

test('GET /runs/{id} answers {items: [run]} (OAS: FlowRunsListResponse), the same run as the list; an unknown id is 404', async () => {
  const api = new InProcessClient();
  const flow = await liveFlow(api);
  const added = await addRun(api, flow.id, { failedRecordCount: 1 });
  const one = await api.get(`/runs/${added.body.id}`);
  expect(one.status).toBe(200);
  expect(one.body.items).toHaveLength(1);
  expectSameShape(one.body.items[0], MONITOR_EXAMPLE.body.items[0], `GET /runs/${added.body.id}`);
  expect(one.body.items[0]).toEqual((await api.get(`/runs?property=id==${added.body.id}`)).body.items[0]);
  expect((await api.get(`/runs/${crypto.randomUUID()}`)).status).toBe(404);
});

test('the flowId filter keeps each flow\'s runs apart; comma-separated ids and count=true work as on the other lists', async () => {
  const api = new InProcessClient();
  const a = await liveFlow(api);
  const b = await liveFlow(api);
  const ofA = [(await addRun(api, a.id)).body.id, (await addRun(api, a.id)).body.id];
  const ofB = (await addRun(api, b.id)).body.id;
  const listA = await api.get(`/runs?property=flowId==${a.id}`);
  expect(listA.body.items.map((r: { id: string }) => r.id).sort()).toEqual([...ofA].sort());
  expect((await api.get(`/runs?property=flowId==${b.id}`)).body.items.map((r: { id: string }) => r.id)).toEqual([ofB]);
  expect((await api.get(`/runs?property=flowId==${a.id},${b.id}&count=true`)).body).toEqual({ count: 3 });
});

test('the documented timestamp and status filters (sort-and-filter.md) select runs by start time and status', async () => {
  const api = new InProcessClient();
  const flow = await liveFlow(api);
  const early = (await addRun(api, flow.id, { startedAtUTC: 1593134665000, completedAtUTC: 1593134666000 })).body.id;
  const middle = (await addRun(api, flow.id, { startedAtUTC: 1600000000000, completedAtUTC: 1600000001000, status: 'Failed' })).body.id;
  const late = (await addRun(api, flow.id, { startedAtUTC: 1653134666000, completedAtUTC: 1653134667000 })).body.id;
  // the documented request: GET /runs?property=flowId==…&property=metrics.durationSummary.startedAtUTC>1593134665781&property=…<1653134665781
  const window = await api.get(`/runs?property=flowId==${flow.id}&property=metrics.durationSummary.startedAtUTC>1593134665781&property=metrics.durationSummary.startedAtUTC<1653134665781`);
  expect(window.body.items.map((r: { id: string }) => r.id)).toEqual([middle]);
  // the documented request: …&property=metrics.statusSummary.status==Failed
  expect((await api.get(`/runs?property=flowId==${flow.id}&property=metrics.statusSummary.status==Failed`)).body.items.map((r: { id: string }) => r.id)).toEqual([middle]);
  // the documented root field `state` (`/runs?property=state==inProgress`) reads the run's status
  expect((await api.get(`/runs?property=flowId==${flow.id}&property=state==success`)).body.items.map((r: { id: string }) => r.id).sort()).toEqual([early, late].sort());
  const ordered = await api.get(`/runs?property=flowId==${flow.id}&orderby=-metrics.durationSummary.startedAtUTC`);
  expect(ordered.body.items.map((r: { id: string }) => r.id)).toEqual([late, middle, early]);
});

test('runs page with limit: newest first, the next href the token alone (as the entity lists), `_links: {}` on the last page', async () => {
  const api = new InProcessClient();
  const flow = await liveFlow(api);
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push((await addRun(api, flow.id)).body.id);
  const seen: string[] = [];
  let path: string | undefined = `/runs?property=flowId==${flow.id}&limit=2`;
  let pages = 0;
  while (path) {
    const page = await api.get(path);
    expect(page.status).toBe(200);
    expect(page.body).toHaveProperty('_links');
    seen.push(...page.body.items.map((r: { id: string }) => r.id));
    path = page.body._links.next?.href;
    if (path) expect(path).toMatch(/^\/runs\?continuationToken=[^&]+$/);
    else expect(page.body._links).toEqual({});
    pages++;
  }
  expect(pages).toBe(3);
  expect(seen).toEqual([...ids].reverse());
});

test('a flow carries its runs link and, once it has run, lastRunDetails of its latest run, in the documented shapes', async () => {
  const api = new InProcessClient();
  const flow = await liveFlow(api);
  const before = await read(api, 'flows', flow.id);
  expect(before.runs, FLOW_EXAMPLE.clause).toBe(FLOW_EXAMPLE.runs.replace('{FLOW_ID}', flow.id));
  expect(before).not.toHaveProperty('lastRunDetails');
  expect((await api.get(before.runs)).body.items).toEqual([]);

  await addRun(api, flow.id, { startedAtUTC: 1613079975512, completedAtUTC: 1613080027511 });
  const latest = (await addRun(api, flow.id, { startedAtUTC: 1613180000000, completedAtUTC: 1613180050000, status: 'failed' })).body.id;
  const after = await read(api, 'flows', flow.id);
  expectSameShape(after.lastRunDetails, FLOW_EXAMPLE.lastRunDetails, 'lastRunDetails');
  expect(after.lastRunDetails).toEqual({ id: latest, state: 'failed', startedAtUTC: 1613180000000, completedAtUTC: 1613180050000 });
  // a run is not a write to the flow: its etag stays, though its view (and the cache behind GET by id) moved
  expect(after.etag).toBe(before.etag);
  const listed = await api.get(`/flows?property=id==${flow.id}`);
  expect(listed.body.items[0].lastRunDetails.id).toBe(latest);
});

test('only an enabled flow runs: a draft or a disabled flow is refused with 1422-400; a missing flow is 404', async () => {
  const api = new InProcessClient();
  const draft = (await chain(api, true)).flow;
  const refusedDraft = await addRun(api, draft.id);
  expect(refusedDraft.status).toBe(400);
  expect(refusedDraft.body.type).toMatch(/FLOW-1422-400$/);
  const flow = await liveFlow(api);
  expect((await api.post(`/flows/${flow.id}/action?op=disable`)).status).toBe(200);
  expect((await addRun(api, flow.id)).status).toBe(400);
  expect((await api.post(`/flows/${flow.id}/action?op=enable`)).status).toBe(200);
  expect((await addRun(api, flow.id)).status).toBe(201);
  expect((await addRun(api, crypto.randomUUID())).status).toBe(404);
  expect((await api.get('/runs?count=true')).body).toEqual({ count: 1 });
});

test('the admin route checks its body and its credentials, and keeps runs per sandbox', async () => {
  const api = new InProcessClient();
  const flow = await liveFlow(api);
  expect((await addRun(api, flow.id, { status: 42 })).status).toBe(400);
  expect((await addRun(api, flow.id, { startedAtUTC: -1 })).status).toBe(400);
  expect((await addRun(api, flow.id, { flowId: 'x' })).status).toBe(400);
  const anonymous = await api.service.handle({ method: 'POST', url: `/__reference/flows/${flow.id}/runs`, headers: {} });
  expect(anonymous.status).toBe(403);
  expect((await addRun(api, flow.id)).status).toBe(201);
  expect((await api.get('/runs?count=true', { sandbox: 'dev' })).body).toEqual({ count: 0 });
  expect((await api.get('/runs?count=true')).body).toEqual({ count: 1 });
});

test('runs and lastRunDetails are the server\'s: a create may not set them, a PATCH may not change them; POST /runs is 405', async () => {
  const api = new InProcessClient();
  const flow = await liveFlow(api);
  const item = await read(api, 'flows', flow.id);
  const patch = await api.patch(`/flows/${flow.id}`, [{ op: 'replace', path: '/runs', value: '/elsewhere' }], item.etag);
  expect(patch.status).toBe(400);
  expect((await read(api, 'flows', flow.id)).runs).toBe(`/runs?property=flowId==${flow.id}`);
  expect((await api.post('/runs', { flowId: flow.id })).status).toBe(405);
  const { source, target } = await chain(api, false);
  const claimed = await create(api, 'flows', { ...flowBody([source.id], [target.id]), runs: '/elsewhere', lastRunDetails: { id: 'x', state: 'success' } }, false);
  const shown = await read(api, 'flows', claimed.id);
  expect(shown.runs).toBe(`/runs?property=flowId==${claimed.id}`);
  expect(shown).not.toHaveProperty('lastRunDetails');
});

test('over a real socket: the admin route at the origin adds a run that GET /runs under the base path lists', async () => {
  const server = await startReferenceServer({ port: 0, credentials: DEFAULT_CREDENTIALS });
  try {
    const headers = { ...PLATFORM_HEADERS, 'content-type': 'application/json' };
    const flow = await fetch(`${server.url}/flows`, { method: 'POST', headers, body: JSON.stringify(await liveFlowBody(server.service)) });
    expect(flow.status).toBe(201);
    const { id } = (await flow.json()) as { id: string };
    const added = await fetch(`${server.origin}/__reference/flows/${id}/runs`, { method: 'POST', headers, body: '{"status":"failed"}' });
    expect(added.status).toBe(201);
    const runId = ((await added.json()) as { id: string }).id;
    const listed = await fetch(`${server.url}/runs?property=flowId==${id}`, { headers: PLATFORM_HEADERS });
    expect(((await listed.json()) as { items: { id: string }[] }).items.map((r) => r.id)).toEqual([runId]);
  } finally {
    await server.close();
  }
});

/** A flow body whose source and target exist in `service`'s default scope (made in-process, read over the socket). */
async function liveFlowBody(service: InProcessClient['service']) {
  const api = Object.assign(Object.create(InProcessClient.prototype) as InProcessClient, { service });
  const { source, target } = await chain(api, false);
  return flowBody([source.id], [target.id]);
}
