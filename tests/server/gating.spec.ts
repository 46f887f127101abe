// Draft mode only where the spec allows it: mode=draft naming a connection spec or flow spec whose
// attributes.isDraftModeSupported is not true is refused and creates nothing; the same body without mode is fine.
import { expect, test } from '@playwright/test';
import { AMAZON_S3, CRM_TO_AEP, DATA_LAKE, GOOGLE_CLOUD_STORAGE } from '../../server/catalog.ts';
import { chain, countOf, createBase, type Kind } from '../support/drafts.ts';
import { InProcessClient } from '../support/in-process.ts';

const s3 = { id: AMAZON_S3, version: '1.0' };
const gcs = { id: GOOGLE_CLOUD_STORAGE, version: '1.0' };

interface Case {
  /** The create, built against a client whose entities it may name (published ones, so only the gate can refuse). */
  given: { kind: Kind; body: (api: InProcessClient) => Promise<Record<string, unknown>> };
  want: { requirement: 'GATE-001' | 'GATE-002'; flag: unknown };
}

const cases: [string, Case][] = [
  ['a base connection on Amazon S3 (flag false)', {
    given: { kind: 'connections', body: async () => ({ name: 's3', connectionSpec: s3, auth: { specName: 'Access Key', params: { s3AccessKey: 'k', s3SecretKey: 's' } } }) },
    want: { requirement: 'GATE-001', flag: false },
  }],
  ['a base connection on Google Cloud Storage (flag absent)', {
    given: { kind: 'connections', body: async () => ({ name: 'gcs', connectionSpec: gcs, auth: { params: { accessKeyId: 'k', secretAccessKey: 's' } } }) },
    want: { requirement: 'GATE-001', flag: undefined },
  }],
  ['a source connection on Amazon S3', {
    given: { kind: 'sourceConnections', body: async (api) => ({ name: 's3 source', connectionSpec: s3, baseConnectionId: (await createBase(api, false)).id }) },
    want: { requirement: 'GATE-001', flag: false },
  }],
  ['a target connection on Google Cloud Storage', {
    given: { kind: 'targetConnections', body: async () => ({ name: 'gcs target', connectionSpec: gcs, params: { dataSetId: 'x' } }) },
    want: { requirement: 'GATE-001', flag: undefined },
  }],
  ['a flow on CRMToAEP (flag false)', {
    given: {
      kind: 'flows',
      body: async (api) => {
        const { source, target } = await chain(api, false);
        return { name: 'crm', flowSpec: { id: CRM_TO_AEP, version: '1.0' }, sourceConnectionIds: [source.id], targetConnectionIds: [target.id] };
      },
    },
    want: { requirement: 'GATE-002', flag: false },
  }],
];

for (const [name, { given, want }] of cases) {
  test(`mode=draft for ${name} is refused and creates nothing`, { tag: `@${want.requirement}` }, async () => {
    const api = new InProcessClient();
    const body = await given.body(api);
    const specPath = given.kind === 'flows' ? `/flowSpecs?property=id==${CRM_TO_AEP}` : `/connectionSpecs/${(body.connectionSpec as { id: string }).id}`;
    const spec = await api.get(specPath);
    expect(spec.body.items[0].attributes.isDraftModeSupported, 'the spec does not support drafts').toBe(want.flag);

    const countBefore = await countOf(api, given.kind);
    const sizeBefore = api.service.store.size;
    const answer = await api.post(`/${given.kind}?mode=draft`, body);
    expect(answer.status, `POST /${given.kind}?mode=draft: ${answer.text}`).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(await countOf(api, given.kind)).toBe(countBefore);
    expect(api.service.store.size).toBe(sizeBefore);
  });

  test(`without mode, ${name} is created enabled`, async () => {
    const api = new InProcessClient();
    const answer = await api.post(`/${given.kind}`, await given.body(api));
    expect(answer.status, answer.text).toBe(201);
    const got = await api.get(`/${given.kind}/${answer.body.id}`);
    expect(got.body.items[0].state).toBe('enabled');
  });
}

test('mode=draft is accepted for the Data Lake target spec, whose flag is true', { tag: '@DRAFT-003' }, async () => {
  const api = new InProcessClient();
  const answer = await api.post('/targetConnections?mode=draft', { name: 'lake', connectionSpec: { id: DATA_LAKE, version: '1.0' } });
  expect(answer.status).toBe(201);
});
