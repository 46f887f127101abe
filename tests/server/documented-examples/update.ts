// EN help/sources/tutorials/api/update.md (@04afc24: connections) and update-dataflows.md (@23df35d: flows). The docs
// use a Salesforce connection and a BigQuery flow; the reference catalogue serves neither, so the entities are the
// draft tutorial's (Azure File Storage, CloudStorageToAEP) and the auth params patched are that spec's. The PATCH curls
// send no Content-Type (and miss a "\"); the guides ask for application/json on every payload, so it is sent.
import { completeAuth, flowBody } from '../../support/bodies.ts';
import { create, createBase, createSource, createTarget } from '../../support/drafts.ts';
import { constant } from '../../support/shape.ts';
import { patched, unquoted, type DocumentedExample } from './example.ts';
import type { InProcessClient } from '../../support/in-process.ts';

const UPDATE = 'EN help/sources/tutorials/api/update.md @04afc24';
const DATAFLOWS = 'EN help/sources/tutorials/api/update-dataflows.md @23df35d';
const JSON_BODY = { 'content-type': 'application/json' };

const CONNECTION_ITEM = {
  createdAt: 1597973312000, updatedAt: 1597973312000, createdBy: '{CREATED_BY}', updatedBy: '{UPDATED_BY}',
  createdClient: '{CREATED_CLIENT}', updatedClient: '{UPDATED_CLIENT}', sandboxName: 'prod',
  id: constant('{CONNECTION_ID}'), name: 'E2E_SF Base_Connection',
  connectionSpec: { id: 'cfc0fee1-7dc0-40ef-b73e-d8b134c436f5', version: '1.0' },
  state: constant('enabled'),
  auth: { specName: 'Basic Authentication', params: { password: '{PASSWORD}' } },
  version: '"1400dd53-0000-0200-0000-5f3f23450000"',
  etag: '"1400dd53-0000-0200-0000-5f3f23450000"',
};

/** The documented connection PATCH, with the Azure File Storage auth params in place of Salesforce's. */
const CONNECTION_PATCH = [
  { op: 'replace', path: '/auth/params', value: { ...completeAuth, password: '{NEW_PASSWORD}' } },
  { op: 'replace', path: '/name', value: 'Test salesforce connection' },
  { op: 'add', path: '/description', value: 'A test salesforce connection' },
];

/** A live flow with the documented schedule and transformations, so the documented PATCH paths exist. */
async function scheduledFlow(api: InProcessClient) {
  const base = await createBase(api, false);
  const source = await createSource(api, base.id, false);
  const target = await createTarget(api, false);
  return create(api, 'flows', {
    ...flowBody([source.id], [target.id]),
    name: 'Database dataflow using BigQuery',
    description: 'collecting test1.Mytable from Google BigQuery',
    scheduleParams: { startTime: '1612310466', frequency: 'week', interval: '15', backfill: 'true' },
    transformations: [{ name: 'Mapping', params: { mappingId: '0b090130b58b4819afc78b6dc98b484d', mappingVersion: '0' } }],
  }, false);
}

const FLOW_ITEM = {
  id: constant('{FLOW_ID}'), createdAt: 1612310475905, updatedAt: 1614122324830,
  createdBy: '{CREATED_BY}', updatedBy: '{UPDATED_BY}', createdClient: '{CREATED_CLIENT}', updatedClient: '{UPDATED_CLIENT}',
  sandboxId: '{SANDBOX_ID}', sandboxName: 'prod', imsOrgId: '{ORG_ID}',
  name: 'Database dataflow using BigQuery', description: 'collecting test1.Mytable from Google BigQuery',
  flowSpec: { id: '14518937-270c-4525-bdec-c2ba7cce3860', version: '1.0' },
  state: constant('enabled'),
  version: '"5400d99c-0000-0200-0000-60358d540000"', etag: '"5400d99c-0000-0200-0000-60358d540000"',
  sourceConnectionIds: ['b7581b59-c603-4df1-a689-d23d7ac440f3'], targetConnectionIds: ['320f119a-5ac1-4ab1-88ea-eb19e674ea2e'],
  scheduleParams: { startTime: '1612310466', frequency: constant('week'), interval: '15', backfill: 'true' },
  transformations: [{ name: 'Mapping', params: { mappingId: '0b090130b58b4819afc78b6dc98b484d', mappingVersion: '0' } }],
};

export const UPDATE_EXAMPLES: DocumentedExample[] = [
  {
    doc: `${UPDATE} § Look up connection details`,
    title: 'GET /connections/{id} answers {items: [connection]}',
    setup: async (api) => ({ CONNECTION_ID: (await createBase(api, false)).id }),
    request: { method: 'GET', path: '/connections/{CONNECTION_ID}' },
    status: 200,
    shape: { items: [CONNECTION_ITEM] },
  },
  {
    doc: `${UPDATE} § Update connection`,
    title: 'PATCH /connections/{id} with an unquoted If-Match answers {id, etag}',
    setup: async (api) => {
      const base = await createBase(api, false);
      return { CONNECTION_ID: base.id, VERSION: unquoted(base.etag) };
    },
    request: { method: 'PATCH', path: '/connections/{CONNECTION_ID}', headers: { 'if-match': '{VERSION}', ...JSON_BODY }, body: CONNECTION_PATCH },
    status: 200,
    shape: { id: constant('{CONNECTION_ID}'), etag: '"3600e378-0000-0200-0000-5f40212f0000"' },
  },
  {
    doc: `${UPDATE} § Look up updated connection details`,
    title: 'GET /connections/{id} after the update shows the new name and description',
    setup: async (api) => {
      const base = await createBase(api, false);
      await patched(api, 'connections', base.id, base.etag, CONNECTION_PATCH);
      return { CONNECTION_ID: base.id };
    },
    request: { method: 'GET', path: '/connections/{CONNECTION_ID}' },
    status: 200,
    shape: { items: [{ ...CONNECTION_ITEM, name: constant('Test salesforce connection'), description: constant('A test salesforce connection') }] },
  },
  {
    doc: `${DATAFLOWS} § Look up dataflow details`,
    title: 'GET /flows/{id} answers {items: [flow]}',
    setup: async (api) => ({ FLOW_ID: (await scheduledFlow(api)).id }),
    request: { method: 'GET', path: '/flows/{FLOW_ID}' },
    status: 200,
    shape: { items: [FLOW_ITEM] },
    awaitsFields: {
      fields: {
        items: [{
          inheritedAttributes: {
            sourceConnections: [{ id: 'b7581b59-…', connectionSpec: { id: '3c9b37f8-…', version: '1.0' }, baseConnection: { id: '6990abad-…', connectionSpec: { id: '3c9b37f8-…', version: '1.0' } } }],
            targetConnections: [{ id: '320f119a-…', connectionSpec: { id: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c', version: '1.0' } }],
          },
          lastOperation: { started: 1614122316652, updated: 1614122324830, operation: 'create' },
        }],
      },
      // the doc's older link form is /flows/{id}/runs; the OAS and newer docs say /runs?property=flowId=={id}
      runs: { items: [{ runs: '/flows/2edc08ac-4df5-4fe6-936f-81a19ce92f5c/runs' }] },
    },
  },
  {
    doc: `${DATAFLOWS} § Update dataflow`,
    title: 'PATCH /flows/{id} (schedule, name, description) with a quoted If-Match answers {id, etag}',
    setup: async (api) => {
      const flow = await scheduledFlow(api);
      return { FLOW_ID: flow.id, ETAG: flow.etag };
    },
    request: {
      method: 'PATCH', path: '/flows/{FLOW_ID}', headers: { 'if-match': '{ETAG}', ...JSON_BODY },
      body: [
        { op: 'replace', path: '/scheduleParams/frequency', value: 'day' },
        { op: 'replace', path: '/name', value: 'Database Dataflow Feb2021' },
        { op: 'replace', path: '/description', value: 'Database dataflow for testing update API' },
      ],
    },
    status: 200,
    shape: { id: constant('{FLOW_ID}'), etag: '"50014cc8-0000-0200-0000-6036eb720000"' },
  },
  {
    doc: `${DATAFLOWS} § Update mapping`,
    title: 'PATCH /flows/{id} replacing /transformations/0 answers {id, etag}',
    setup: async (api) => {
      const flow = await scheduledFlow(api);
      return { FLOW_ID: flow.id, ETAG: flow.etag };
    },
    request: {
      method: 'PATCH', path: '/flows/{FLOW_ID}', headers: { 'if-match': '{ETAG}', ...JSON_BODY },
      body: [{ op: 'replace', path: '/transformations/0', value: { name: 'Mapping', params: { mappingId: 'c5f22f04e09f44498e528901546a83b1', mappingVersion: 2 } } }],
    },
    status: 200,
    shape: { id: constant('{FLOW_ID}'), etag: '"2c000802-0000-0200-0000-613976440000"' },
  },
  {
    doc: `${UPDATE} § Look up dataflow details (after a schedule update)`,
    title: 'GET /flows/{id} after a PATCH shows lastOperation "update" with the ops applied',
    setup: async (api) => {
      const flow = await scheduledFlow(api);
      await patched(api, 'flows', flow.id, flow.etag, [{ op: 'replace', path: '/scheduleParams/frequency', value: 'day' }]);
      return { FLOW_ID: flow.id };
    },
    request: { method: 'GET', path: '/flows/{FLOW_ID}' },
    status: 200,
    shape: { items: [{ ...FLOW_ITEM, scheduleParams: { ...FLOW_ITEM.scheduleParams, frequency: constant('day') } }] },
    awaitsFields: {
      // update.md: the operation, how far it got and the instructions it applied
      fields: {
        items: [{
          lastOperation: {
            started: 1613629169724, updated: 1613629174714, operation: constant('update'),
            percentCompleted: 100.0, status: { value: 'completed', errors: [] },
            ops: [{ op: constant('replace'), path: constant('/scheduleParams/frequency'), value: 'day' }],
          },
        }],
      },
    },
  },
];
