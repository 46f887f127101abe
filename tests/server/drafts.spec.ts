// Creating drafts: every kind can be created with mode=draft and reads back as a draft; without mode it does not;
// a client can neither write the state itself nor pass a mode the server does not know.
import { expect, test } from '@playwright/test';
import { baseConnectionBody, completeAuth, flowBody, sourceConnectionBody, targetConnectionBody } from '../support/bodies.ts';
import {
  chain, countOf, create, createBase, DRAFT_CREATE_ID, entityOf, KINDS, NOUN, publish, quotedEtag, read, stateOf, type Kind,
} from '../support/drafts.ts';
import { InProcessClient } from '../support/in-process.ts';

/** A valid create body for `kind` whose parents (drafts when `draft`) already exist. */
async function bodyFor(api: InProcessClient, kind: Kind, draft: boolean): Promise<Record<string, unknown>> {
  if (kind === 'connections') return baseConnectionBody();
  if (kind === 'targetConnections') return targetConnectionBody();
  if (kind === 'sourceConnections') return sourceConnectionBody((await createBase(api, draft)).id);
  const { source, target } = await chain(api, draft);
  return flowBody([source.id], [target.id]);
}

for (const kind of KINDS) {
  test(`POST /${kind}?mode=draft answers 201 with an id and a quoted etag`, { tag: [`@${DRAFT_CREATE_ID[kind]}`, '@DRAFT-008', '@ETAG-004'] }, async () => {
    const api = new InProcessClient();
    const body = await bodyFor(api, kind, true);
    const answer = await api.post(`/${kind}?mode=draft`, body);
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.body).sort()).toEqual(['etag', 'id']);
    expect(answer.body.id).toEqual(expect.any(String));
    expect(answer.body.id).not.toBe('');
    expect(answer.body.etag).toMatch(quotedEtag);
    expect(answer.headers.location).toMatch(new RegExp(`/${kind}/${answer.body.id}$`));
  });

  test(`GET of a draft ${NOUN[kind]} shows its id, state draft and the etag the create answered`, { tag: '@DRAFT-005' }, async () => {
    const api = new InProcessClient();
    const created = await entityOf(api, kind, true);
    const item = await read(api, kind, created.id);
    expect(item.id).toBe(created.id);
    expect(item.state).toBe('draft');
    expect(item.etag).toBe(created.etag);
  });

  test(`POST /${kind} without mode creates an enabled ${NOUN[kind]}`, { tag: ['@DRAFT-007', '@PUB-011'] }, async () => {
    const api = new InProcessClient();
    const created = await entityOf(api, kind, false);
    expect(await stateOf(api, kind, created.id)).toBe('enabled');
  });

  test(`a ${NOUN[kind]} create body carrying state is refused and creates nothing`, { tag: '@DRAFT-010' }, async () => {
    const api = new InProcessClient();
    for (const [mode, state] of [['?mode=draft', 'enabled'], ['', 'draft'], ['', 'enabled']] as const) {
      const body = { ...(await bodyFor(api, kind, mode !== '')), state };
      const before = api.service.store.size;
      const answer = await api.post(`/${kind}${mode}`, body);
      expect(answer.status, `POST /${kind}${mode} with state ${state}`).toBe(400);
      expect(api.service.store.size).toBe(before);
    }
  });
}

test('the whole chain can be drafted: children name draft parents', { tag: '@DRAFT-006' }, async () => {
  const api = new InProcessClient();
  const drafts = await chain(api, true);
  for (const [kind, created] of [['connections', drafts.base], ['sourceConnections', drafts.source], ['targetConnections', drafts.target], ['flows', drafts.flow]] as const) {
    expect(await stateOf(api, kind, created.id), kind).toBe('draft');
  }
  const flow = await read(api, 'flows', drafts.flow.id);
  expect(flow.sourceConnectionIds).toEqual([drafts.source.id]);
  expect(flow.targetConnectionIds).toEqual([drafts.target.id]);
});

const unknownModes: [string, { given: string }][] = [
  ['an upper-case mode', { given: 'DRAFT' }],
  ['a mode naming an action', { given: 'publish' }],
  ['an empty mode', { given: '' }],
  ['a mode with trailing space', { given: 'draft%20' }],
];
for (const [name, { given }] of unknownModes) {
  test(`a create with ${name} is refused and creates nothing`, { tag: '@DRAFT-011' }, async () => {
    const api = new InProcessClient();
    const before = api.service.store.size;
    const answer = await api.post(`/connections?mode=${given}`, baseConnectionBody());
    expect(answer.status).toBe(400);
    expect(api.service.store.size).toBe(before);
    expect(await countOf(api, 'connections')).toBe(0);
  });
}

test('a draft base connection missing auth params is accepted and stays a draft', { tag: '@DRAFT-009' }, async () => {
  const api = new InProcessClient();
  const incomplete = await createBase(api, true, { host: completeAuth.host });
  expect(await stateOf(api, 'connections', incomplete.id)).toBe('draft');
  const noAuth = await create(api, 'connections', { ...baseConnectionBody(), auth: undefined });
  expect(await stateOf(api, 'connections', noAuth.id)).toBe('draft');
});

test('publishing a base connection missing auth params is refused and leaves it a draft', { tag: '@PUB-010' }, async () => {
  const api = new InProcessClient();
  const incomplete = await createBase(api, true, { host: completeAuth.host, userid: completeAuth.userid });
  const refused = await publish(api, 'connections', incomplete.id);
  expect(refused.status).toBe(400);
  const item = await read(api, 'connections', incomplete.id);
  expect(item.state).toBe('draft');
  expect(item.etag).toBe(incomplete.etag);

  // completing it by PATCH makes it publishable
  const patched = await api.patch(`/connections/${incomplete.id}`, [{ op: 'add', path: '/auth/params/password', value: 'secret' }], incomplete.etag);
  expect(patched.status).toBe(200);
  expect((await publish(api, 'connections', incomplete.id)).status).toBe(200);
  expect(await stateOf(api, 'connections', incomplete.id)).toBe('enabled');
});

test('a base connection created without mode must carry every required auth param', async () => {
  const api = new InProcessClient();
  const answer = await api.post('/connections', baseConnectionBody({ host: completeAuth.host }));
  expect(answer.status).toBe(400);
  expect(api.service.store.size).toBe(0);
});
