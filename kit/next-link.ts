// Where `_links.next.href` points. The catalogue allows an href relative to the service base path (as documented:
// `/connections?continuationToken=…`), relative to the origin, or absolute; a target at an origin root (no base path,
// as OpenAPI mocks serve) is as valid as one under `/data/foundation/flowservice`. The suites' list checks and the
// CLI's `sweep` both page with it.

export type NextLink = { path: string } | { problem: string; harness: boolean };

/**
 * Where `_links.next.href` of the page fetched from `pageUrl` points, as a path the client appends to `baseUrl`.
 * `harness` marks a link the kit cannot follow (another origin, outside the service) rather than a broken one.
 */
export function nextPath(baseUrl: string, pageUrl: string, href: unknown): NextLink {
  if (typeof href !== 'string' || href.trim() === '') return { problem: `a non-empty string _links.next.href, received ${JSON.stringify(href) ?? String(href)}`, harness: false };
  const base = new URL(baseUrl);
  // '' at an origin-root target: every path is then already relative to the base
  const basePath = base.pathname.replace(/\/+$/, '');
  const inBase = (path: string) => basePath === '' || path === basePath || path.startsWith(`${basePath}/`);
  const strip = (url: URL) => `${url.pathname.slice(basePath.length) || '/'}${url.search}`;
  if (href.startsWith('/') && !href.startsWith('//')) {
    const url = new URL(href, base.origin);
    // origin-relative when it repeats the base path, else relative to the base path (the documented form)
    return { path: inBase(url.pathname) ? strip(url) : `${url.pathname}${url.search}` };
  }
  let url: URL;
  try {
    url = new URL(href, pageUrl);
  } catch {
    return { problem: `a URL or path in _links.next.href, received ${JSON.stringify(href)}`, harness: false };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `an http(s) _links.next.href, received ${JSON.stringify(href)}`, harness: false };
  if (url.origin !== base.origin) return { problem: `_links.next.href ${JSON.stringify(href)} points at another origin than the target's (${base.origin}): the kit sends only to the target`, harness: true };
  if (!inBase(url.pathname)) return { problem: `_links.next.href ${JSON.stringify(href)} points outside the service base path ${basePath}: the kit sends only to the service`, harness: true };
  return { path: strip(url) };
}
