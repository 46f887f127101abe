// If-Match on PATCH: required, compared with the current etag quoted or not, and a stale or missing one changes
// nothing at all.
import { expect, test } from '@playwright/test';
import { createBase, read, rename } from '../support/drafts.ts';
import { InProcessClient } from '../support/in-process.ts';

test('a PATCH without If-Match answers 400 and changes nothing', { tag: '@ETAG-002' }, async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  const before = await read(api, 'connections', base.id);
  const answer = await rename(api, 'connections', base.id, 'unconditional', undefined);
  expect(answer.status).toBe(400);
  expect(await read(api, 'connections', base.id)).toEqual(before);
});

test('a PATCH with a stale If-Match answers 412 and leaves value and etag as they were', { tag: '@ETAG-001' }, async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  const first = await rename(api, 'connections', base.id, 'first', base.etag);
  expect(first.status).toBe(200);
  const before = await read(api, 'connections', base.id);

  const stale = await rename(api, 'connections', base.id, 'stale', base.etag);
  expect(stale.status).toBe(412);
  const after = await read(api, 'connections', base.id);
  expect(after.name).toBe('first');
  expect(after.etag).toBe(first.body.etag);
  expect(after).toEqual(before);
});

const staleValues: [string, { given: string }][] = [
  ['an etag the entity never had', { given: '"00000000-0000-0200-0000-000000000000"' }],
  ['an empty value', { given: '' }],
  ['a weak tag', { given: 'W/"00000000-0000-0200-0000-000000000000"' }],
  ['a list of etags none of which is current', { given: '"a", "b"' }],
];
for (const [name, { given }] of staleValues) {
  test(`a PATCH whose If-Match is ${name} answers 412`, { tag: '@ETAG-001' }, async () => {
    const api = new InProcessClient();
    const base = await createBase(api);
    const answer = await rename(api, 'connections', base.id, 'x', given);
    expect(answer.status).toBe(412);
    expect((await read(api, 'connections', base.id)).etag).toBe(base.etag);
  });
}

const spellings: [string, { given: (etag: string) => string }][] = [
  ['quoted, as the etag is served', { given: (etag) => etag }],
  ['unquoted, as update.md sends it', { given: (etag) => etag.replace(/^"(.*)"$/, '$1') }],
  ['with surrounding whitespace', { given: (etag) => ` ${etag} ` }],
];
for (const [name, { given }] of spellings) {
  test(`If-Match ${name} matches the current etag`, { tag: '@UPD-001' }, async () => {
    const api = new InProcessClient();
    const base = await createBase(api);
    const answer = await rename(api, 'connections', base.id, 'matched', given(base.etag));
    expect(answer.status, answer.text).toBe(200);
    expect((await read(api, 'connections', base.id)).name).toBe('matched');
  });
}

test('a PATCH of an id that does not exist answers 404, with or without If-Match', async () => {
  const api = new InProcessClient();
  expect((await rename(api, 'connections', crypto.randomUUID(), 'x', '"x"')).status).toBe(404);
  expect((await rename(api, 'connections', crypto.randomUUID(), 'x', undefined)).status).toBe(404);
});

test('each etag can be used for one write only: replaying the winning If-Match answers 412', { tag: ['@ETAG-001', '@ETAG-003'] }, async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  expect((await rename(api, 'connections', base.id, 'one', base.etag)).status).toBe(200);
  expect((await rename(api, 'connections', base.id, 'two', base.etag)).status).toBe(412);
  expect((await read(api, 'connections', base.id)).name).toBe('one');
});
