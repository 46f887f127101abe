// The node transport's cookie jar keeps and sends cookies as Playwright's request context does: per hostname and
// path, expiring by Max-Age (before Expires, counted from receipt however often the cookie is sent) or Expires.
import { expect, test } from '@playwright/test';
import { CookieJar } from '../../suites/support/cookie-jar.ts';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const at = (path: string, host = 'flow.example') => new URL(`https://${host}${path}`);

test('a cookie goes back to its hostname only, on any port', () => {
  const jar = new CookieJar();
  jar.store(at('/data/x'), ['sid=1; Path=/'], NOW);
  expect(jar.header(new URL('https://flow.example:8443/data/y'), NOW)).toBe('sid=1');
  expect(jar.header(at('/data/y', 'other.example'), NOW)).toBeUndefined();
});

test('Path limits where it goes; without Path it is the directory of the request that set it', () => {
  const jar = new CookieJar();
  jar.store(at('/data/flows/abc'), ['implicit=1', 'explicit=2; Path=/data/flows', 'elsewhere=3; Path=/other'], NOW);
  expect(jar.header(at('/data/flows/xyz'), NOW)).toBe('implicit=1; explicit=2'); // same path: the older first
  expect(jar.header(at('/data/flowsx'), NOW)).toBeUndefined();
  expect(jar.header(at('/other/x'), NOW)).toBe('elsewhere=3');
});

test('Max-Age expires a cookie and wins over Expires; an unreadable Max-Age is ignored', () => {
  const jar = new CookieJar();
  const past = new Date(NOW - 60_000).toUTCString();
  jar.store(at('/'), ['short=1; Max-Age=1', `kept=2; Max-Age=3600; Expires=${past}`, 'blank=3; Max-Age=', `gone=4; Expires=${past}`], NOW);
  expect(jar.header(at('/'), NOW + 500)).toBe('short=1; kept=2; blank=3');
  expect(jar.header(at('/'), NOW + 1_500)).toBe('kept=2; blank=3');
});

test('a cookie set again replaces its value, and Max-Age=0 removes it', () => {
  const jar = new CookieJar();
  jar.store(at('/'), ['sid=1; Path=/'], NOW);
  jar.store(at('/'), ['sid=2; Path=/'], NOW);
  expect(jar.header(at('/x'), NOW)).toBe('sid=2');
  jar.store(at('/'), ['sid=; Path=/; Max-Age=0'], NOW);
  expect(jar.header(at('/x'), NOW)).toBeUndefined();
});
