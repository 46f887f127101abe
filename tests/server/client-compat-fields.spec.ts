// Issue 11, for clients that read the server-owned fields the docs show: inheritedAttributes (and the documented
// filters on them), lastOperation, providerRefId, sandboxId as an id, and PATCH in both documented body forms.
// Each case names the doc clause it rests on; the documented shapes are copied here as data (tests never read the
// docs themselves).
import { expect, test } from '@playwright/test';
import { AZURE_FILE_STORAGE, DATA_LAKE } from '../../server/catalog.ts';
import { baseConnectionBody } from '../support/bodies.ts';
import { chain, createBase, createFlow, createSource, createTarget, describeAnswer, KINDS, NOUN, published, read } from '../support/drafts.ts';
import { InProcessClient } from '../support/in-process.ts';

/** OAS `SourceConnectionMetaInfoDTO` / `TargetConnectionMetaInfoDTO` → `ConnectionMetaInfoDTO {id, connectionSpec: SpecInfoDTO}`. */
const CONNECTION_INHERITED = 'OAS SourceConnectionItemDTO.inheritedAttributes: {baseConnection: {id, connectionSpec: {id, version}}}';
/** OAS `FlowMetaInfoDTO` and sort-and-filter's filter examples. */
const FLOW_INHERITED = 'OAS FlowItemDTO.inheritedAttributes: {sourceConnections[{id, connectionSpec, baseConnection}], targetConnections[{id, connectionSpec}]}';
const FILTER_SOURCE_FLOW = 'sort-and-filter.md: GET /flows?property=inheritedAttributes.properties.isSourceFlow==true';
const FILTER_TARGET_SPEC = 'sort-and-filter.md: GET /flows?property=inheritedAttributes.targetConnections[].connectionSpec.id==<id>';
/** filter.md, a draft source connection read back. */
const DRAFT_LAST_OPERATION = { documented: { started: 1729634331185, updated: 0, operation: 'draft_create' }, clause: 'filter.md: draft source connection GET' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function list(api: InProcessClient, path: string): Promise<Record<string, any>[]> {
  const answer = await api.get(path);
  expect(answer.status, describeAnswer('GET', path, answer)).toBe(200);
  return answer.body.items;
}

const ids = (items: Record<string, any>[]) => items.map((item) => item.id).sort();

test(`source and target connections show inheritedAttributes.baseConnection on read and in lists (${CONNECTION_INHERITED})`, async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  const source = await createSource(api, base.id);
  const target = await createTarget(api, true, base.id);
  const lakeTarget = await createTarget(api);
  const expected = { baseConnection: { id: base.id, connectionSpec: { id: AZURE_FILE_STORAGE, version: '1.0' } } };
  expect((await read(api, 'sourceConnections', source.id)).inheritedAttributes).toEqual(expected);
  expect((await read(api, 'targetConnections', target.id)).inheritedAttributes).toEqual(expected);
  // a data-lake target names no base connection, so it inherits nothing
  expect((await read(api, 'targetConnections', lakeTarget.id)).inheritedAttributes).toEqual({});
  const listed = await list(api, '/sourceConnections');
  expect(listed.find((item) => item.id === source.id)?.inheritedAttributes).toEqual(expected);
  // a base connection has no inheritedAttributes in ConnectionItemDTO
  expect(await read(api, 'connections', base.id)).not.toHaveProperty('inheritedAttributes');
});

test(`a flow shows its connections, their specs and base connections, and the flow spec's isSourceFlow (${FLOW_INHERITED})`, async () => {
  const api = new InProcessClient();
  const { base, source, target, flow } = await chain(api);
  const spec = (id: string) => ({ id, version: '1.0' });
  const expected = {
    sourceConnections: [{ id: source.id, connectionSpec: spec(AZURE_FILE_STORAGE), baseConnection: { id: base.id, connectionSpec: spec(AZURE_FILE_STORAGE) } }],
    targetConnections: [{ id: target.id, connectionSpec: spec(DATA_LAKE) }],
    properties: { isSourceFlow: true },
  };
  expect((await read(api, 'flows', flow.id)).inheritedAttributes).toEqual(expected);
  expect((await list(api, '/flows')).find((item) => item.id === flow.id)?.inheritedAttributes).toEqual(expected);
});

test('inheritedAttributes follow a parent that changes without the entity\'s own etag moving (update-dataflows.md: changes to connections are reflected in the dataflow)', async () => {
  const api = new InProcessClient();
  const { source, flow } = await chain(api);
  const before = await read(api, 'flows', flow.id);
  const other = await createBase(api);
  const repoint = await api.patch(`/sourceConnections/${source.id}`, [{ op: 'replace', path: '/baseConnectionId', value: other.id }], source.etag);
  expect(repoint.status, repoint.text).toBe(200);
  const after = await read(api, 'flows', flow.id);
  expect(after.etag).toBe(before.etag);
  expect(after.inheritedAttributes.sourceConnections[0].baseConnection).toEqual({ id: other.id, connectionSpec: { id: AZURE_FILE_STORAGE, version: '1.0' } });
});

test(`filters on inheritedAttributes match the flows they name and nothing else (${FILTER_SOURCE_FLOW}; ${FILTER_TARGET_SPEC})`, async () => {
  const api = new InProcessClient();
  const first = await chain(api);
  const secondSource = await createSource(api, (await createBase(api)).id);
  const second = await createFlow(api, [secondSource.id], [first.target.id]);
  const flows = [first.flow.id, second.id].sort();

  expect(ids(await list(api, '/flows?property=inheritedAttributes.properties.isSourceFlow==true'))).toEqual(flows);
  expect(await list(api, '/flows?property=inheritedAttributes.properties.isSourceFlow==false')).toEqual([]);
  // sort-and-filter's destination example: no flow spec here is a destination flow
  expect(await list(api, '/flows?property=inheritedAttributes.properties.isDestinationFlow==true')).toEqual([]);
  // source connections carry no properties: the flow filter finds none of them
  expect(await list(api, '/sourceConnections?property=inheritedAttributes.properties.isSourceFlow==true')).toEqual([]);

  expect(ids(await list(api, `/flows?property=inheritedAttributes.targetConnections[].connectionSpec.id==${DATA_LAKE}`))).toEqual(flows);
  // the targets' spec is not the sources' spec, so the same filter with the source spec finds nothing
  expect(await list(api, `/flows?property=inheritedAttributes.targetConnections[].connectionSpec.id==${AZURE_FILE_STORAGE}`)).toEqual([]);
  expect(ids(await list(api, `/flows?property=inheritedAttributes.sourceConnections[].id==${secondSource.id}`))).toEqual([second.id]);
  expect(ids(await list(api, `/flows?property=inheritedAttributes.sourceConnections[].baseConnection.id==${first.base.id}`))).toEqual([first.flow.id]);
  // sort-and-filter: a comma lists several values, any of which may match
  expect(ids(await list(api, `/flows?property=inheritedAttributes.sourceConnections[].id==${first.source.id},${secondSource.id}`))).toEqual(flows);
  const counted = await api.get(`/flows?property=inheritedAttributes.sourceConnections[].id==${secondSource.id}&count=true`);
  expect(counted.body).toEqual({ count: 1 });

  expect(ids(await list(api, `/sourceConnections?property=inheritedAttributes.baseConnection.id==${first.base.id}`))).toEqual([first.source.id]);
  expect(ids(await list(api, `/sourceConnections?property=inheritedAttributes.baseConnection.connectionSpec.id==${AZURE_FILE_STORAGE}`))).toEqual(
    [first.source.id, secondSource.id].sort(),
  );
});

for (const kind of KINDS) {
  test(`a ${NOUN[kind]} shows lastOperation draft_create, then update after a PATCH, then publish (${DRAFT_LAST_OPERATION.clause}; update-dataflows.md "operation": "update"; DECISIONS #27)`, async () => {
    const api = new InProcessClient();
    const created = kind === 'connections' ? await createBase(api) : kind === 'targetConnections' ? await createTarget(api) : undefined;
    let id: string;
    let etag: string;
    let parents: { kind: typeof kind; id: string }[] = [];
    if (created) ({ id, etag } = created);
    else if (kind === 'sourceConnections') {
      const base = await createBase(api);
      ({ id, etag } = await createSource(api, base.id));
      parents = [{ kind: 'connections', id: base.id }];
    } else {
      const c = await chain(api);
      ({ id, etag } = c.flow);
      parents = [{ kind: 'connections', id: c.base.id }, { kind: 'sourceConnections', id: c.source.id }, { kind: 'targetConnections', id: c.target.id }];
    }
    const drafted = await read(api, kind, id);
    expect(Object.keys(drafted.lastOperation).sort()).toEqual(Object.keys(DRAFT_LAST_OPERATION.documented).sort());
    expect(drafted.lastOperation).toMatchObject({ updated: 0, operation: 'draft_create' });
    expect(drafted.lastOperation.started).toBeGreaterThanOrEqual(drafted.createdAt);

    const patched = await api.patch(`/${kind}/${id}`, { op: 'replace', path: '/description', value: 'updated' }, etag);
    expect(patched.status, patched.text).toBe(200);
    const updated = await read(api, kind, id);
    expect(updated.lastOperation).toMatchObject({ updated: 1, operation: 'update' });

    for (const parent of parents) await published(api, parent.kind, parent.id);
    await published(api, kind, id);
    const live = await read(api, kind, id);
    expect(live.state).toBe('enabled');
    expect(live.lastOperation.operation).toBe('publish');
    expect(live.etag).not.toBe(updated.etag);
  });
}

test('an entity created without mode shows lastOperation "create" (update-dataflows.md flow GET: "operation": "create")', async () => {
  const api = new InProcessClient();
  const base = await createBase(api, false);
  expect((await read(api, 'connections', base.id)).lastOperation).toMatchObject({ updated: 0, operation: 'create' });
});

test('sandboxId is an id, not the sandbox name, and providerRefId is set where the OAS shows it (OAS ConnectionItemDTO.sandboxId, SourceConnectionItemDTO.providerRefId; DECISIONS #28)', async () => {
  const api = new InProcessClient();
  const { base, source, target, flow } = await chain(api);
  const prod = await read(api, 'connections', base.id);
  expect(prod.sandboxName).toBe('prod');
  expect(prod.sandboxId).toMatch(UUID);
  expect(prod).not.toHaveProperty('providerRefId');
  const other = await api.post('/connections?mode=draft', baseConnectionBody(), { sandbox: 'dev' });
  expect(other.status, other.text).toBe(201);
  const dev = await read(api, 'connections', other.body.id, 'dev');
  expect(dev.sandboxName).toBe('dev');
  expect(dev.sandboxId).toMatch(UUID);
  expect(dev.sandboxId).not.toBe(prod.sandboxId);
  const refs = new Set<string>();
  for (const [kind, id] of [['sourceConnections', source.id], ['targetConnections', target.id], ['flows', flow.id]] as const) {
    const item = await read(api, kind, id);
    expect(item.sandboxId).toBe(prod.sandboxId);
    expect(item.providerRefId).toMatch(UUID);
    refs.add(item.providerRefId);
  }
  expect(refs.size).toBe(3);
  // server-owned: a PATCH may not change it, as with every other server field
  const refused = await api.patch(`/sourceConnections/${source.id}`, [{ op: 'replace', path: '/providerRefId', value: 'mine' }], source.etag);
  expect(refused.status).toBe(400);
});

test.describe('PATCH body forms (OAS PATCH /connections/{id}: a single PatchInstruction; filter.md: a single object for a source connection; update.md: an array; DECISIONS #1)', () => {
  for (const kind of KINDS) {
    for (const form of ['single object', 'array'] as const) {
      test(`${form === 'array' ? 'an array' : 'a single object'} renames a draft ${NOUN[kind]}`, async () => {
        const api = new InProcessClient();
        const created = kind === 'flows' ? (await chain(api)).flow : kind === 'sourceConnections' ? await createSource(api, (await createBase(api)).id) : kind === 'connections' ? await createBase(api) : await createTarget(api);
        const instruction = { op: 'replace', path: '/name', value: `renamed by a ${form}` };
        const answer = await api.patch(`/${kind}/${created.id}`, form === 'array' ? [instruction] : instruction, created.etag);
        expect(answer.status, answer.text).toBe(200);
        expect(answer.body.etag).not.toBe(created.etag);
        expect((await read(api, kind, created.id)).name).toBe(`renamed by a ${form}`);
      });
    }
  }

  const refusals: [string, Record<string, unknown>][] = [
    ['an unsupported op (E 1434-400: "Unsupported operation \'move\'")', { op: 'move', from: '/name', path: '/description' }],
    ['no path', { op: 'replace', value: 'no path' }],
    ['no op', { path: '/name', value: 'no op' }],
    ['a server-owned field', { op: 'replace', path: '/state', value: 'enabled' }],
  ];
  for (const [label, instruction] of refusals) {
    test(`a single object with ${label} is refused as the same array is, and changes nothing`, async () => {
      const api = new InProcessClient();
      const base = await createBase(api);
      const single = await api.patch(`/connections/${base.id}`, instruction, base.etag);
      const array = await api.patch(`/connections/${base.id}`, [instruction], base.etag);
      expect(array.status, array.text).toBe(400);
      expect(single.status, single.text).toBe(array.status);
      expect(single.body.type).toBe(array.body.type);
      const item = await read(api, 'connections', base.id);
      expect(item.etag).toBe(base.etag);
      expect(item.name).toBe(baseConnectionBody().name);
    });
  }

  test('a body that is neither an instruction nor an array is refused (API-011)', async () => {
    const api = new InProcessClient();
    const base = await createBase(api);
    for (const body of ['replace', 42, null]) {
      const answer = await api.patch(`/connections/${base.id}`, body, base.etag);
      expect(answer.status, `${JSON.stringify(body)}: ${answer.text}`).toBe(400);
    }
  });
});
