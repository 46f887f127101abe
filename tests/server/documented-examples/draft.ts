// EN help/sources/tutorials/api/draft.md: the current version (f86f371, all four kinds) and the older one (0b0f9ef,
// dataflows only, with its "Update a dataflow" section). Statuses the tutorial does not state come from the OAS
// (201 for creates, 200 for actions and PATCH). The tutorial's invalid JSON (source connection body) is corrected.
import { AZURE_FILE_STORAGE, CLOUD_STORAGE_TO_AEP, DATA_LAKE } from '../../../server/catalog.ts';
import { createBase, createFlow, createSource, createTarget, published } from '../../support/drafts.ts';
import { constant } from '../../support/shape.ts';
import type { DocumentedExample } from './example.ts';

const CURRENT = 'EN help/sources/tutorials/api/draft.md @f86f371';
const OLDER = 'EN help/sources/tutorials/api/draft.md @0b0f9ef';
/** Every create and action of the tutorial answers this. */
const ID_AND_ETAG = { id: 'f9377f50-607a-4818-b77f-50607a181860', etag: '"2f0276fa-0000-0200-0000-5eab3abb0000"' };
/** The tutorial's publish calls carry Content-Type and no body. */
const PUBLISH_HEADERS = { 'content-type': 'application/json' };

export const DRAFT_EXAMPLES: DocumentedExample[] = [
  {
    doc: `${CURRENT} § Check for draft mode support (connection spec)`,
    title: 'GET the Azure File Storage connection spec: items[0].attributes.isDraftModeSupported',
    request: { method: 'GET', path: `/connectionSpecs/${AZURE_FILE_STORAGE}` },
    status: 200,
    shape: {
      items: [{
        id: constant(AZURE_FILE_STORAGE), name: 'azure-file-storage', providerId: '0ed90a81-…', version: '1.0',
        authSpec: [{ name: 'Basic Authentication', type: 'basicAuthentication', spec: { type: 'object', properties: {}, required: ['host'] } }],
        sourceSpec: { name: 'CloudStorage', type: 'CloudStorage', spec: { type: 'object', properties: {} } },
        attributes: { category: 'Cloud Storage', connectorName: 'Azure File Storage', isSource: constant(true), isDraftModeSupported: constant(true) },
      }],
    },
    awaitsFields: {
      explore: {
        items: [{
          exploreSpec: { name: 'FileSystem', type: 'FileSystem', requestSpec: { type: 'object' }, responseSpec: {} },
          attributes: { uiAttributes: {} },
          permissionsInfo: { manage: [{ '@type': 'lowLevel', name: 'EnterpriseSource', permissions: ['write'] }], view: [{ name: 'EnterpriseSource' }] },
        }],
      },
    },
  },
  {
    doc: `${CURRENT} § Check for draft mode support (flow spec)`,
    title: 'GET /flowSpecs?property=name=="CloudStorageToAEP": items[0].attributes.isDraftModeSupported',
    request: { method: 'GET', path: '/flowSpecs?property=name==%22CloudStorageToAEP%22' },
    status: 200,
    shape: {
      items: [{
        id: constant(CLOUD_STORAGE_TO_AEP), name: constant('CloudStorageToAEP'), providerId: '0ed90a81-…', version: '1.0',
        sourceConnectionSpecIds: ['b3ba5556-…'], targetConnectionSpecIds: [constant(DATA_LAKE)],
        attributes: { isSourceFlow: constant(true), flacValidationSupported: true, isDraftModeSupported: constant(true), frequency: constant('batch') },
      }],
    },
    awaitsFields: {
      explore: {
        items: [{
          optionSpec: { name: 'OptionSpec', spec: { type: 'object', properties: {} } },
          transformationSpecs: [{ name: 'Mapping', spec: { type: 'object' } }],
          scheduleSpec: { name: 'PeriodicSchedule', type: 'Periodic', spec: { type: 'object', required: ['startTime'] } },
          permissionsInfo: { manage: [{ name: 'EnterpriseSource' }], view: [{ name: 'EnterpriseSource' }] },
        }],
      },
    },
  },
  {
    doc: `${CURRENT} § Create a draft base connection`,
    title: 'POST /connections?mode=draft answers {id, etag}',
    note: "The curl drops ?mode=draft; the API format line has it. Placeholders such as {HOST} are sent as the doc writes them.",
    request: {
      method: 'POST', path: '/connections?mode=draft',
      body: {
        name: 'ACME Azure File Storage Base Connection',
        description: 'Azure File Storage base connection for ACME data (DRAFT)',
        auth: { specName: 'Basic Authentication', params: { host: '{HOST}', userId: '{USER_ID}', password: '{PASSWORD}' } },
        connectionSpec: { id: AZURE_FILE_STORAGE, version: '1.0' },
      },
    },
    status: 201,
    shape: ID_AND_ETAG,
  },
  {
    doc: `${CURRENT} § Publish your draft base connection`,
    title: 'POST /connections/{id}/action?op=publish answers {id, etag}',
    setup: async (api) => ({ BASE_CONNECTION_ID: (await createBase(api)).id }),
    request: { method: 'POST', path: '/connections/{BASE_CONNECTION_ID}/action?op=publish', headers: PUBLISH_HEADERS },
    status: 200,
    shape: { id: constant('{BASE_CONNECTION_ID}'), etag: ID_AND_ETAG.etag },
  },
  {
    doc: `${CURRENT} § Create a draft source connection`,
    title: 'POST /sourceConnections?mode=draft answers {id, etag}',
    note: 'The doc body has a missing quote after "description" and a trailing comma in "data": corrected.',
    setup: async (api) => ({ BASE_CONNECTION_ID: (await createBase(api)).id }),
    request: {
      method: 'POST', path: '/sourceConnections?mode=draft',
      body: {
        name: 'ACME Azure File Storage Source Connection',
        description: 'Azure File Storage source connection for ACME data (DRAFT)',
        baseConnectionId: '{BASE_CONNECTION_ID}',
        data: { format: 'delimited' },
        params: { path: '/acme/summerCampaign/account.csv', type: 'file' },
        connectionSpec: { id: AZURE_FILE_STORAGE, version: '1.0' },
      },
    },
    status: 201,
    shape: ID_AND_ETAG,
  },
  {
    doc: `${CURRENT} § Publish your draft source connection`,
    title: 'POST /sourceConnections/{id}/action?op=publish, its base connection published first, answers {id, etag}',
    note: 'The curl posts to /connections/{id}/action; the API format line says /sourceConnections.',
    setup: async (api) => {
      const base = await createBase(api);
      await published(api, 'connections', base.id);
      return { SOURCE_CONNECTION_ID: (await createSource(api, base.id)).id };
    },
    request: { method: 'POST', path: '/sourceConnections/{SOURCE_CONNECTION_ID}/action?op=publish', headers: PUBLISH_HEADERS },
    status: 200,
    shape: { id: constant('{SOURCE_CONNECTION_ID}'), etag: ID_AND_ETAG.etag },
  },
  {
    doc: `${CURRENT} § Publish your draft source connection (NOTE)`,
    title: 'publishing a source connection whose base connection is still a draft is refused',
    note: '"You cannot publish a source connection if its associated base connection is still in draft state": no status documented.',
    setup: async (api) => ({ SOURCE_CONNECTION_ID: (await createSource(api, (await createBase(api)).id)).id }),
    request: { method: 'POST', path: '/sourceConnections/{SOURCE_CONNECTION_ID}/action?op=publish', headers: PUBLISH_HEADERS },
    status: '4xx',
  },
  {
    doc: `${CURRENT} § Create a draft target connection`,
    title: 'POST /targetConnections?mode=draft answers {id, etag}',
    request: {
      method: 'POST', path: '/targetConnections?mode=draft',
      body: {
        name: 'ACME Azure File Storage Target Connection',
        description: 'Azure File Storage target connection ACME data (DRAFT)',
        data: { schema: { id: '{SCHEMA_ID}', version: 'application/vnd.adobe.xed-full+json;version=1' } },
        params: { dataSetId: '{DATASET_ID}' },
        connectionSpec: { id: DATA_LAKE, version: '1.0' },
      },
    },
    status: 201,
    shape: ID_AND_ETAG,
  },
  {
    doc: `${CURRENT} § Publish your draft target connection`,
    title: 'POST /targetConnections/{id}/action?op=publish answers {id, etag}',
    note: 'The curl posts to /connections/{id}/action; the API format line says /targetConnections.',
    setup: async (api) => ({ TARGET_CONNECTION_ID: (await createTarget(api)).id }),
    request: { method: 'POST', path: '/targetConnections/{TARGET_CONNECTION_ID}/action?op=publish', headers: PUBLISH_HEADERS },
    status: 200,
    shape: { id: constant('{TARGET_CONNECTION_ID}'), etag: ID_AND_ETAG.etag },
  },
  {
    doc: `${CURRENT} § Publish your draft target connection (NOTE)`,
    title: 'publishing a target connection whose base connection is still a draft is refused',
    note: "The tutorial's target has no base connection; this one names a draft base connection, which the note is about.",
    setup: async (api) => ({ TARGET_CONNECTION_ID: (await createTarget(api, true, (await createBase(api)).id)).id }),
    request: { method: 'POST', path: '/targetConnections/{TARGET_CONNECTION_ID}/action?op=publish', headers: PUBLISH_HEADERS },
    status: '4xx',
  },
  {
    doc: `${CURRENT} § Create a draft dataflow`,
    title: 'POST /flows?mode=draft answers {id, etag}',
    setup: async (api) => {
      const base = await createBase(api);
      return { SOURCE_CONNECTION_ID: (await createSource(api, base.id)).id, TARGET_CONNECTION_ID: (await createTarget(api)).id };
    },
    request: {
      method: 'POST', path: '/flows?mode=draft',
      body: {
        name: 'ACME Azure File Storage Dataflow',
        description: 'Azure File Storage dataflow for ACME data (DRAFT)',
        sourceConnectionIds: ['{SOURCE_CONNECTION_ID}'],
        targetConnectionIds: ['{TARGET_CONNECTION_ID}'],
        flowSpec: { id: CLOUD_STORAGE_TO_AEP, version: '1.0' },
      },
    },
    status: 201,
    shape: ID_AND_ETAG,
  },
  {
    doc: `${CURRENT} § Publish your draft dataflow`,
    title: 'POST /flows/{id}/action?op=publish, its connections published first, answers {id, etag}',
    setup: async (api) => {
      const base = await createBase(api, false);
      const source = await createSource(api, base.id);
      const target = await createTarget(api);
      await published(api, 'sourceConnections', source.id);
      await published(api, 'targetConnections', target.id);
      return { FLOW_ID: (await createFlow(api, [source.id], [target.id])).id };
    },
    request: { method: 'POST', path: '/flows/{FLOW_ID}/action?op=publish', headers: PUBLISH_HEADERS },
    status: 200,
    shape: { id: constant('{FLOW_ID}'), etag: ID_AND_ETAG.etag },
  },
  {
    doc: `${CURRENT} § Publish your draft dataflow (NOTE)`,
    title: 'publishing a dataflow whose source connection is still a draft is refused',
    note: '"You cannot publish a dataflow if its associated source and target connections are still in draft state": no status documented.',
    setup: async (api) => {
      const source = await createSource(api, (await createBase(api, false)).id);
      const target = await createTarget(api);
      await published(api, 'targetConnections', target.id);
      return { FLOW_ID: (await createFlow(api, [source.id], [target.id])).id };
    },
    request: { method: 'POST', path: '/flows/{FLOW_ID}/action?op=publish', headers: PUBLISH_HEADERS },
    status: '4xx',
  },
  {
    doc: `${CURRENT} § Publish your draft dataflow (NOTE)`,
    title: 'publishing a dataflow whose target connection is still a draft is refused',
    setup: async (api) => {
      const source = await createSource(api, (await createBase(api, false)).id);
      await published(api, 'sourceConnections', source.id);
      return { FLOW_ID: (await createFlow(api, [source.id], [(await createTarget(api)).id])).id };
    },
    request: { method: 'POST', path: '/flows/{FLOW_ID}/action?op=publish', headers: PUBLISH_HEADERS },
    status: '4xx',
  },
  {
    doc: `${OLDER} § Update a dataflow`,
    title: 'PATCH /flows/{id} of a draft with If-Match (no mode) answers {id, etag}',
    note: 'The curl sends no Content-Type (and misses a "\\"); api-guide.md asks for application/json on every payload, so it is sent.',
    setup: async (api) => {
      const base = await createBase(api);
      const flow = await createFlow(api, [(await createSource(api, base.id)).id], [(await createTarget(api)).id]);
      return { FLOW_ID: flow.id, ETAG: flow.etag };
    },
    request: {
      method: 'PATCH', path: '/flows/{FLOW_ID}',
      headers: { 'if-match': '{ETAG}', 'content-type': 'application/json' },
      body: [{ op: 'add', path: '/transformations', value: [{ name: 'Mapping', params: { mappingId: '44d42ed27c46499a80eb0c0705c38cbd', mappingVersion: 0 } }] }],
    },
    status: 200,
    shape: { id: constant('{FLOW_ID}'), etag: ID_AND_ETAG.etag },
  },
];
