// EN help/dataflows/api/sort-and-filter.md @c3aba92: sorting, property filters, count, the filterable-properties
// tables and the use cases. The doc shows requests and one response (count); each list answer is `{items: [...]}`
// (OAS FlowListResponse and siblings). Every setup makes an entity the filter must find and one it must not, and the
// shape's item holds the filtered field as a constant: every listed item must match, and at least one must be listed.
import { DATA_LAKE, AZURE_FILE_STORAGE, CLOUD_STORAGE_TO_AEP } from '../../../server/catalog.ts';
import { baseConnectionBody, flowBody, sourceConnectionBody, targetConnectionBody } from '../../support/bodies.ts';
import { create, createBase, createSource, createTarget } from '../../support/drafts.ts';
import type { InProcessClient } from '../../support/in-process.ts';
import { constant, matching } from '../../support/shape.ts';
import type { DocumentedExample } from './example.ts';

const DOC = 'EN help/dataflows/api/sort-and-filter.md @c3aba92';

/** Two live flows, with the fields the flow filters below look at. */
async function flows(api: InProcessClient) {
  const base = await createBase(api, false);
  const sourceA = await createSource(api, base.id, false);
  const sourceB = await createSource(api, base.id, false);
  const target = await createTarget(api, false);
  const a = await create(api, 'flows', { ...flowBody([sourceA.id], [target.id]), name: 'TestFlow', description: 'Test description' }, false);
  const b = await create(api, 'flows', { ...flowBody([sourceB.id], [target.id]), name: 'Other flow', description: 'Other' }, false);
  return { FLOW_ID: a.id, OTHER_FLOW_ID: b.id, SOURCE_CONNECTION_ID: sourceA.id, TARGET_CONNECTION_ID: target.id };
}

async function connections(api: InProcessClient) {
  const a = await create(api, 'connections', { ...baseConnectionBody(), name: 'TestConn', description: 'Test description' }, false);
  const b = await create(api, 'connections', { ...baseConnectionBody(), name: 'Other connection', description: 'Other' }, false);
  return { CONNECTION_ID: a.id, OTHER_CONNECTION_ID: b.id };
}

async function sourceConnections(api: InProcessClient) {
  const base = await createBase(api, false);
  const other = await createBase(api, false);
  const body = sourceConnectionBody(base.id);
  const a = await create(api, 'sourceConnections', { ...body, params: { ...body.params, tableName: 'lead', columns: [{ name: 'firstName' }] } }, false);
  await create(api, 'sourceConnections', { ...sourceConnectionBody(other.id), params: { tableName: 'account', columns: [{ name: 'lastName' }] } }, false);
  return { SOURCE_CONNECTION_ID: a.id, BASE_CONNECTION_ID: base.id };
}

async function targetConnections(api: InProcessClient) {
  const base = await createBase(api, false);
  const a = await create(api, 'targetConnections', { ...targetConnectionBody(), baseConnectionId: base.id }, false);
  await create(api, 'targetConnections', targetConnectionBody(), false);
  return { TARGET_CONNECTION_ID: a.id, BASE_CONNECTION_ID: base.id };
}

const list = (item: Record<string, unknown>) => ({ items: [{ id: '736873', ...item }] }) as never;

/** One filterable-properties row: the request, the setup, the field every listed item must hold. */
function row(kind: string, query: string, setup: DocumentedExample['setup'], item: Record<string, unknown>, extra: Partial<DocumentedExample> = {}): DocumentedExample {
  return { doc: `${DOC} § Filterable properties by resource (${kind})`, title: `GET /${kind}?${query}`, setup, request: { method: 'GET', path: `/${kind}?${query}` }, status: 200, shape: list(item), ...extra };
}

export const SORT_AND_FILTER_EXAMPLES: DocumentedExample[] = [
  { doc: `${DOC} § Sorting`, title: 'GET /flows?orderby=name', setup: flows, request: { method: 'GET', path: '/flows?orderby=name' }, status: 200, shape: list({ name: 'TestFlow' }) },
  { doc: `${DOC} § Sorting`, title: 'GET /flows?orderby=-name', setup: flows, request: { method: 'GET', path: '/flows?orderby=-name' }, status: 200, shape: list({ name: 'TestFlow' }) },
  {
    doc: `${DOC} § Sorting`, title: 'GET /flows?property=state==enabled&orderby=createdAt', setup: flows,
    request: { method: 'GET', path: '/flows?property=state==enabled&orderby=createdAt' }, status: 200, shape: list({ state: constant('enabled'), createdAt: 0 }),
  },
  {
    doc: `${DOC} § Filtering`, title: 'GET /sourceConnections?property=params.tableName==lead', setup: sourceConnections,
    request: { method: 'GET', path: '/sourceConnections?property=params.tableName==lead' }, status: 200, shape: list({ params: { tableName: constant('lead') } }),
  },
  {
    doc: `${DOC} § Filtering on array properties`, title: 'GET /flows?property=sourceConnectionIds[]=={A},{B}',
    setup: flows, request: { method: 'GET', path: '/flows?property=sourceConnectionIds[]=={SOURCE_CONNECTION_ID},9874984' }, status: 200,
    shape: list({ id: constant('{FLOW_ID}'), sourceConnectionIds: [constant('{SOURCE_CONNECTION_ID}')] }),
  },
  {
    doc: `${DOC} § Filtering on array properties`, title: 'GET /sourceConnections?property=params.columns[].name==firstName',
    note: 'A [] inside the path, as the inheritedAttributes filters need.',
    setup: sourceConnections, request: { method: 'GET', path: '/sourceConnections?property=params.columns[].name==firstName' }, status: 200,
    shape: list({ id: constant('{SOURCE_CONNECTION_ID}') }), awaits: 'fields',
  },
  {
    doc: `${DOC} § Filtering on array properties`, title: 'GET /flows?property=transformations[].params.segmentSelectors.selectors[].value.id==…',
    note: 'A [] inside the path, as the inheritedAttributes filters need.',
    setup: async (api) => {
      const made = await flows(api);
      await create(api, 'flows', {
        ...flowBody([made.SOURCE_CONNECTION_ID], [made.TARGET_CONNECTION_ID]),
        transformations: [{ name: 'GeneralTransform', params: { segmentSelectors: { selectors: [{ type: 'PLATFORM_SEGMENT', value: { id: '5722a16f-5e1f-4732-91b6-3b03943f759a' } }] } } }],
      }, false);
      return made;
    },
    request: { method: 'GET', path: '/flows?property=transformations[].params.segmentSelectors.selectors[].value.id==5722a16f-5e1f-4732-91b6-3b03943f759a&property=state==enabled' },
    status: 200, shape: list({ transformations: [{ name: constant('GeneralTransform') }], state: constant('enabled') }), awaits: 'fields',
  },
  {
    doc: `${DOC} § count`, title: 'GET /flows?property=state==enabled&count=true answers {count}', setup: flows,
    request: { method: 'GET', path: '/flows?property=state==enabled&count=true' }, status: 200, shape: { count: 95 },
  },
  row('connections', 'property=id=={CONNECTION_ID},9485095', connections, { id: constant('{CONNECTION_ID}') }),
  row('connections', 'property=name==TestConn', connections, { name: constant('TestConn') }),
  row('connections', 'property=description==Test%20description', connections, { description: constant('Test description') }),
  row('connections', `property=connectionSpec.id==${AZURE_FILE_STORAGE},849048`, connections, { connectionSpec: { id: constant(AZURE_FILE_STORAGE) } }),
  row('connections', 'property=state==enabled', connections, { state: constant('enabled') }),
  row('sourceConnections', 'property=id=={SOURCE_CONNECTION_ID},9485095', sourceConnections, { id: constant('{SOURCE_CONNECTION_ID}') }),
  row('sourceConnections', `property=connectionSpec.id==${AZURE_FILE_STORAGE},849048`, sourceConnections, { connectionSpec: { id: constant(AZURE_FILE_STORAGE) } }),
  row('sourceConnections', 'property=baseConnectionId=={BASE_CONNECTION_ID},4908095', sourceConnections, { baseConnectionId: constant('{BASE_CONNECTION_ID}') }),
  row('targetConnections', 'property=id=={TARGET_CONNECTION_ID},9485095', targetConnections, { id: constant('{TARGET_CONNECTION_ID}') }),
  row('targetConnections', `property=connectionSpec.id==${DATA_LAKE},849048`, targetConnections, { connectionSpec: { id: constant(DATA_LAKE) } }),
  row('targetConnections', 'property=baseConnectionId=={BASE_CONNECTION_ID},4908095', targetConnections, { baseConnectionId: constant('{BASE_CONNECTION_ID}') }),
  row('flows', 'property=id=={FLOW_ID},9485095', flows, { id: constant('{FLOW_ID}') }),
  row('flows', 'property=name==TestFlow', flows, { name: constant('TestFlow') }),
  row('flows', 'property=description==Test%20description', flows, { description: constant('Test description') }),
  row('flows', `property=flowSpec.id==${CLOUD_STORAGE_TO_AEP},849048`, flows, { flowSpec: { id: constant(CLOUD_STORAGE_TO_AEP) } }),
  row('flows', 'property=state==enabled', flows, { state: constant('enabled') }),
  row('flows', 'property=targetConnectionIds[]=={TARGET_CONNECTION_ID},690666', flows, { targetConnectionIds: [constant('{TARGET_CONNECTION_ID}')] }),
  row('connectionSpecs', `property=id==${AZURE_FILE_STORAGE},9485095`, undefined, { id: constant(AZURE_FILE_STORAGE) }),
  row('connectionSpecs', 'property=name==azure-file-storage', undefined, { name: constant('azure-file-storage') }),
  row('connectionSpecs', 'property=providerId==0ed90a81-07f4-4586-8190-b40eccef1c5a', undefined, { providerId: constant('0ed90a81-07f4-4586-8190-b40eccef1c5a') }),
  row('connectionSpecs', 'property=attributes.isSource="true"', undefined, { attributes: { isSource: constant(true) } }, {
    note: 'The doc writes a single "=" (attributes.sampleAttribute="abc"); the reference server takes it as "==" (DECISIONS).',
  }),
  row('flowSpecs', `property=id==${CLOUD_STORAGE_TO_AEP},9485095`, undefined, { id: constant(CLOUD_STORAGE_TO_AEP) }),
  row('flowSpecs', 'property=name==CloudStorageToAEP', undefined, { name: constant('CloudStorageToAEP') }),
  {
    doc: `${DOC} § Use cases`, title: 'GET /connections?property=connectionSpec.id==… (connections of one spec)', setup: connections,
    request: { method: 'GET', path: `/connections?property=connectionSpec.id==${AZURE_FILE_STORAGE}` }, status: 200,
    shape: list({ connectionSpec: { id: constant(AZURE_FILE_STORAGE) } }),
  },
  {
    doc: `${DOC} § Use cases`, title: 'GET /flows?property=inheritedAttributes.properties.isSourceFlow==true',
    note: 'The doc filters isDestinationFlow; the reference catalogue has source flows only, so the sibling flag is asked.',
    setup: flows, request: { method: 'GET', path: '/flows?property=inheritedAttributes.properties.isSourceFlow==true' }, status: 200,
    shape: list({ inheritedAttributes: { properties: { isSourceFlow: constant(true) } } }), awaits: 'fields',
  },
  {
    doc: `${DOC} § Use cases`, title: 'GET /flows?property=inheritedAttributes.targetConnections[].connectionSpec.id==…', setup: flows,
    request: { method: 'GET', path: `/flows?property=inheritedAttributes.targetConnections[].connectionSpec.id==${DATA_LAKE}` }, status: 200,
    shape: list({ inheritedAttributes: { targetConnections: [{ connectionSpec: { id: constant(DATA_LAKE) } }] } }), awaits: 'fields',
  },
  {
    doc: 'OAS flow-service.yaml PageLinksResponse (example href) with sort-and-filter.md § limit', title: 'GET /connections?limit=1: _links.next.href starts with the continuation token',
    setup: connections, request: { method: 'GET', path: '/connections?limit=1' }, status: 200,
    shape: { items: [{ id: '' }], _links: { next: { href: matching(/^\/connections\?continuationToken=[^&]+/) } } }, awaits: 'lists',
  },
  {
    doc: 'EN help/sources/tutorials/api/monitor.md @271a9ad (a single page ends with "_links": {})', title: 'GET /connections (one page) carries _links: {}',
    setup: connections, request: { method: 'GET', path: '/connections' }, status: 200, shape: { items: [{ id: '' }], _links: {} }, awaits: 'lists',
  },
];
