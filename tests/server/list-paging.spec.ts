// Paging and counting: limit gives pages joined by _links.next.href (`/connections?continuationToken=…`, the token
// carrying the filters, orderby and limit), which followed to the end yields every item once; count=true answers only {count}; bad paging parameters answer 400.
import { expect, test } from '@playwright/test';
import { encodeCursor } from '../../server/list-query.ts';
import { baseConnectionBody } from '../support/bodies.ts';
import { create } from '../support/drafts.ts';
import { InProcessClient } from '../support/in-process.ts';

const NAMES = ['kilo', 'alpha', 'juliet', 'echo', 'bravo', 'india', 'delta', 'golf', 'charlie', 'hotel', 'foxtrot'];

async function seed(): Promise<InProcessClient> {
  const api = new InProcessClient();
  for (const [i, name] of NAMES.entries()) await create(api, 'connections', { ...baseConnectionBody(), name }, i % 2 === 0);
  return api;
}

/** Follows _links.next.href from `first` to the end; answers the pages' names. */
async function walk(api: InProcessClient, first: string, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let href: string | undefined = first;
  while (href !== undefined) {
    expect(pages.length, 'more pages than items: the links loop').toBeLessThanOrEqual(NAMES.length);
    const answer = await api.get(href);
    expect(answer.status, `GET ${href}: ${answer.text}`).toBe(200);
    const items = answer.body.items as { name: string }[];
    expect(items.length).toBeLessThanOrEqual(limit);
    pages.push(items.map((item) => item.name));
    href = answer.body._links?.next?.href;
    if (href !== undefined) {
      expect(href, 'the next link is the documented /connections?continuationToken=… alone').toMatch(/^\/connections\?continuationToken=[A-Za-z0-9_-]+$/);
    }
  }
  return pages;
}

const walks: [string, { given: string; want: string[]; ordered: boolean }][] = [
  ['creation order', { given: '', want: NAMES, ordered: true }],
  ['orderby=name', { given: 'orderby=name', want: [...NAMES].sort(), ordered: true }],
  ['orderby=-name', { given: 'orderby=-name', want: [...NAMES].sort().reverse(), ordered: true }],
  ['a state filter', { given: 'property=state==draft', want: NAMES.filter((_, i) => i % 2 === 0), ordered: true }],
  ['a filter and orderby', { given: 'property=state==enabled&orderby=name', want: NAMES.filter((_, i) => i % 2 === 1).sort(), ordered: true }],
];
for (const [name, { given, want }] of walks) {
  for (const limit of [1, 2, 3, 5, 11, 50]) {
    test(`limit=${limit} over ${name}: following next links yields every item once, in order`, { tag: '@LIST-002' }, async () => {
      const api = await seed();
      const pages = await walk(api, `/connections?${given ? `${given}&` : ''}limit=${limit}`, limit);
      const all = pages.flat();
      expect(new Set(all).size, `no item twice: ${all.join(',')}`).toBe(all.length);
      expect(all).toEqual(want);
      expect(pages).toHaveLength(Math.max(1, Math.ceil(want.length / limit)));
      for (const page of pages.slice(0, -1)) expect(page).toHaveLength(limit);
    });
  }
}

test('a page boundary survives the deletion of the item it stopped at', { tag: '@LIST-002' }, async () => {
  const api = await seed();
  const first = await api.get('/connections?limit=3');
  const last = first.body.items[2];
  expect((await api.delete(`/connections/${last.id}`)).status).toBe(204);
  const pages = await walk(api, first.body._links.next.href, 3);
  expect(pages.flat()).toEqual(NAMES.slice(3));
});

test('an entity created while paging shows on a later page, never twice', { tag: '@LIST-002' }, async () => {
  const api = await seed();
  const first = await api.get('/connections?limit=4');
  await create(api, 'connections', { ...baseConnectionBody(), name: 'lima' });
  const rest = (await walk(api, first.body._links.next.href, 4)).flat();
  expect([...first.body.items.map((i: { name: string }) => i.name), ...rest]).toEqual([...NAMES, 'lima']);
});

const counts: [string, { given: string; want: number }][] = [
  ['everything', { given: 'count=true', want: NAMES.length }],
  ['drafts', { given: 'property=state==draft&count=true', want: 6 }],
  ['a name', { given: 'property=name==echo&count=true', want: 1 }],
  ['nothing', { given: 'property=name==zulu&count=true', want: 0 }],
];
for (const [name, { given, want }] of counts) {
  test(`count=true answers only the count of ${name}`, async () => {
    const api = await seed();
    const answer = await api.get(`/connections?${given}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ count: want });
  });
}

test('count=false lists the items as without it', async () => {
  const api = await seed();
  const answer = await api.get('/connections?count=false');
  expect(answer.body.items).toHaveLength(NAMES.length);
  expect(answer.body).not.toHaveProperty('count');
});

const badPaging: [string, { given: string }][] = [
  ['limit together with count=true', { given: 'limit=2&count=true' }],
  ['count=true together with limit', { given: 'count=true&limit=2' }],
  ['limit=0', { given: 'limit=0' }],
  ['a negative limit', { given: 'limit=-1' }],
  ['a fractional limit', { given: 'limit=1.5' }],
  ['a limit that is not a number', { given: 'limit=ten' }],
  ['an empty limit', { given: 'limit=' }],
  ['a limit above the maximum', { given: 'limit=1001' }],
  ['a continuation token that is not base64 JSON', { given: 'continuationToken=not-a-token!' }],
  ['an empty continuation token', { given: 'continuationToken=' }],
  ['a token holding an empty object', { given: `continuationToken=${Buffer.from('{}').toString('base64url')}` }],
  ['a token holding a negative offset', { given: `continuationToken=${Buffer.from('{"offset":-1}').toString('base64url')}` }],
];
for (const [name, { given }] of badPaging) {
  test(`a list with ${name} answers 400`, async () => {
    const api = await seed();
    const answer = await api.get(`/connections?${given}`);
    expect(answer.status, `GET /connections?${given}: ${answer.text}`).toBe(400);
  });
}

test('the largest limit is accepted and a short list answers "_links": {}, no next link', async () => {
  const api = await seed();
  const answer = await api.get('/connections?limit=1000');
  expect(answer.status).toBe(200);
  expect(answer.body.items).toHaveLength(NAMES.length);
  expect(answer.body._links).toEqual({});
});

test('a count answer is {count} alone, no _links: it is no page (sort-and-filter: {"count": 95})', async () => {
  const api = await seed();
  expect((await api.get('/connections?count=True')).body).toEqual({ count: NAMES.length });
});

test('a token whose carried query is malformed answers 400', async () => {
  const api = await seed();
  for (const q of ['{"afterSeq":0,"q":{"properties":"state==draft"}}', '{"afterSeq":0,"q":{"properties":[],"limit":0}}', '{"offset":0,"q":{"properties":[],"orderby":5}}']) {
    const answer = await api.get(`/connections?continuationToken=${Buffer.from(q).toString('base64url')}`);
    expect(answer.status, `${q}: ${answer.text}`).toBe(400);
  }
});

test('a token the server made is accepted as the continuation of a list', async () => {
  const api = await seed();
  const answer = await api.get(`/connections?limit=2&continuationToken=${encodeCursor({ afterSeq: 0 })}`);
  expect(answer.status).toBe(200);
  expect(answer.body.items.map((i: { name: string }) => i.name)).toEqual(NAMES.slice(0, 2));
});
