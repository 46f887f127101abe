// With only client credentials and a local IMS stand-in, a full run gets its own token and passes; a bad secret
// stops the run before any check with one line that does not hold the secret.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { DEFAULT_CREDENTIALS } from '../../server/app.ts';
import { startReferenceServer } from '../../server/listen.ts';
import { artifactTexts } from '../support/artifacts.ts';
import { readResults, runCli } from '../support/run-cli.ts';

const CLIENT_ID = 'kit-client-id';
const CLIENT_SECRET = 'p8e-kit-client-secret-value';

async function imsStandIn() {
  let exchanges = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const ok = req.url === '/ims/token/v3' && form.get('grant_type') === 'client_credentials' && form.get('client_id') === CLIENT_ID && form.get('client_secret') === CLIENT_SECRET;
      if (ok) exchanges++;
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { access_token: DEFAULT_CREDENTIALS.accessToken, token_type: 'bearer', expires_in: 86399 } : { error: 'invalid_client', error_description: 'invalid client_secret parameter' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges: () => exchanges,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

test('a full run with only client credentials exchanges them with IMS and passes', async ({}, testInfo) => {
  // a whole run (4 workers, as for any --target): on a busy 2-core machine more than the default 60 s
  test.setTimeout(180_000);
  const ims = await imsStandIn();
  const target = await startReferenceServer({ credentials: { ...DEFAULT_CREDENTIALS, apiKey: CLIENT_ID } });
  const dir = testInfo.outputPath('report');
  try {
    const run = await runCli(['--target', target.url, '--report-dir', dir, '--runs', '5'], {
      AEP_CLIENT_ID: CLIENT_ID, AEP_CLIENT_SECRET: CLIENT_SECRET, AEP_SCOPES: 'openid,AdobeID', AEP_ORG_ID: DEFAULT_CREDENTIALS.orgId,
      AEP_IMS_URL: ims.url, AEP_OTHER_SANDBOX_NAME: 'kit-other',
    });
    expect(run.code, run.stdout.slice(-2000) + run.stderr).toBe(0);
    expect(readResults(dir).summary.fail).toBe(0);
    expect(ims.exchanges()).toBeGreaterThanOrEqual(2);
    expect(run.stdout + run.stderr).not.toContain(CLIENT_SECRET);
    for (const { where, text } of artifactTexts(dir)) {
      expect(text.includes(CLIENT_SECRET), `${where} holds the client secret`).toBe(false);
      expect(text.includes(DEFAULT_CREDENTIALS.accessToken), `${where} holds the IMS token`).toBe(false);
    }
  } finally {
    await Promise.all([ims.close(), target.close()]);
  }
});

test('a bad client secret exits 2 with the IMS error in one line and no secret', async () => {
  const ims = await imsStandIn();
  const target = await startReferenceServer({ credentials: DEFAULT_CREDENTIALS });
  try {
    const run = await runCli(['--target', target.url], {
      AEP_CLIENT_ID: CLIENT_ID, AEP_CLIENT_SECRET: 'wrong-secret-value', AEP_ORG_ID: DEFAULT_CREDENTIALS.orgId, AEP_IMS_URL: ims.url,
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/IMS token exchange failed: 401 invalid_client/);
    expect(run.stderr).not.toContain('wrong-secret-value');
  } finally {
    await Promise.all([ims.close(), target.close()]);
  }
});

