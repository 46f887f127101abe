// Secrets in a base connection's auth params are stored (publish checks them) but never served back: GET and lists
// show a mask for params the auth spec marks `format: password` or whose name says secret or password.
import { expect, test } from '@playwright/test';
import { AMAZON_S3 } from '../../server/catalog.ts';
import { completeAuth } from '../support/bodies.ts';
import { createBase, published, read } from '../support/drafts.ts';
import { InProcessClient } from '../support/in-process.ts';

test('a password auth param is masked on GET and in lists, other params are shown as sent', async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  for (const item of [await read(api, 'connections', base.id), (await api.get('/connections')).body.items[0]]) {
    expect(item.auth.params.password).not.toBe(completeAuth.password);
    expect(item.auth.params.password).toMatch(/^\*+$/);
    expect(item.auth.params.host).toBe(completeAuth.host);
    expect(item.auth.params.userid).toBe(completeAuth.userid);
    expect(item.auth.specName).toBe('Basic Authentication');
  }
  expect((await api.get('/connections')).text).not.toContain(completeAuth.password);
});

test('the masked secret is still stored: publish finds the auth complete, and the mask stays after publish', async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  await published(api, 'connections', base.id);
  const item = await read(api, 'connections', base.id);
  expect(item.state).toBe('enabled');
  expect(item.auth.params.password).toMatch(/^\*+$/);
});

test('a secret marked format: password in another spec (Amazon S3) is masked too', async () => {
  const api = new InProcessClient();
  const answer = await api.post('/connections', {
    name: 's3', connectionSpec: { id: AMAZON_S3, version: '1.0' }, auth: { specName: 'Access Key', params: { s3AccessKey: 'AKIA-visible', s3SecretKey: 'hidden-value' } },
  });
  expect(answer.status, answer.text).toBe(201);
  const item = await read(api, 'connections', answer.body.id);
  expect(item.auth.params.s3AccessKey).toBe('AKIA-visible');
  expect(item.auth.params.s3SecretKey).toMatch(/^\*+$/);
});

test('an extra param whose name says secret is masked even though the spec does not declare it', async () => {
  const api = new InProcessClient();
  const base = await createBase(api, true, { ...completeAuth, clientSecret: 'also-hidden' });
  const item = await read(api, 'connections', base.id);
  expect(item.auth.params.clientSecret).toMatch(/^\*+$/);
});

test('a PATCH of the password stores the new value but still serves the mask', async () => {
  const api = new InProcessClient();
  const base = await createBase(api, true, { host: completeAuth.host, userid: completeAuth.userid });
  const patched = await api.patch(`/connections/${base.id}`, [{ op: 'add', path: '/auth/params/password', value: 'fresh-secret' }], base.etag);
  expect(patched.status).toBe(200);
  const got = await api.get(`/connections/${base.id}`);
  expect(got.text).not.toContain('fresh-secret');
  expect(got.body.items[0].auth.params.password).toMatch(/^\*+$/);
});

// Filters and orderby would read the stored, unmasked auth params, so a client could test guesses for a secret (==)
// or find it character by character (> and <), though GET masks it: such lists are refused.
test('list filters and orderby cannot reveal a masked secret', async () => {
  const api = new InProcessClient();
  await createBase(api);
  const guess = await api.get(`/connections?property=auth.params.password==${completeAuth.password}`);
  const wrong = await api.get('/connections?property=auth.params.password==wrong-guess');
  expect(guess.status === 400 || guess.body.items.length === wrong.body.items.length).toBe(true);
  const above = await api.get('/connections?property=auth.params.password>n');
  const below = await api.get('/connections?property=auth.params.password>o');
  expect(above.status === 400 || above.body.items.length === below.body.items.length).toBe(true);
});
