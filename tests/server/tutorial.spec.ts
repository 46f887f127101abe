// The draft tutorial's own requests, in its order (with its invalid JSON corrected), answered as the docs show.
import { expect, test } from '@playwright/test';
import { AZURE_FILE_STORAGE, CLOUD_STORAGE_TO_AEP } from '../../server/catalog.ts';
import { baseConnectionBody, flowBody, sourceConnectionBody, targetConnectionBody } from '../support/bodies.ts';
import { InProcessClient } from '../support/in-process.ts';

const quotedEtag = /^".+"$/;

test('the draft tutorial runs end to end: check support, draft all four, publish in order', async () => {
  const api = new InProcessClient();

  const spec = await api.get(`/connectionSpecs/${AZURE_FILE_STORAGE}`);
  expect(spec.status).toBe(200);
  expect(spec.body.items[0].attributes.isDraftModeSupported).toBe(true);
  const flowSpec = await api.get('/flowSpecs?property=name==%22CloudStorageToAEP%22');
  expect(flowSpec.body.items).toHaveLength(1);
  expect(flowSpec.body.items[0].id).toBe(CLOUD_STORAGE_TO_AEP);
  expect(flowSpec.body.items[0].attributes.isDraftModeSupported).toBe(true);

  // the tutorial sends userId where the authSpec says userid: accepted, names match without regard to case
  const base = await api.post('/connections?mode=draft', baseConnectionBody({ host: '{HOST}', userId: '{USER_ID}', password: '{PASSWORD}' }));
  expect(base.status).toBe(201);
  expect(Object.keys(base.body).sort()).toEqual(['etag', 'id']);
  expect(base.body.etag).toMatch(quotedEtag);
  const source = await api.post('/sourceConnections?mode=draft', sourceConnectionBody(base.body.id));
  expect(source.status).toBe(201);
  const target = await api.post('/targetConnections?mode=draft', targetConnectionBody());
  expect(target.status).toBe(201);
  const flow = await api.post('/flows?mode=draft', flowBody([source.body.id], [target.body.id]));
  expect(flow.status).toBe(201);

  for (const [collection, id] of [['connections', base.body.id], ['sourceConnections', source.body.id], ['targetConnections', target.body.id], ['flows', flow.body.id]]) {
    const got = await api.get(`/${collection}/${id}`);
    expect(got.body.items[0].state, `${collection} is a draft`).toBe('draft');
  }

  for (const [collection, id] of [['connections', base.body.id], ['sourceConnections', source.body.id], ['targetConnections', target.body.id], ['flows', flow.body.id]]) {
    const published = await api.post(`/${collection}/${id}/action?op=publish`);
    expect(published.status, `publish ${collection}`).toBe(200);
    expect(published.body.id).toBe(id);
    const got = await api.get(`/${collection}/${id}`);
    expect(got.body.items[0].state).toBe('enabled');
    expect(got.body.items[0].etag).toBe(published.body.etag);
  }
});
