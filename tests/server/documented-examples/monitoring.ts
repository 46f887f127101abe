// Monitoring (runs), enable/disable and the two documented error bodies the issue names. Sources: EN
// help/sources/tutorials/api/monitor.md @271a9ad, help/dataflows/api/sort-and-filter.md @c3aba92 (run filters),
// help/destinations/api/update-destination-dataflows.md @c3aba92 (enable/disable), help/sources/tutorials/api/labels.md
// (FLOW-1439-404) and help/landing/troubleshooting.md (Content-Type).
import { baseConnectionBody } from '../../support/bodies.ts';
import { chain, publish } from '../../support/drafts.ts';
import type { InProcessClient } from '../../support/in-process.ts';
import { constant } from '../../support/shape.ts';
import { addRun, type DocumentedExample } from './example.ts';

const MONITOR = 'EN help/sources/tutorials/api/monitor.md @271a9ad';
const SORT = 'EN help/dataflows/api/sort-and-filter.md @c3aba92';
const ENABLE = 'EN help/destinations/api/update-destination-dataflows.md @c3aba92';

/** A live flow with one run. */
async function flowWithRun(api: InProcessClient) {
  const { flow } = await chain(api, false);
  return { FLOW_ID: flow.id, RUN_ID: await addRun(api, flow.id) };
}

async function liveFlow(api: InProcessClient) {
  return { FLOW_ID: (await chain(api, false)).flow.id };
}

const RUN = {
  createdAt: 1596656079576, updatedAt: 1596656113526, createdBy: '{CREATED_BY}', updatedBy: '{UPDATED_BY}',
  createdClient: '{CREATED_CLIENT}', updatedClient: '{UPDATED_CLIENT}', sandboxId: '1bd86660-…', sandboxName: 'prod',
  id: constant('{RUN_ID}'), flowId: constant('{FLOW_ID}'), etag: '"b8003af1-0000-0200-0000-5f2b09f10000"',
  metrics: {
    durationSummary: { startedAtUTC: 1596656058198, completedAtUTC: 1596656113306 },
    sizeSummary: { inputBytes: 24012, outputBytes: 17128 },
    recordSummary: { inputRecordCount: 100, outputRecordCount: 99, failedRecordCount: 1 },
    fileSummary: { inputFileCount: 1, outputFileCount: 1 },
    statusSummary: { status: 'success' },
  },
  activities: [{ id: 'copyActivity', updatedAtUTC: 1596656095088, durationSummary: { startedAtUTC: 1596656058198 }, statusSummary: { status: 'success' } }],
};

export const MONITORING_EXAMPLES: DocumentedExample[] = [
  {
    doc: `${MONITOR} § Monitor dataflows`, title: 'GET /runs?property=flowId=={id} answers the runs of that flow and "_links": {}',
    setup: flowWithRun, request: { method: 'GET', path: '/runs?property=flowId=={FLOW_ID}' }, status: 200,
    shape: { items: [RUN], _links: {} }, awaits: 'runs',
  },
  {
    doc: `${SORT} § Use cases (runs of a dataflow for a time period)`, title: 'GET /runs?property=flowId==…&property=metrics.durationSummary.startedAtUTC>…<…',
    note: 'The window is the doc\'s (2020 to 2022): a run added now is outside it, so the answer is a list that may be empty.',
    setup: flowWithRun,
    request: { method: 'GET', path: '/runs?property=flowId=={FLOW_ID}&property=metrics.durationSummary.startedAtUTC>1593134665781&property=metrics.durationSummary.startedAtUTC<1653134665781' },
    status: 200, shape: { items: [] }, awaits: 'runs',
  },
  {
    doc: `${SORT} § Use cases (failed dataflow runs)`, title: 'GET /runs?property=flowId==…&property=metrics.statusSummary.status==Failed',
    setup: flowWithRun, request: { method: 'GET', path: '/runs?property=flowId=={FLOW_ID}&property=metrics.statusSummary.status==Failed' },
    status: 200, shape: { items: [] }, awaits: 'runs',
  },
  {
    doc: `${SORT} § Filterable properties by resource (run)`, title: 'GET /runs?property=id=={RUN_ID},9485095',
    setup: flowWithRun, request: { method: 'GET', path: '/runs?property=id=={RUN_ID},9485095' }, status: 200,
    shape: { items: [{ id: constant('{RUN_ID}') }] }, awaits: 'runs',
  },
  {
    doc: `${SORT} § Filterable properties by resource (run)`, title: 'GET /runs?property=flowId=={FLOW_ID}',
    setup: flowWithRun, request: { method: 'GET', path: '/runs?property=flowId=={FLOW_ID}' }, status: 200,
    shape: { items: [{ flowId: constant('{FLOW_ID}') }] }, awaits: 'runs',
  },
  {
    doc: `${SORT} § Filterable properties by resource (run)`, title: 'GET /runs?property=state==inProgress',
    note: 'Documented runs carry no top-level state: a list, possibly empty.',
    setup: flowWithRun, request: { method: 'GET', path: '/runs?property=state==inProgress' }, status: 200, shape: { items: [] }, awaits: 'runs',
  },
  {
    doc: `${ENABLE} § Enable or disable dataflow`, title: 'POST /flows/{id}/action?op=disable (no body, no Content-Type) answers {id, etag}',
    setup: liveFlow, request: { method: 'POST', path: '/flows/{FLOW_ID}/action?op=disable' }, status: 200,
    shape: { id: constant('{FLOW_ID}'), etag: '"50014cc8-0000-0200-0000-6036eb720000"' }, awaits: 'runs',
  },
  {
    doc: `${ENABLE} § Enable or disable dataflow`, title: 'POST /flows/{id}/action?op=enable of a disabled flow answers {id, etag}',
    setup: async (api) => {
      const made = await liveFlow(api);
      const disabled = await publish(api, 'flows', made.FLOW_ID, 'disable');
      if (disabled.status !== 200) throw new Error(`setup: POST /flows/${made.FLOW_ID}/action?op=disable answered ${disabled.status} ${disabled.text.slice(0, 200)}`);
      return made;
    },
    request: { method: 'POST', path: '/flows/{FLOW_ID}/action?op=enable' }, status: 200,
    shape: { id: constant('{FLOW_ID}'), etag: '"50014cc8-0000-0200-0000-6036eb720000"' }, awaits: 'runs',
  },
  {
    doc: 'EN help/sources/tutorials/api/labels.md § (a dataflow the user may not see)', title: 'GET /flows/{id} of no flow answers FLOW-1439-404 with report.id and report.type',
    note: 'The doc shows this for a flow hidden by a label; an id that names no flow is the case the reference server has.',
    setup: async () => ({ FLOW_ID: '84224def-1e2a-4d95-9ea2-132d697ed2aa' }),
    request: { method: 'GET', path: '/flows/{FLOW_ID}' }, status: 404,
    shape: {
      type: constant('https://ns.adobe.com/aep/errors/FLOW-1439-404'), title: 'Resource not found', status: constant(404),
      report: { 'detailed-message': 'The requested flows resource … is not found.', id: constant('{FLOW_ID}'), 'request-id': '{REQUEST_ID}', type: constant('flows') },
      errorMessage: 'The requested flows resource … is not found.', errorDetails: 'The requested flows resource … is not found.',
    },
    awaits: 'errors',
  },
  {
    doc: 'EN help/landing/troubleshooting.md § (missing or invalid Content-Type)', title: 'POST /connections without Content-Type answers the documented 400 body',
    request: { method: 'POST', path: '/connections', headers: { 'content-type': null }, body: baseConnectionBody() }, status: 400,
    shape: { type: constant('/placeholder/type/uri'), status: constant(400), title: constant('BadRequestError'), detail: 'A valid content-type must be specified' },
    awaits: 'errors',
  },
];
