// Following `_links.next.href` for any base path: the catalogue allows an href relative to the service base path,
// relative to the origin, or absolute. An origin-root target (an OpenAPI mock) once turned `string` into
// `http://127.0.0.1:4012string` and the kit reported a network failure of the target.
import { expect, test } from '@playwright/test';
import { FlowClient } from '../../suites/support/client.ts';
import { DEFAULTS } from '../../kit/config.ts';
import { collect } from '../../suites/support/listing.ts';
import { nextPath } from '../../kit/next-link.ts';
import { Recorder } from '../../suites/support/recorder.ts';
import { Redactor } from '../../kit/redact.ts';
import type { Target } from '../../suites/support/target.ts';
import type { Transport, WireRequest } from '../../suites/support/transport.ts';
import { CouldNotCheck, RequirementFailure } from '../../suites/support/verdicts.ts';

const ROOT = 'http://127.0.0.1:4012';
const SERVICE = 'https://platform.example/data/foundation/flowservice';

const cases: [string, string, string, unknown, string][] = [
  // label, base URL, page URL, href, path the client appends to the base URL
  ['root, base-relative', ROOT, `${ROOT}/connections?limit=2`, '/connections?continuationToken=t', '/connections?continuationToken=t'],
  ['root, a bare word', ROOT, `${ROOT}/connections?limit=2`, 'string', '/string'],
  ['root, query only', ROOT, `${ROOT}/connections?limit=2`, '?continuationToken=t', '/connections?continuationToken=t'],
  ['root, absolute', ROOT, `${ROOT}/connections?limit=2`, `${ROOT}/flows?continuationToken=t`, '/flows?continuationToken=t'],
  ['base path, base-relative (documented)', SERVICE, `${SERVICE}/connections?limit=2`, '/connections?continuationToken=t', '/connections?continuationToken=t'],
  ['base path, origin-relative', SERVICE, `${SERVICE}/connections?limit=2`, '/data/foundation/flowservice/connections?continuationToken=t', '/connections?continuationToken=t'],
  ['base path, absolute', SERVICE, `${SERVICE}/connections?limit=2`, `${SERVICE}/flows?c=1`, '/flows?c=1'],
  ['base path, relative to the page', SERVICE, `${SERVICE}/connections?limit=2`, 'connections?c=1', '/connections?c=1'],
  ['base path, query only', SERVICE, `${SERVICE}/sourceConnections?limit=2`, '?c=1', '/sourceConnections?c=1'],
];

for (const [label, base, page, href, path] of cases) {
  test(`next link: ${label}`, () => {
    expect(nextPath(base, page, href)).toEqual({ path });
  });
}

const broken: [string, unknown][] = [
  ['a number', 42],
  ['an object', { url: '/connections' }],
  ['an empty string', ''],
  ['not http', 'javascript:alert(1)'],
  ['an unparsable URL', 'http://['],
];

for (const [label, href] of broken) {
  test(`next link that is ${label}: the target's fault, with a message naming the href`, () => {
    const link = nextPath(SERVICE, `${SERVICE}/connections?limit=2`, href);
    expect(link).toMatchObject({ harness: false });
    expect('problem' in link && link.problem).toContain('_links.next.href');
  });
}

for (const [label, href] of [['another origin', 'https://elsewhere.example/connections?c=1'], ['protocol-relative', '//elsewhere.example/x'], ['outside the base path', 'https://platform.example/other/connections']] as const) {
  test(`next link to ${label}: the kit cannot follow it (harness)`, () => {
    expect(nextPath(SERVICE, `${SERVICE}/connections?limit=2`, href)).toMatchObject({ harness: true });
  });
}

// The same through the kit's client, at an origin-root target: pages are followed, a broken href is LIST-002's
// failure with the href in its message, and a list that only reads (onBadPage: cannot) is the kit's error instead.
function rootClient(pages: Record<string, unknown>): FlowClient {
  const transport: Transport = {
    name: 'node',
    async send(request: WireRequest) {
      const url = new URL(request.url);
      const body = pages[url.pathname + url.search];
      return body === undefined
        ? { status: 404, headers: { 'content-type': 'application/json' }, text: `{"message":"no ${url.pathname}"}` }
        : { status: 200, headers: { 'content-type': 'application/json' }, text: JSON.stringify(body) };
    },
    async dispose() {},
  };
  const target = { baseUrl: ROOT, sandbox: 'prod', credentials: { accessToken: 't', apiKey: 'k', orgId: 'o' }, config: { ...DEFAULTS, maxRetries: 0 } } as unknown as Target;
  return new FlowClient(transport, target, new Recorder(new Redactor([])));
}

test('collect follows base-relative links at an origin root to the last page', async () => {
  const api = rootClient({
    '/connections?limit=1': { items: [{ id: 'a' }], _links: { next: { href: '/connections?continuationToken=2' } } },
    '/connections?continuationToken=2': { items: [{ id: 'b' }], _links: { next: { href: `${ROOT}/connections?continuationToken=3` } } },
    '/connections?continuationToken=3': { items: [{ id: 'c' }] },
  });
  const { items, complete } = await collect(api, 'connections', 'limit=1', 'LIST-002', { maxPages: 10, limit: 1, onBadPage: 'fail' });
  expect(items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  expect(complete).toBe(true);
});

test('collect: a garbage href fails LIST-002 naming it; a reading check cannot check instead', async () => {
  const api = rootClient({ '/connections?limit=1': { items: [{ id: 'a' }], _links: { next: { href: 42 } } } });
  const failure = await collect(api, 'connections', 'limit=1', 'LIST-002', { maxPages: 10, onBadPage: 'fail' }).catch((e: Error) => e);
  expect(failure).toBeInstanceOf(RequirementFailure);
  expect((failure as Error).message).toMatch(/_links\.next\.href, received 42 \[LIST-002\]$/);
  const error = await collect(api, 'connections', 'limit=1', 'DEL-003', { maxPages: 10, onBadPage: 'cannot' }).catch((e: Error) => e);
  expect(error).toBeInstanceOf(CouldNotCheck);
});

test('collect: the example href "string" is followed to /string, not glued to the origin', async () => {
  const api = rootClient({ '/connections?limit=1': { items: [{ id: 'a' }], _links: { next: { href: 'string' } } } });
  const failure = await collect(api, 'connections', 'limit=1', 'LIST-002', { maxPages: 10, onBadPage: 'fail' }).catch((e: Error) => e);
  expect((failure as Error).message).toContain('GET /string: expected 200 (a list page), received 404');
});
