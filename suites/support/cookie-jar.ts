// Cookies a target sets, sent back as Playwright's request context sends them (RFC 6265 §5.3-5.4, the parts a kit
// talking to one API needs): per hostname and path, Max-Age before Expires, the default path from the request's.
// A gateway's sticky-session cookie must not make the two transports differ (suites/support/transport.ts).

interface Cookie {
  name: string;
  value: string;
  path: string;
  /** ms since the epoch; Infinity for a session cookie. */
  expires: number;
}

/** RFC 6265 §5.1.4: the request path up to its last "/", or "/". */
function defaultPath(requestPath: string): string {
  const last = requestPath.lastIndexOf('/');
  return !requestPath.startsWith('/') || last <= 0 ? '/' : requestPath.slice(0, last);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

function parse(line: string, url: URL, now: number): Cookie | undefined {
  const [pair = '', ...attributes] = line.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  let path: string | undefined;
  let maxAge: number | undefined;
  let expires: number | undefined;
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const value = at < 0 ? '' : attribute.slice(at + 1).trim();
    if (key === 'path' && value.startsWith('/')) path = value;
    else if (key === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
    else if (key === 'expires' && !Number.isNaN(Date.parse(value))) expires = Date.parse(value);
  }
  return {
    name: pair.slice(0, eq).trim(),
    value: pair.slice(eq + 1).trim(),
    path: path ?? defaultPath(url.pathname),
    expires: maxAge !== undefined ? now + maxAge * 1000 : expires ?? Infinity,
  };
}

export class CookieJar {
  private readonly byHost = new Map<string, Map<string, Cookie>>();

  store(url: URL, setCookie: readonly string[] | undefined, now = Date.now()): void {
    for (const line of setCookie ?? []) {
      const cookie = parse(line, url, now);
      if (!cookie) continue;
      const jar = this.byHost.get(url.hostname) ?? new Map<string, Cookie>();
      const key = `${cookie.name};${cookie.path}`;
      if (cookie.expires <= now) jar.delete(key);
      else jar.set(key, cookie);
      this.byHost.set(url.hostname, jar);
    }
  }

  /** The Cookie header for a request to `url`, longer paths first; undefined when no cookie applies. */
  header(url: URL, now = Date.now()): string | undefined {
    const jar = this.byHost.get(url.hostname);
    if (!jar) return undefined;
    const sent = [...jar.values()]
      .filter((c) => c.expires > now && pathMatches(url.pathname, c.path))
      .sort((a, b) => b.path.length - a.path.length);
    return sent.length > 0 ? sent.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }
}
