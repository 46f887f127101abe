// Explore and test answer in the documented shapes. Each documented example is data here, with its clause; the server's
// answer must have every documented field with the documented JSON type (field order, ids and values are free).
import { expect, test } from '@playwright/test';
import { DATA_LAKE } from '../../server/catalog.ts';
import { DATA_LANDING_ZONE, MYSQL } from '../../server/catalog-tutorials.ts';
import { baseConnectionBody } from '../support/bodies.ts';
import { InProcessClient } from '../support/in-process.ts';

// EN sources/tutorials/api/explore/cloud-storage.md, "Look up the structure of your cloud storage": a listing item
const DOCUMENTED_LISTING = [
  { type: 'file', name: 'account.csv', path: '/test-connectors/testFolder-fileIngestion/account.csv', canPreview: true, canFetchSchema: true },
];
// explore/cloud-storage.md, "Inspect the structure of a file"
const DOCUMENTED_FILE_STRUCTURE = [{ name: 'Id', type: 'String' }, { name: 'FirstName', type: 'String' }];
// create/cloud-storage/data-landing-zone.md, "Explore your Data Landing Zone's file structure and contents" (GET /connectionSpecs/{id}/explore)
const DOCUMENTED_DLZ_ROOT = [
  { type: 'file', name: 'account.csv', path: 'dlz-user-container/account.csv', canPreview: true, canFetchSchema: true },
  { type: 'folder', name: 'userdata1', path: 'dlz-user-container/userdata1/', canPreview: false, canFetchSchema: false },
];
// data-landing-zone.md, "Preview the structure and contents of a file" (preview=true)
const DOCUMENTED_PREVIEW = {
  format: 'flat',
  schema: { columns: [{ name: 'Id', type: 'string', xdm: { type: 'string' } }] },
  data: [{ Id: '12345', FirstName: 'Richard' }],
};
// explore/crm.md, "Inspect the structure of a table" (objectType=table&object={TABLE_PATH})
const DOCUMENTED_TABLE = { format: 'flat', schema: { columns: [{ name: 'first_name', type: 'string', meta: { originalType: 'String' } }] } };
// OAS GET /connections/{id}/test → TestConnectionResponse
const DOCUMENTED_TEST = { result: true };

/** Every field the documented example has, with the same JSON type, recursively; arrays: each element as the first documented one. */
function expectShape(actual: unknown, documented: unknown, where = 'body'): void {
  if (Array.isArray(documented)) {
    expect(Array.isArray(actual), `${where} is an array`).toBe(true);
    expect((actual as unknown[]).length, `${where} is not empty`).toBeGreaterThan(0);
    for (const [i, item] of (actual as unknown[]).entries()) expectShape(item, documented[0], `${where}[${i}]`);
    return;
  }
  if (documented !== null && typeof documented === 'object') {
    expect(actual !== null && typeof actual === 'object' && !Array.isArray(actual), `${where} is an object`).toBe(true);
    // a data row's columns are the file's own: only the container's shape is documented
    if (/\.data\[\d+\]$/.test(where)) return;
    for (const [key, value] of Object.entries(documented)) {
      expect(actual, `${where} has ${key}`).toHaveProperty([key]);
      expectShape((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
    }
    return;
  }
  expect(typeof actual, `${where} is a ${typeof documented}`).toBe(typeof documented);
}

async function azureConnection(api: InProcessClient): Promise<string> {
  const created = await api.post('/connections', baseConnectionBody());
  expect(created.status).toBe(201);
  return created.body.id;
}

test('a cloud-storage connection explores its root, a folder and a file, as documented', async () => {
  const api = new InProcessClient();
  const id = await azureConnection(api);

  const root = await api.get(`/connections/${id}/explore?objectType=root`);
  expect(root.status).toBe(200);
  expectShape(root.body, DOCUMENTED_LISTING);
  const folder = root.body.find((item: { type: string }) => item.type === 'folder');
  expect(folder, 'the root holds a folder').toBeTruthy();

  const inside = await api.get(`/connections/${id}/explore?objectType=folder&object=${encodeURIComponent(folder.path)}`);
  expect(inside.status).toBe(200);
  expectShape(inside.body, DOCUMENTED_LISTING);
  for (const item of inside.body) expect(item.path.startsWith(folder.path), `${item.path} is inside ${folder.path}`).toBe(true);
  // the folder named with a trailing slash (the DLZ's documented form) is the same folder
  const slashed = await api.get(`/connections/${id}/explore?objectType=folder&object=${encodeURIComponent(folder.path + '/')}`);
  expect(slashed.body).toEqual(inside.body);

  // the tree is deterministic: the same request answers the same listing
  expect((await api.get(`/connections/${id}/explore?objectType=root`)).body).toEqual(root.body);
});

test('a file answers its structure, and with preview=true its structure and rows', async () => {
  const api = new InProcessClient();
  const id = await azureConnection(api);
  const sub = (await api.get(`/connections/${id}/explore?objectType=folder&object=/test-connectors/testFolder-fileIngestion`)).body;
  const csv = sub.find((item: { name: string }) => item.name.endsWith('.csv'));
  const json = sub.find((item: { name: string }) => item.name.endsWith('.json'));
  expect(csv && json, 'the folder holds a CSV and a JSON file').toBeTruthy();

  const structure = await api.get(`/connections/${id}/explore?objectType=file&object=${encodeURIComponent(csv.path)}&fileType=delimited`);
  expect(structure.status).toBe(200);
  expectShape(structure.body, DOCUMENTED_FILE_STRUCTURE);

  const preview = await api.get(`/connections/${id}/explore?objectType=file&object=${encodeURIComponent(csv.path)}&fileType=delimited&preview=true`);
  expect(preview.status).toBe(200);
  expectShape(preview.body, DOCUMENTED_PREVIEW);
  const columns = preview.body.schema.columns.map((c: { name: string }) => c.name);
  for (const row of preview.body.data) expect(Object.keys(row)).toEqual(columns);

  const jsonPreview = await api.get(`/connections/${id}/explore?objectType=file&object=${encodeURIComponent(json.path)}&fileType=json&preview=true`);
  expect(jsonPreview.status).toBe(200);
  expectShape(jsonPreview.body, DOCUMENTED_PREVIEW);
  expect(jsonPreview.body.data).not.toEqual(preview.body.data);
});

test('the Data Landing Zone explores at the connection spec, with determineProperties as documented', async () => {
  const api = new InProcessClient();
  const root = await api.get(`/connectionSpecs/${DATA_LANDING_ZONE}/explore?objectType=root`);
  expect(root.status).toBe(200);
  expectShape(root.body, DOCUMENTED_DLZ_ROOT);
  for (const item of root.body) expect(item.path.startsWith('dlz-user-container/'), item.path).toBe(true);
  const file = root.body.find((item: { type: string }) => item.type === 'file');

  const preview = await api.get(`/connectionSpecs/${DATA_LANDING_ZONE}/explore?objectType=file&object=${file.path}&fileType=delimited&preview=true`);
  expect(preview.status).toBe(200);
  expectShape(preview.body, DOCUMENTED_PREVIEW);
  // data-landing-zone.md: determineProperties=true adds properties {fileType, …}; with file params as well, an error
  const determined = await api.get(`/connectionSpecs/${DATA_LANDING_ZONE}/explore?objectType=file&object=${file.path}&preview=true&determineProperties=true`);
  expect(determined.status).toBe(200);
  expect(determined.body.properties.fileType).toBe('delimited');
  const both = await api.get(`/connectionSpecs/${DATA_LANDING_ZONE}/explore?objectType=file&object=${file.path}&fileType=delimited&preview=true&determineProperties=true`);
  expect(both.status).toBe(400);
  const neither = await api.get(`/connectionSpecs/${DATA_LANDING_ZONE}/explore?objectType=file&object=${file.path}&preview=true`);
  expect(neither.status).toBe(400);
});

test('a database connection explores its tables as documented', async () => {
  const api = new InProcessClient();
  const created = await api.post('/connections', {
    name: 'MySQL Test Connection',
    auth: { specName: 'Connection String Based Authentication', params: { connectionString: 'Server=db;Port=3306;Database=acme;UID=u;PWD=p' } },
    connectionSpec: { id: MYSQL, version: '1.0' },
  });
  expect(created.status).toBe(201);
  const root = await api.get(`/connections/${created.body.id}/explore?objectType=root`);
  expect(root.status).toBe(200);
  expectShape(root.body, DOCUMENTED_LISTING);
  expect(root.body.every((item: { type: string }) => item.type === 'table')).toBe(true);

  const table = await api.get(`/connections/${created.body.id}/explore?objectType=table&object=${root.body[0].path}`);
  expect(table.status).toBe(200);
  expectShape(table.body, DOCUMENTED_TABLE);
  expect(table.body.data, 'no rows without preview=true').toBeUndefined();
  const preview = await api.get(`/connections/${created.body.id}/explore?objectType=table&object=${root.body[0].path}&preview=true`);
  expect(preview.body.data.length).toBeGreaterThan(0);
  // OAS enum values are upper case, the docs lower: both name the same object type
  expect((await api.get(`/connections/${created.body.id}/explore?objectType=ROOT`)).body).toEqual(root.body);
});

test('explore refuses what it cannot answer: unknown objectType 400, a missing connection 404, a missing path 404', async () => {
  const api = new InProcessClient();
  const id = await azureConnection(api);
  const control = await api.get(`/connections/${id}/explore?objectType=root`);
  expect(control.status, 'control: the same connection explores').toBe(200);

  expect((await api.get(`/connections/${id}/explore?objectType=bogus`)).status).toBe(400);
  expect((await api.get(`/connections/${id}/explore?objectType=table&object=public.customers`)).status, 'a table on a file system').toBe(400);
  expect((await api.get(`/connections/${id}/explore?objectType=folder`)).status, 'a folder without object').toBe(400);
  expect((await api.get(`/connections/${id}/explore?objectType=folder&object=/no/such/folder`)).status).toBe(404);
  const csv = '/test-connectors/testFolder-fileIngestion/account.csv';
  expect((await api.get(`/connections/${id}/explore?objectType=file&object=${csv}&fileType=xml&preview=true`)).status, 'unknown fileType').toBe(400);

  // a missing connection answers 404 with the same error code as GET /connections/{id} of that id
  const missing = '00000000-0000-0000-0000-000000000000';
  const explored = await api.get(`/connections/${missing}/explore?objectType=root`);
  const read = await api.get(`/connections/${missing}`);
  expect(explored.status).toBe(404);
  expect(read.status).toBe(404);
  expect(explored.body.type).toBe(read.body.type);
  expect((await api.get(`/connections/${missing}/test`)).status).toBe(404);
  expect((await api.get(`/connectionSpecs/${missing}/explore?objectType=root`)).status).toBe(404);
  // the Data Lake target has no exploreSpec
  expect((await api.get(`/connectionSpecs/${DATA_LAKE}/explore?objectType=root`)).status).toBe(400);
  // explore is read-only
  expect((await api.post(`/connections/${id}/explore?objectType=root`, {})).status).toBe(405);
});

test('the connection test answers {result} as the OAS shows: true when the auth meets the authSpec, false for an incomplete draft', async () => {
  const api = new InProcessClient();
  const id = await azureConnection(api);
  const tested = await api.get(`/connections/${id}/test`);
  expect(tested.status).toBe(200);
  expectShape(tested.body, DOCUMENTED_TEST);
  expect(tested.body.result).toBe(true);

  const draft = await api.post('/connections?mode=draft', baseConnectionBody({ host: 'acme.file.core.windows.net' }));
  expect(draft.status).toBe(201);
  const incomplete = await api.get(`/connections/${draft.body.id}/test`);
  expect(incomplete.status).toBe(200);
  expect(incomplete.body.result).toBe(false);
});
