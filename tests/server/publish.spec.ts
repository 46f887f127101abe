// The publish action itself: which op values it understands, what it does to ids it cannot publish, and that it
// never turns an entity back into a draft or creates another one.
import { expect, test } from '@playwright/test';
import { createBase, entityOf, KINDS, NOUN, publish, read } from '../support/drafts.ts';
import { InProcessClient } from '../support/in-process.ts';

const opSpellings: [string, { given: string }][] = [
  ['lower case, as in the tutorial', { given: 'publish' }],
  ['upper case, as in the reference', { given: 'PUBLISH' }],
  ['mixed case', { given: 'Publish' }],
];
for (const [name, { given }] of opSpellings) {
  test(`op=${given} (${name}) publishes a draft`, { tag: '@PUB-012' }, async () => {
    const api = new InProcessClient();
    const base = await createBase(api);
    const answer = await publish(api, 'connections', base.id, given);
    expect(answer.status).toBe(200);
    expect((await read(api, 'connections', base.id)).state).toBe('enabled');
  });
}

const unknownOps: [string, { given: string }][] = [
  ['an op the server does not know', { given: 'enable' }],
  ['an empty op', { given: '' }],
  ['a misspelt op', { given: 'publsh' }],
];
for (const [name, { given }] of unknownOps) {
  test(`${name} is refused and leaves the draft as it was`, { tag: '@PUB-008' }, async () => {
    const api = new InProcessClient();
    const base = await createBase(api);
    const answer = await publish(api, 'connections', base.id, given);
    expect(answer.status).toBe(400);
    const item = await read(api, 'connections', base.id);
    expect(item.state).toBe('draft');
    expect(item.etag).toBe(base.etag);
  });
}

test('an action without op is refused and leaves the draft as it was', { tag: '@PUB-008' }, async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  const answer = await api.post(`/connections/${base.id}/action`);
  expect(answer.status).toBe(400);
  expect((await read(api, 'connections', base.id)).state).toBe('draft');
});

for (const kind of KINDS) {
  test(`publishing a ${NOUN[kind]} id that does not exist answers 404`, { tag: '@PUB-007' }, async () => {
    const api = new InProcessClient();
    const answer = await publish(api, kind, crypto.randomUUID());
    expect(answer.status).toBe(404);
  });

  test(`publishing a ${NOUN[kind]} that is not a draft is refused and changes nothing`, { tag: '@PUB-009' }, async () => {
    const api = new InProcessClient();
    const created = await entityOf(api, kind, false);
    const size = api.service.store.size;
    const answer = await publish(api, kind, created.id);
    expect(answer.status).toBe(400);
    const item = await read(api, kind, created.id);
    expect(item.state).toBe('enabled');
    expect(item.etag).toBe(created.etag);
    expect(api.service.store.size).toBe(size);
  });
}

test('publishing twice leaves the entity enabled and the second answer is a 4xx', { tag: '@PUB-009' }, async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  const first = await publish(api, 'connections', base.id);
  expect(first.status).toBe(200);
  const second = await publish(api, 'connections', base.id);
  expect(second.status).toBe(400);
  const item = await read(api, 'connections', base.id);
  expect(item.state).toBe('enabled');
  expect(item.etag).toBe(first.body.etag);
});

test('the publish answer holds exactly the id and the new quoted etag', { tag: ['@PUB-001', '@ETAG-004'] }, async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  const answer = await publish(api, 'connections', base.id);
  expect(Object.keys(answer.body).sort()).toEqual(['etag', 'id']);
  expect(answer.body.id).toBe(base.id);
  expect(answer.body.etag).toMatch(/^".+"$/);
});
