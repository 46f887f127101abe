// DELETE: a draft goes away for good (204, then 404 for GET and for a second DELETE); an entity another one still
// names cannot be deleted until that one is gone.
import { expect, test } from '@playwright/test';
import { chain, countOf, entityOf, KINDS, NOUN, read } from '../support/drafts.ts';
import { InProcessClient } from '../support/in-process.ts';

for (const kind of KINDS) {
  test(`DELETE of a draft ${NOUN[kind]} answers 204, then GET and a second DELETE answer 404`, { tag: '@DEL-001' }, async () => {
    const api = new InProcessClient();
    const created = await entityOf(api, kind);
    const size = api.service.store.size;
    const count = await countOf(api, kind);
    const answer = await api.delete(`/${kind}/${created.id}`);
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    expect((await api.get(`/${kind}/${created.id}`)).status).toBe(404);
    expect((await api.delete(`/${kind}/${created.id}`)).status).toBe(404);
    expect(await countOf(api, kind)).toBe(count - 1);
    expect(api.service.store.size).toBe(size - 1);
  });

  test(`DELETE of a ${NOUN[kind]} id that does not exist answers 404`, { tag: '@DEL-001' }, async () => {
    const api = new InProcessClient();
    expect((await api.delete(`/${kind}/${crypto.randomUUID()}`)).status).toBe(404);
  });
}

test('a base connection that a flow uses through its source connection cannot be deleted', { tag: '@DEL-002' }, async () => {
  const api = new InProcessClient();
  const { base } = await chain(api, false);
  const before = await read(api, 'connections', base.id);
  const answer = await api.delete(`/connections/${base.id}`);
  expect(answer.status, answer.text).toBe(400);
  expect(await read(api, 'connections', base.id)).toEqual(before);
});

test('source and target connections that a flow names cannot be deleted', { tag: '@DEL-002' }, async () => {
  const api = new InProcessClient();
  const { source, target } = await chain(api);
  for (const [kind, id] of [['sourceConnections', source.id], ['targetConnections', target.id]] as const) {
    expect((await api.delete(`/${kind}/${id}`)).status, kind).toBe(400);
    expect((await api.get(`/${kind}/${id}`)).status).toBe(200);
  }
});

test('a chain is deleted children first: flow, then source connection, then base connection', { tag: ['@DEL-001', '@DEL-002'] }, async () => {
  const api = new InProcessClient();
  const { base, source, target, flow } = await chain(api, false);
  for (const [kind, id] of [['flows', flow.id], ['sourceConnections', source.id], ['targetConnections', target.id], ['connections', base.id]] as const) {
    expect((await api.delete(`/${kind}/${id}`)).status, `DELETE /${kind}/${id}`).toBe(204);
  }
  expect(api.service.store.size).toBe(0);
});

test('DELETE of an id under the wrong collection answers 404 and deletes nothing', async () => {
  const api = new InProcessClient();
  const { flow } = await chain(api);
  const size = api.service.store.size;
  expect((await api.delete(`/connections/${flow.id}`)).status).toBe(404);
  expect(api.service.store.size).toBe(size);
});
