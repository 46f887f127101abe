// The client-compatibility suite, lists part: the reference server listed the way real clients list (a Python client
// for Experience Platform, Adobe's Postman collection, curl from the docs), over all four kinds. Each case names the
// doc clause it rests on; the documented examples are quoted here as data (no test reads the docs themselves).
import { expect, test } from '@playwright/test';
import { nextPath } from '../../kit/next-link.ts';
import { BASE_PATH } from '../../server/app.ts';
import { createBase, createFlow, createSource, createTarget, entityOf, KINDS, nextMillisecond, type Kind } from '../support/drafts.ts';
import { InProcessClient } from '../support/in-process.ts';

/** OAS `PageLinksResponse` (flow-service.openapi.yaml, PageLink): the one documented next href. */
const DOCUMENTED_HREF = '/connections?continuationToken=abcdefghijkLMNOPqrstupWXKYZ';
/** help/sources/tutorials/api/monitor.md: a single-page runs list ends with `"_links": {}`. */
const DOCUMENTED_LAST_PAGE_LINKS = {};
/** sort-and-filter.md: `GET /flows?property=state==enabled&count=true` answers `{"count": 95}`. */
const DOCUMENTED_COUNT_ANSWER = { count: 95 };

const SIZE = 5;

/** SIZE entities of `kind` (with their parents), ids in creation order, each with its own createdAt (orderby). */
async function seed(kind: Kind): Promise<{ api: InProcessClient; ids: string[] }> {
  const api = new InProcessClient();
  const ids: string[] = [];
  for (let i = 0; i < SIZE; i++) {
    if (i > 0) await nextMillisecond();
    ids.push((await entityOf(api, kind, i % 2 === 0)).id);
  }
  return { api, ids };
}

interface Walk {
  pages: string[][];
  links: unknown[];
  hrefs: string[];
}

/** Pages from `first` on; `follow` turns a page's next href into the next request (as a given client does). */
async function walk(api: InProcessClient, first: string, follow: (href: string) => string): Promise<Walk> {
  const result: Walk = { pages: [], links: [], hrefs: [] };
  let path: string | undefined = first;
  while (path !== undefined) {
    expect(result.pages.length, 'more pages than entities: the links loop').toBeLessThanOrEqual(SIZE + 1);
    const answer = await api.get(path);
    expect(answer.status, `GET ${path}: ${answer.text}`).toBe(200);
    result.pages.push((answer.body.items as { id: string }[]).map((item) => item.id));
    expect(answer.body, `GET ${path}: every page carries _links (OAS list schemas)`).toHaveProperty('_links');
    result.links.push(answer.body._links);
    const href: string | undefined = answer.body._links.next?.href;
    if (href !== undefined) result.hrefs.push(href);
    path = href === undefined ? undefined : follow(href);
  }
  return result;
}

/** What a Python client does: `href.split('continuationToken=')[1]`, then its own request with that token. */
const pythonToken = (href: string) => href.split('continuationToken=')[1]!;

for (const kind of KINDS) {
  test.describe(`${kind}`, () => {
    test(`the next href is /${kind}?continuationToken=… alone, token first (OAS PageLink: "${DOCUMENTED_HREF}")`, async () => {
      const { api } = await seed(kind);
      const { hrefs } = await walk(api, `/${kind}?limit=2&property=state==draft,enabled&orderby=-createdAt`, (href) => href);
      expect(hrefs.length).toBeGreaterThan(0);
      const shape = new RegExp(`^/${kind}\\?continuationToken=[A-Za-z0-9_-]+$`);
      for (const href of hrefs) expect(href).toMatch(shape);
      // the documented href has the same shape, modulo the kind
      expect(DOCUMENTED_HREF).toMatch(/^\/connections\?continuationToken=[A-Za-z0-9_-]+$/);
    });

    for (const limit of [1, 2, SIZE]) {
      test(`limit=${limit}: the whole href followed yields every item once; _links on every page, {} on the last (OAS list schemas; monitor.md "_links": {})`, async () => {
        const { api, ids } = await seed(kind);
        const { pages, links } = await walk(api, `/${kind}?limit=${limit}`, (href) => href);
        expect(pages.flat()).toEqual(ids);
        expect(pages).toHaveLength(Math.ceil(SIZE / limit));
        expect(links.at(-1)).toEqual(DOCUMENTED_LAST_PAGE_LINKS);
        for (const link of links.slice(0, -1)) expect(link).toEqual({ next: { href: expect.any(String) } });
      });
    }

    test('the token extracted as a Python client does, sent alone, yields the same pages (OAS: continuationToken "appended to a returned response")', async () => {
      const { api, ids } = await seed(kind);
      const first = `/${kind}?limit=2&property=state==draft&orderby=-createdAt`;
      const wanted = ids.filter((_, i) => i % 2 === 0).reverse();
      const alone = await walk(api, first, (href) => `/${kind}?continuationToken=${pythonToken(href)}`);
      expect(alone.pages.flat()).toEqual(wanted);
      expect(alone.pages[0]).toHaveLength(2);
    });

    test('the token re-sent with the client\'s own limit, filter, orderby and count=False yields the same pages (Postman: "…&continuationToken={{continuationToken}}&count=false")', async () => {
      const { api, ids } = await seed(kind);
      const own = 'limit=2&property=state==draft&orderby=-createdAt&count=False';
      const wanted = ids.filter((_, i) => i % 2 === 0).reverse();
      const resent = await walk(api, `/${kind}?${own}`, (href) => `/${kind}?${own}&continuationToken=${pythonToken(href)}`);
      expect(resent.pages.flat()).toEqual(wanted);
      // the parameters in another order, as a dict-built query may send them
      const reordered = await walk(api, `/${kind}?${own}`, (href) => `/${kind}?continuationToken=${pythonToken(href)}&count=false&orderby=-createdAt&property=state==draft&limit=2`);
      expect(reordered.pages.flat()).toEqual(wanted);
    });

    test('the whole href resolves as the kit resolves it (base-relative, under any base path)', async () => {
      const { api } = await seed(kind);
      const first = await api.get(`/${kind}?limit=1`);
      const href = first.body._links.next.href as string;
      for (const base of [`https://platform.adobe.io${BASE_PATH}`, 'http://127.0.0.1:4010']) {
        const link = nextPath(base, `${base}/${kind}?limit=1`, href);
        expect(link).toEqual({ path: href });
      }
    });

    for (const [given, want] of [['count=False', 'items'], ['count=false', 'items'], ['count=FALSE', 'items'], ['count=True', 'count'], ['count=true', 'count'], ['count=TRUE', 'count']] as const) {
      test(`${given} is a boolean in any case (OAS: count is "type: boolean"; sort-and-filter: "count … with a value of true")`, async () => {
        const { api } = await seed(kind);
        const answer = await api.get(`/${kind}?${given}`);
        expect(answer.status, answer.text).toBe(200);
        if (want === 'count') {
          expect(Object.keys(answer.body)).toEqual(Object.keys(DOCUMENTED_COUNT_ANSWER));
          expect(answer.body).toEqual({ count: SIZE });
        } else {
          expect(answer.body.items).toHaveLength(SIZE);
          expect(answer.body._links).toEqual(DOCUMENTED_LAST_PAGE_LINKS);
        }
      });
    }

    for (const given of ['count=yes', 'count=1', 'count=', 'count=truee']) {
      test(`${given} is no boolean in any case and answers 400, beside count=False answering 200 (OAS: count is "type: boolean")`, async () => {
        const { api } = await seed(kind);
        expect((await api.get(`/${kind}?count=False`)).status).toBe(200);
        expect((await api.get(`/${kind}?${given}`)).status).toBe(400);
      });
    }

    test('a single-page list and an empty list carry "_links": {} (monitor.md single-page runs example)', async () => {
      const { api, ids } = await seed(kind);
      const single = await api.get(`/${kind}`);
      expect(single.body.items.map((i: { id: string }) => i.id)).toEqual(ids);
      expect(single.body._links).toEqual(DOCUMENTED_LAST_PAGE_LINKS);
      const empty = await api.get(`/${kind}?property=id==nothing-has-this-id`);
      expect(empty.body).toEqual({ items: [], _links: DOCUMENTED_LAST_PAGE_LINKS });
    });

    test('comma-separated values keep any of them (sort-and-filter: "/connections?property=id==736873,9485095")', async () => {
      const { api, ids } = await seed(kind);
      const answer = await api.get(`/${kind}?property=id==${ids[1]},${ids[3]}`);
      expect(answer.body.items.map((i: { id: string }) => i.id)).toEqual([ids[1], ids[3]]);
      const paged = await walk(api, `/${kind}?property=id==${ids[0]},${ids[2]},${ids[4]}&limit=1`, (href) => `/${kind}?continuationToken=${pythonToken(href)}`);
      expect(paged.pages).toEqual([[ids[0]], [ids[2]], [ids[4]]]);
    });

    test(`trailing slashes answer as without them (OAS path "/connections/{BASE_CONNECTION_ID}/")`, async () => {
      const { api, ids } = await seed(kind);
      const plain = await api.get(`/${kind}?limit=2`);
      const slashed = await api.get(`/${kind}/?limit=2`);
      expect(slashed.status).toBe(200);
      expect(slashed.body).toEqual(plain.body);
      const one = await api.get(`/${kind}/${ids[0]}/`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual((await api.get(`/${kind}/${ids[0]}`)).body);
    });
  });
}

test('a token with other filters or orderby than the ones re-sent beside it answers 400, not another list\'s page (DECISIONS.md, "Token beside other parameters")', async () => {
  const { api } = await seed('connections');
  const first = await api.get('/connections?limit=1&property=state==draft');
  const token = pythonToken(first.body._links.next.href);
  expect((await api.get(`/connections?continuationToken=${token}&property=state==draft`)).status).toBe(200);
  expect((await api.get(`/connections?continuationToken=${token}&property=state==enabled`)).status).toBe(400);
  expect((await api.get(`/connections?continuationToken=${token}&property=state==draft&orderby=name`)).status).toBe(400);
});

test('a different limit beside the token changes only the page size (DECISIONS.md, "Token beside other parameters")', async () => {
  const { api, ids } = await seed('connections');
  const first = await api.get('/connections?limit=1');
  const rest = await walk(api, `/connections?continuationToken=${pythonToken(first.body._links.next.href)}&limit=3`, (href) => href);
  expect(rest.pages).toEqual([ids.slice(1, 4), ids.slice(4)]);
});

test('flows filtered on an array field with comma-separated values (sort-and-filter: "/flows?property=sourceConnectionIds[]==9874984,6980696")', async () => {
  const api = new InProcessClient();
  const target = await createTarget(api);
  const sources = [];
  for (let i = 0; i < 3; i++) sources.push(await createSource(api, (await createBase(api)).id));
  const flows = [];
  for (const source of sources) flows.push(await createFlow(api, [source.id], [target.id]));
  const answer = await api.get(`/flows?property=sourceConnectionIds[]==${sources[0]!.id},${sources[2]!.id}`);
  expect(answer.body.items.map((i: { id: string }) => i.id)).toEqual([flows[0]!.id, flows[2]!.id]);
});

test('PATCH and DELETE on the OAS trailing-slash path /connections/{BASE_CONNECTION_ID}/ act as without the slash', async () => {
  const api = new InProcessClient();
  const base = await createBase(api);
  const patched = await api.patch(`/connections/${base.id}/`, [{ op: 'replace', path: '/name', value: 'slashed' }], base.etag);
  expect(patched.status, patched.text).toBe(200);
  expect((await api.get(`/connections/${base.id}`)).body.items[0].name).toBe('slashed');
  expect((await api.delete(`/connections/${base.id}/`)).status).toBe(204);
  expect((await api.get(`/connections/${base.id}`)).status).toBe(404);
});
