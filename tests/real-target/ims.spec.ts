// IMS OAuth server-to-server, against nock: the documented client-credentials form, one-line errors without the
// secret, refresh before expiry, and the target's client sending the current token. No request leaves this machine:
// net connect is allowed to 127.0.0.1 only.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, request, test } from '@playwright/test';
import nock from 'nock';
import { DEFAULT_IMS_URL, ImsError, ImsTokenSource, resolveCredentials, tokenUrlOf } from '../../kit/ims.ts';
import { FlowClient } from '../../suites/support/client.ts';
import { Recorder } from '../../suites/support/recorder.ts';
import { REDACTED, Redactor } from '../../kit/redact.ts';
import { resolveTarget } from '../../suites/support/target.ts';
import { playwrightTransport } from '../../suites/support/transport.ts';

const IMS = DEFAULT_IMS_URL;
const SECRET = 'p8e-very-secret-client-secret';
const ENV = { AEP_CLIENT_ID: 'client-id-1234', AEP_CLIENT_SECRET: SECRET, AEP_SCOPES: 'openid,AdobeID,read_organizations', AEP_ORG_ID: 'ORG@AdobeOrg' };

test.beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});

test.afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

/** A clock the test moves by hand. */
function clock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function tokenAnswer(token: string, expiresIn = 86_399) {
  return { access_token: token, token_type: 'bearer', expires_in: expiresIn };
}

async function imsFailure(promise: Promise<unknown>): Promise<ImsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImsError);
  const message = (error as ImsError).message;
  expect(message).not.toContain('\n');
  expect(message).not.toContain(SECRET);
  return error as ImsError;
}

test.describe('the token exchange', () => {
  test('POSTs the documented client-credentials form and returns the token, with the client id as API key', async () => {
    let form: URLSearchParams | undefined;
    const scope = nock(IMS)
      .post('/ims/token/v3', (body: string) => {
        form = new URLSearchParams(body);
        return true;
      })
      .matchHeader('content-type', /^application\/x-www-form-urlencoded/)
      .reply(200, tokenAnswer('tok-from-ims'));
    const t = clock();
    const resolved = await resolveCredentials(ENV, { now: t.now });
    expect(scope.isDone()).toBe(true);
    expect(Object.fromEntries(form ?? [])).toEqual({
      client_id: 'client-id-1234',
      client_secret: SECRET,
      grant_type: 'client_credentials',
      scope: 'openid,AdobeID,read_organizations',
    });
    expect(resolved).toMatchObject({ accessToken: 'tok-from-ims', apiKey: 'client-id-1234', orgId: 'ORG@AdobeOrg', tokenSource: 'ims' });
    expect(resolved.expiresAt).toBe(t.now() + 86_399_000);
    expect(resolved.secrets).toContain(SECRET);
  });

  test('AEP_API_KEY overrides the client id, and AEP_IMS_URL the IMS origin', async () => {
    const scope = nock('https://ims-eu1.example.test').post('/ims/token/v3').reply(200, tokenAnswer('eu-token'));
    const resolved = await resolveCredentials({ ...ENV, AEP_API_KEY: 'explicit-key', AEP_IMS_URL: 'https://ims-eu1.example.test/' });
    expect(scope.isDone()).toBe(true);
    expect(resolved).toMatchObject({ accessToken: 'eu-token', apiKey: 'explicit-key', tokenSource: 'ims' });
  });

  test('a given AEP_ACCESS_TOKEN wins over the exchange', async () => {
    const scope = nock(IMS).post('/ims/token/v3').reply(200, tokenAnswer('unused'));
    const resolved = await resolveCredentials({ ...ENV, AEP_ACCESS_TOKEN: 'given-token' });
    expect(scope.isDone()).toBe(false);
    expect(resolved).toMatchObject({ accessToken: 'given-token', apiKey: 'client-id-1234', tokenSource: 'env' });
    expect(resolved.getAccessToken).toBeUndefined();
  });

  test('without a token or client credentials there is nothing to exchange', async () => {
    const resolved = await resolveCredentials({ AEP_API_KEY: 'k', AEP_ORG_ID: 'o' });
    expect(resolved).toEqual({ accessToken: '', apiKey: 'k', orgId: 'o', secrets: [] });
  });

  test('the IMS URL must be https, except on the loopback interface', () => {
    expect(tokenUrlOf('https://ims-na1.adobelogin.com')).toBe('https://ims-na1.adobelogin.com/ims/token/v3');
    expect(tokenUrlOf('https://ims.example.test/ims/token/v3')).toBe('https://ims.example.test/ims/token/v3');
    expect(tokenUrlOf('http://127.0.0.1:9999')).toBe('http://127.0.0.1:9999/ims/token/v3');
    expect(() => tokenUrlOf('http://ims.example.test')).toThrow(/not https/);
    expect(() => tokenUrlOf('ims-na1.adobelogin.com')).toThrow(/AEP_IMS_URL is not a URL/);
  });
});

test.describe('IMS failures are one-line ImsErrors without the secret', () => {
  test('a bad client secret', async () => {
    nock(IMS).post('/ims/token/v3').reply(401, { error: 'invalid_client', error_description: 'invalid client_secret parameter' });
    const error = await imsFailure(resolveCredentials(ENV));
    expect(error.message).toBe('IMS token exchange failed: 401 invalid_client (invalid client_secret parameter) at https://ims-na1.adobelogin.com/ims/token/v3');
    expect(error.status).toBe(401);
    expect(error.code).toBe('invalid_client');
  });

  test('an IMS that echoes the secret over several lines', async () => {
    nock(IMS).post('/ims/token/v3').reply(400, { error: 'invalid_scope', error_description: `scope rejected\nfor client_secret=${SECRET}` });
    const error = await imsFailure(resolveCredentials(ENV));
    expect(error.message).toContain('400 invalid_scope (scope rejected for client_secret=[redacted])');
  });

  test('a non-JSON answer', async () => {
    nock(IMS).post('/ims/token/v3').reply(502, '<html><body>Bad Gateway</body></html>', { 'content-type': 'text/html' });
    const error = await imsFailure(resolveCredentials(ENV));
    expect(error.message).toMatch(/^IMS token exchange failed: 502 non-JSON answer \(text\/html: .*Bad Gateway.*\) at https:\/\/ims-na1\.adobelogin\.com\/ims\/token\/v3$/);
  });

  test('a 200 without an access token', async () => {
    nock(IMS).post('/ims/token/v3').reply(200, { token_type: 'bearer' });
    const error = await imsFailure(resolveCredentials(ENV));
    expect(error.message).toContain('200 answer without an access_token');
  });

  test('IMS down: a network error', async () => {
    nock(IMS).post('/ims/token/v3').replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
    const error = await imsFailure(resolveCredentials(ENV));
    expect(error.message).toBe('IMS token exchange failed: network error (ECONNREFUSED) at https://ims-na1.adobelogin.com/ims/token/v3');
  });

  test('IMS down: nothing listens on the port', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await imsFailure(resolveCredentials({ ...ENV, AEP_IMS_URL: `http://127.0.0.1:${port}` }));
    expect(error.message).toBe(`IMS token exchange failed: network error (ECONNREFUSED) at http://127.0.0.1:${port}/ims/token/v3`);
  });

  test('IMS too slow: a timeout', async () => {
    nock(IMS).post('/ims/token/v3').delay(2_000).reply(200, tokenAnswer('late'));
    const error = await imsFailure(resolveCredentials(ENV, { timeoutMs: 100 }));
    expect(error.message).toBe('IMS token exchange failed: no answer within 100 ms at https://ims-na1.adobelogin.com/ims/token/v3');
  });

  test('a client id without a secret', async () => {
    const error = await imsFailure(resolveCredentials({ AEP_CLIENT_ID: 'client-id-1234' }));
    expect(error.message).toContain('AEP_CLIENT_SECRET is empty');
  });
});

test.describe('expiry and refresh', () => {
  test('keeps the token until the refresh margin, then exchanges again', async () => {
    const t = clock();
    // 1000 s lifetime: margin min(5 min, 10 %) = 100 s, so the refresh comes at 900 s.
    const answers = [tokenAnswer('first', 1_000), tokenAnswer('second', 86_399), tokenAnswer('third', 86_399)];
    let calls = 0;
    const scope = nock(IMS)
      .post('/ims/token/v3')
      .times(3)
      .reply(() => [200, answers[calls++]]);
    const learnt: string[] = [];
    const source = new ImsTokenSource({ clientId: 'client-id-1234', clientSecret: SECRET, scopes: 'openid', now: t.now, onToken: (token) => learnt.push(token) });
    expect(source.apiKey).toBe('client-id-1234');
    expect(source.expiresAt).toBeUndefined();
    const [a, b] = await Promise.all([source.getAccessToken(), source.getAccessToken()]);
    expect([a, b]).toEqual(['first', 'first']); // concurrent callers share one exchange
    expect(source.expiresAt).toBe(t.now() + 1_000_000);
    t.advance(899_000);
    expect(await source.getAccessToken()).toBe('first');
    expect(calls).toBe(1);
    t.advance(2_000);
    expect(await source.getAccessToken()).toBe('second');
    expect(calls).toBe(2);
    // a day-long token refreshes 5 min before expiry
    t.advance(86_399_000 - 301_000);
    expect(await source.getAccessToken()).toBe('second');
    expect(calls).toBe(2);
    t.advance(2_000);
    expect(await source.getAccessToken()).toBe('third');
    expect(scope.isDone()).toBe(true);
    expect(learnt).toEqual(['first', 'second', 'third']);
  });

  test('a failed refresh keeps the still-valid token, and fails once it has expired', async () => {
    const t = clock();
    nock(IMS)
      .post('/ims/token/v3')
      .reply(200, tokenAnswer('first', 100))
      .post('/ims/token/v3')
      .times(2)
      .reply(503, { error: 'temporarily_unavailable' });
    const source = new ImsTokenSource({ clientId: 'client-id-1234', clientSecret: SECRET, scopes: 'openid', now: t.now });
    expect(await source.getAccessToken()).toBe('first');
    t.advance(95_000); // inside the 10 s margin
    expect(await source.getAccessToken()).toBe('first');
    t.advance(10_000); // expired
    const error = await imsFailure(source.getAccessToken());
    expect(error.message).toContain('503 temporarily_unavailable');
  });

  test('the target client sends the current token on every request, and redacts each new one', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const server: Server = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const context = await request.newContext();
    try {
      // 1 s lifetime: refreshed after 900 ms; the clock is real here because resolveTarget builds the source.
      nock(IMS).post('/ims/token/v3').reply(200, tokenAnswer('token-one', 1)).post('/ims/token/v3').reply(200, tokenAnswer('token-two', 3_600));
      const { port } = server.address() as AddressInfo;
      const target = await resolveTarget(`http://127.0.0.1:${port}/data/foundation/flowservice`, false, ENV);
      expect(target.credentials).toMatchObject({ accessToken: 'token-one', apiKey: 'client-id-1234', tokenSource: 'ims' });
      expect(target.secrets).toEqual(expect.arrayContaining(['token-one', SECRET]));
      const recorder = new Recorder(new Redactor(target.secrets));
      const client = new FlowClient(playwrightTransport(context), target, recorder);
      await client.list('flows', 'echo=token-one');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await client.list('flows', 'echo=token-two');
      expect(seen.map((h) => h.authorization)).toEqual(['Bearer token-one', 'Bearer token-two']);
      expect(seen.every((h) => h['x-api-key'] === 'client-id-1234')).toBe(true);
      expect(target.credentials.accessToken).toBe('token-two');
      expect(target.secrets).toContain('token-two');
      const evidence = JSON.stringify(recorder.exchanges);
      expect(evidence).not.toContain('token-one');
      expect(evidence).not.toContain('token-two');
      expect(evidence).toContain(`echo=${REDACTED}`);
    } finally {
      await context.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
