// Etags over an entity's life: every write (create, update, publish) gives a new one, GET always shows the last
// write's, `version` is the same value, and reads never change it.
import { expect, test } from '@playwright/test';
import { entityOf, KINDS, NOUN, publish, quotedEtag, read, rename } from '../support/drafts.ts';
import { InProcessClient } from '../support/in-process.ts';

for (const kind of KINDS) {
  test(`every write to a ${NOUN[kind]} answers a new etag, and GET shows the last one as etag and version`, { tag: ['@UPD-002', '@UPD-003', '@PUB-005', '@PUB-006', '@ETAG-004'] }, async () => {
    const api = new InProcessClient();
    const created = await entityOf(api, kind);
    const seen: string[] = [];
    const check = async (etag: string, step: string) => {
      expect(etag, `${step} answers a quoted etag`).toMatch(quotedEtag);
      expect(seen, `${step} answers an etag no earlier version had`).not.toContain(etag);
      seen.push(etag);
      const item = await read(api, kind, created.id);
      expect(item.etag, `GET after ${step} shows its etag`).toBe(etag);
      expect(item.version, `GET after ${step} shows version equal to etag`).toBe(etag);
    };
    await check(created.etag, 'create');

    let current = created.etag;
    for (const name of ['one', 'two']) {
      const answer = await rename(api, kind, created.id, name, current);
      expect(answer.status).toBe(200);
      await check(answer.body.etag, `PATCH ${name}`);
      current = answer.body.etag;
    }
    // a child publishes only after its parents: publish the drafts of the kinds before it first (KINDS is in dependency order)
    for (const parentKind of KINDS.slice(0, KINDS.indexOf(kind))) {
      const list = await api.get(`/${parentKind}?property=state==draft`);
      for (const item of list.body.items) expect((await publish(api, parentKind, item.id)).status).toBe(200);
    }
    const published = await publish(api, kind, created.id);
    expect(published.status).toBe(200);
    await check(published.body.etag, 'publish');
    const after = await rename(api, kind, created.id, 'three', published.body.etag);
    expect(after.status).toBe(200);
    await check(after.body.etag, 'PATCH after publish');
  });
}

test('repeated GETs and lists with no write between show the same etag', { tag: '@ETAG-005' }, async () => {
  const api = new InProcessClient();
  const created = await entityOf(api, 'flows');
  const etags = new Set<string>();
  for (let i = 0; i < 5; i++) {
    etags.add((await read(api, 'flows', created.id)).etag);
    etags.add((await api.get('/flows')).body.items[0].etag);
  }
  expect([...etags]).toEqual([created.etag]);
});

test('a refused write leaves the etag as it was', { tag: '@UPD-003' }, async () => {
  const api = new InProcessClient();
  const created = await entityOf(api, 'sourceConnections');
  const refused = [
    await publish(api, 'sourceConnections', created.id), // its base is a draft
    await api.patch(`/sourceConnections/${created.id}`, [{ op: 'replace', path: '/name', value: 5 }], created.etag),
    await api.patch(`/sourceConnections/${created.id}`, [{ op: 'move', from: '/name', path: '/title' }], created.etag),
  ];
  expect(refused.map((a) => a.status)).toEqual([400, 400, 400]);
  expect((await read(api, 'sourceConnections', created.id)).etag).toBe(created.etag);
});

test('etags are unique across entities as well as across versions', async () => {
  const api = new InProcessClient();
  const etags = new Set<string>();
  for (const kind of KINDS) for (let i = 0; i < 3; i++) etags.add((await entityOf(api, kind)).etag);
  expect(etags.size).toBe(KINDS.length * 3);
});
