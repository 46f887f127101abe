// Following `_links.next.href` for any base path: the catalogue allows an href relative to the service base path,
// relative to the origin, or absolute. An origin-root target (an OpenAPI mock) once turned `string` into
// `http://127.0.0.1:4012string` and the kit reported a network failure of the target.
import { expect, test } from '@playwright/test';
import { nextPath } from '../../suites/support/listing.ts';

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
