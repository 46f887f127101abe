// The gateway's header checks: a bearer token, an API key and an org id, answered as the troubleshooting guide
// documents them (403 missing token, 401 bad token, 403 missing or bad key, 400 missing org) and before anything is
// read or written.
import { expect, test } from '@playwright/test';
import { DEFAULT_CREDENTIALS } from '../../server/app.ts';
import { baseConnectionBody } from '../support/bodies.ts';
import { createBase, read } from '../support/drafts.ts';
import { InProcessClient } from '../support/in-process.ts';

interface CredentialCase {
  given: Record<string, string | undefined>;
  want: { status: number; requirement: string };
}

const cases: [string, CredentialCase][] = [
  ['no Authorization', { given: { authorization: undefined }, want: { status: 403, requirement: 'API-001' } }],
  ['an empty Authorization', { given: { authorization: '' }, want: { status: 403, requirement: 'API-001' } }],
  ['a wrong token', { given: { authorization: 'Bearer not-the-token' }, want: { status: 401, requirement: 'API-001' } }],
  ['the token without the Bearer scheme', { given: { authorization: DEFAULT_CREDENTIALS.accessToken }, want: { status: 401, requirement: 'API-001' } }],
  ['a Basic scheme', { given: { authorization: `Basic ${DEFAULT_CREDENTIALS.accessToken}` }, want: { status: 401, requirement: 'API-001' } }],
  ['no x-api-key', { given: { 'x-api-key': undefined }, want: { status: 403, requirement: 'API-002' } }],
  ['a wrong x-api-key', { given: { 'x-api-key': 'someone-else' }, want: { status: 403, requirement: 'API-002' } }],
  ['no x-gw-ims-org-id', { given: { 'x-gw-ims-org-id': undefined }, want: { status: 400, requirement: 'API-003' } }],
  ['an empty x-gw-ims-org-id', { given: { 'x-gw-ims-org-id': '' }, want: { status: 400, requirement: 'API-003' } }],
  ['another org', { given: { 'x-gw-ims-org-id': 'OTHER@AdobeOrg' }, want: { status: 403, requirement: 'API-003' } }],
];

for (const [name, { given, want }] of cases) {
  test(`a create with ${name} answers ${want.status} and creates nothing`, { tag: `@${want.requirement}` }, async () => {
    const api = new InProcessClient();
    const answer = await api.post('/connections?mode=draft', baseConnectionBody(), { headers: given });
    expect(answer.status).toBe(want.status);
    expect(answer.body, 'a gateway error body').toHaveProperty('error_code', expect.stringMatching(new RegExp(`^${want.status}`)));
    expect(api.service.store.size).toBe(0);
  });

  test(`a read, a PATCH and a DELETE with ${name} answer ${want.status} and change nothing`, { tag: `@${want.requirement}` }, async () => {
    const api = new InProcessClient();
    const base = await createBase(api);
    const before = await read(api, 'connections', base.id);
    const answers = [
      await api.get(`/connections/${base.id}`, { headers: given }),
      await api.get('/connections', { headers: given }),
      await api.patch(`/connections/${base.id}`, [{ op: 'replace', path: '/name', value: 'x' }], base.etag, { headers: given }),
      await api.post(`/connections/${base.id}/action?op=publish`, undefined, { headers: given }),
      await api.delete(`/connections/${base.id}`, { headers: given }),
    ];
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => want.status));
    expect(await read(api, 'connections', base.id)).toEqual(before);
  });
}

test('credentials are checked before the path: an unknown path without a token answers 403, not 404', { tag: '@API-001' }, async () => {
  const api = new InProcessClient();
  expect((await api.get('/nothing', { headers: { authorization: undefined } })).status).toBe(403);
});

test('the bearer scheme is matched without regard to case', async () => {
  const api = new InProcessClient();
  const answer = await api.get('/connections', { headers: { authorization: `bearer ${DEFAULT_CREDENTIALS.accessToken}` } });
  expect(answer.status).toBe(200);
});

test('a server made with other credentials refuses the defaults and accepts its own', async () => {
  const credentials = { accessToken: 'tok-2', apiKey: 'key-2', orgId: 'ORG2@AdobeOrg' };
  const api = new InProcessClient({ credentials });
  expect((await api.get('/connections')).status).toBe(401);
  const own = { authorization: 'Bearer tok-2', 'x-api-key': 'key-2', 'x-gw-ims-org-id': 'ORG2@AdobeOrg' };
  expect((await api.get('/connections', { headers: own })).status).toBe(200);
});
