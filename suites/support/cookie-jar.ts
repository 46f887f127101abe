// Cookies a target sets, sent back as Playwright's request context sends them: tough-cookie does RFC 6265 (domain and
// path matching, Secure, HttpOnly, the order), this file only fixes when a cookie expires. A gateway's sticky-session
// cookie must not make the two transports differ (suites/support/transport.ts).
import { Cookie, CookieJar as RfcCookieJar } from 'tough-cookie';

/** The latest instant a Date can hold (ECMA-262 §21.4.1.1): RFC 6265 §5.2.2 lets a huge Max-Age be capped. */
const LATEST_DATE_MS = 8.64e15;

export class CookieJar {
  private readonly jar = new RfcCookieJar();

  store(url: URL, setCookie: readonly string[] | undefined, now = Date.now()): void {
    for (const line of setCookie ?? []) {
      const cookie = Cookie.parse(line);
      if (!cookie) continue;
      // tough-cookie counts Max-Age from the cookie's last use, so a cookie sent more often than its Max-Age would
      // never expire; RFC 6265 §5.2.2 (and Playwright) count it from when it was received
      if (typeof cookie.maxAge === 'number') {
        cookie.expires = new Date(Math.min(now + cookie.maxAge * 1000, LATEST_DATE_MS));
        cookie.maxAge = null;
      }
      this.jar.setCookieSync(cookie, url, { now: new Date(now), ignoreError: true });
    }
  }

  /** The Cookie header for a request to `url`, longer paths first; undefined when no cookie applies. */
  header(url: URL, now = Date.now()): string | undefined {
    // expiry is judged here against `now`, not by tough-cookie against the clock, so that tests can name the instant
    const sent = this.jar.getCookiesSync(url, { expire: false, sort: true }).filter((c) => (c.expiryTime() ?? Infinity) > now);
    return sent.length > 0 ? sent.map((c) => c.cookieString()).join('; ') : undefined;
  }
}
