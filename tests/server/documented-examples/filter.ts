// EN help/sources/tutorials/api/filter.md: the Marketo draft workflow (@current stored version, the one with
// "draft_create") and the older BigQuery version (@00e7441: create a filtered source connection, preview with
// filters). The reference catalogue serves neither Marketo nor BigQuery: the entities are the draft tutorial's.
import { createBase, createFlow, createSource, createTarget, published } from '../../support/drafts.ts';
import { AZURE_FILE_STORAGE } from '../../../server/catalog.ts';
import { MYSQL } from '../../../server/catalog-tutorials.ts';
import type { InProcessClient } from '../../support/in-process.ts';
import { constant } from '../../support/shape.ts';
import type { DocumentedExample } from './example.ts';

const MARKETO = 'EN help/sources/tutorials/api/filter.md (Marketo draft workflow)';
const BIGQUERY = 'EN help/sources/tutorials/api/filter.md @00e7441';
const PUBLISH_HEADERS = { 'content-type': 'application/json' };

/** A base connection on a table source (create/databases/mysql.md's body), for filter.md's table preview. */
async function createTableBase(api: InProcessClient): Promise<{ id: string }> {
  const created = await api.post('/connections', {
    name: 'MySQL Test Connection',
    auth: { specName: 'Connection String Based Authentication', params: { connectionString: 'Server=db;Port=3306;Database=acme;UID=u;PWD=p' } },
    connectionSpec: { id: MYSQL, version: '1.0' },
  });
  return created.body as { id: string };
}

const PQL_FILTER = {
  type: 'PQL', format: 'pql/json',
  value: {
    nodeType: 'fnApply', fnName: 'in',
    params: [{ nodeType: 'fieldLookup', fieldName: 'activityType' }, { nodeType: 'literal', value: ['Change Status in Progression', 'Fill Out Form'] }],
  },
};

export const FILTER_EXAMPLES: DocumentedExample[] = [
  {
    doc: `${MARKETO} § Retrieve your dataflow details`,
    title: 'GET /flows/{id} of a draft dataflow answers {items: [flow]}',
    note: 'The doc shows "state": "enabled" and operation "create" for what it calls a draft dataflow: state is checked as a string only.',
    setup: async (api) => {
      const base = await createBase(api);
      return { FLOW_ID: (await createFlow(api, [(await createSource(api, base.id)).id], [(await createTarget(api)).id])).id };
    },
    request: { method: 'GET', path: '/flows/{FLOW_ID}' },
    status: 200,
    shape: {
      items: [{
        id: constant('{FLOW_ID}'), createdAt: 1728592929650, updatedAt: 1728597187444, createdBy: 'acme@AdobeID', updatedBy: 'acme@AdobeID',
        createdClient: 'exc_app', updatedClient: 'acme', sandboxId: '7f3419ce-…', sandboxName: 'prod', imsOrgId: 'acme@AdobeOrg',
        name: 'Marketo Engage Standard Activities ACME', description: '', flowSpec: { id: '15f8402c-…', version: '1.0' },
        state: 'enabled', version: '"600290fc-…"', etag: '"600290fc-…"',
        sourceConnectionIds: ['56f7eb3a-…'], targetConnectionIds: ['7e53e6e8-…'],
      }],
    },
    awaitsFields: {
      fields: {
        items: [{
          inheritedAttributes: {
            properties: { isSourceFlow: constant(true) },
            sourceConnections: [{ id: '56f7eb3a-…', connectionSpec: { id: 'bf1f4218-…', version: '1.0' }, baseConnection: { id: '0137118b-…', connectionSpec: { id: 'bf1f4218-…', version: '1.0' } } }],
            targetConnections: [{ id: '7e53e6e8-…', connectionSpec: { id: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c', version: '1.0' } }],
          },
          lastOperation: { started: 1728592929650, updated: 0, operation: 'create' },
        }],
      },
      runs: { items: [{ runs: constant('/runs?property=flowId=={FLOW_ID}') }] },
    },
  },
  {
    doc: `${MARKETO} § Retrieve your source connection details`,
    title: 'GET /sourceConnections/{id} of a draft answers state "draft"',
    setup: async (api) => {
      const base = await createBase(api);
      return { SOURCE_CONNECTION_ID: (await createSource(api, base.id)).id, BASE_CONNECTION_ID: base.id };
    },
    request: { method: 'GET', path: '/sourceConnections/{SOURCE_CONNECTION_ID}' },
    status: 200,
    shape: {
      items: [{
        id: constant('{SOURCE_CONNECTION_ID}'), createdAt: 1729634331185, updatedAt: 1729634331185, createdBy: 'acme@AdobeID', updatedBy: 'acme@AdobeID',
        createdClient: 'exc_app', updatedClient: 'acme', sandboxId: '7f3419ce-…', sandboxName: 'prod', imsOrgId: 'acme@AdobeOrg',
        name: 'New Source Connection - 2024-10-23T03:28:50+05:30', description: 'Source connection created from the workflow',
        baseConnectionId: constant('{BASE_CONNECTION_ID}'), state: constant('draft'), data: { format: 'tabular' },
        connectionSpec: { id: '2d31dfd1-…', version: '1.0' }, params: {},
        version: '"210068a6-0000-0200-0000-6718201b0000"', etag: '"210068a6-0000-0200-0000-6718201b0000"',
      }],
    },
    awaitsFields: {
      fields: {
        items: [{
          inheritedAttributes: { baseConnection: { id: constant('{BASE_CONNECTION_ID}'), connectionSpec: { id: constant(AZURE_FILE_STORAGE), version: '1.0' } } },
          // `updated` is 0 on an entity never updated: the one value the doc shows for a draft
          lastOperation: { started: 1729634331185, updated: constant(0), operation: constant('draft_create') },
        }],
      },
    },
  },
  {
    doc: `${MARKETO} § Update your source connection with filtering conditions`,
    title: 'PATCH /sourceConnections/{id} with a single PatchInstruction object answers {id, etag}',
    note: 'The doc body is one object, not an array, and the curl has no Content-Type (sent here, as api-guide.md asks).',
    setup: async (api) => {
      const source = await createSource(api, (await createBase(api)).id);
      return { SOURCE_CONNECTION_ID: source.id, VERSION_HERE: source.etag };
    },
    request: {
      method: 'PATCH', path: '/sourceConnections/{SOURCE_CONNECTION_ID}',
      headers: { 'if-match': '{VERSION_HERE}', 'content-type': 'application/json' },
      body: { op: 'add', path: '/params/filters', value: PQL_FILTER },
    },
    status: 200,
    shape: { id: constant('{SOURCE_CONNECTION_ID}'), etag: '"210068a6-0000-0200-0000-6718201b0000"' },
    awaits: 'fields',
  },
  {
    doc: `${MARKETO} § Publish your source connection`,
    title: 'POST /sourceConnections/{id}/action?op=publish answers {id, etag}',
    setup: async (api) => ({ SOURCE_CONNECTION_ID: (await createSource(api, (await createBase(api, false)).id)).id }),
    request: { method: 'POST', path: '/sourceConnections/{SOURCE_CONNECTION_ID}/action?op=publish', headers: PUBLISH_HEADERS },
    status: 200,
    shape: { id: constant('{SOURCE_CONNECTION_ID}'), etag: '"9f007f7b-0000-0200-0000-670ef1150000"' },
  },
  {
    doc: `${MARKETO} § Publish your target connection`,
    title: 'POST /targetConnections/{id}/action?op=publish answers {id, etag}',
    note: 'The curl posts to /connections/{id}/action; the API format line says /targetConnections.',
    setup: async (api) => ({ TARGET_CONNECTION_ID: (await createTarget(api)).id }),
    request: { method: 'POST', path: '/targetConnections/{TARGET_CONNECTION_ID}/action?op=publish', headers: PUBLISH_HEADERS },
    status: 200,
    shape: { id: constant('{TARGET_CONNECTION_ID}'), etag: '"8e000533-0000-0200-0000-5f3c40fd0000"' },
  },
  {
    doc: `${MARKETO} § Publish your dataflow`,
    title: 'POST /flows/{id}/action?op=publish after both connections are published answers {id, etag}',
    setup: async (api) => {
      const source = await createSource(api, (await createBase(api, false)).id);
      const target = await createTarget(api);
      const flow = await createFlow(api, [source.id], [target.id]);
      await published(api, 'sourceConnections', source.id);
      await published(api, 'targetConnections', target.id);
      return { FLOW_ID: flow.id };
    },
    request: { method: 'POST', path: '/flows/{FLOW_ID}/action?op=publish', headers: PUBLISH_HEADERS },
    status: 200,
    shape: { id: constant('{FLOW_ID}'), etag: '"4b0354b7-0000-0200-0000-6716ce1f0000"' },
  },
  {
    doc: `${BIGQUERY} § Create a source connection for filtered data`,
    title: 'POST /sourceConnections with params.filters answers {id, etag}',
    setup: async (api) => ({ BASE_CONNECTION_ID: (await createBase(api, false)).id }),
    request: {
      method: 'POST', path: '/sourceConnections', headers: { 'content-type': 'application/json' },
      body: {
        name: 'BigQuery Source Connection', description: 'Source Connection for Filter test', baseConnectionId: '{BASE_CONNECTION_ID}',
        data: { format: 'tabular' },
        params: { tableName: 'test1.fasTestTable', filters: { type: 'PQL', format: 'pql/json', value: { nodeType: 'fnApply', fnName: '=', params: [{ nodeType: 'fieldLookup', fieldName: 'city' }, { nodeType: 'literal', value: 'DDN' }] } } },
        connectionSpec: { id: AZURE_FILE_STORAGE, version: '1.0' },
      },
    },
    status: 201,
    shape: { id: 'b7581b59-c603-4df1-a689-d23d7ac440f3', etag: '"ef05d265-0000-0200-0000-6019e0080000"' },
  },
  {
    doc: `${BIGQUERY} § Preview your data`,
    title: 'GET /connections/{id}/explore?objectType=table&…&preview=true&filters=… answers {format, schema.columns, data}',
    note: 'A table source (BigQuery) in the doc; the reference server\'s table sources are the database tutorials\' (MySQL here), '
      + 'with canned tables, so the table path is one of those. The filters value is the doc\'s own (a PQL filter with no value).',
    setup: async (api) => ({ BASE_CONNECTION_ID: (await createTableBase(api)).id }),
    request: { method: 'GET', path: '/connections/{BASE_CONNECTION_ID}/explore?objectType=table&object=public.customers&preview=true&filters=ewogICJ0eXBlIjogIlBRTCIKfQ==' },
    status: 200,
    shape: { format: 'flat', schema: { columns: [{ name: 'FIRSTNAME', type: 'string', xdm: { type: 'string' } }] }, data: [{}] },
  },
];
