// The path the CLI takes with client credentials: the child Playwright process gets AEP_CLIENT_ID/SECRET/SCOPES and
// AEP_IMS_URL but no AEP_ACCESS_TOKEN, and each worker does its own exchange. IMS is a local stub on 127.0.0.1 (plain
// http is allowed on the loopback interface only); the target is the reference server, accepting the stub's token.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startReferenceServer, type RunningServer } from '../../server/listen.ts';
import { describeResults, runKit } from '../support/run-kit.ts';

const CLIENT_ID = 'child-client-id';
const SECRET = 'child-client-secret-0123456789';
const TOKEN = 'token-from-the-ims-stub';
const ORG = 'CHILD@AdobeOrg';

test.describe.configure({ mode: 'parallel' });

interface Stub {
  url: string;
  forms: URLSearchParams[];
  close(): Promise<void>;
}

async function imsStub(): Promise<Stub> {
  const forms: URLSearchParams[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      forms.push(form);
      const ok = req.method === 'POST' && req.url === '/ims/token/v3' && form.get('client_id') === CLIENT_ID && form.get('client_secret') === SECRET;
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { access_token: TOKEN, token_type: 'bearer', expires_in: 86_399 } : { error: 'invalid_client', error_description: 'invalid client_secret parameter' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forms,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function withTargets(run: (ims: Stub, target: RunningServer) => Promise<void>): Promise<void> {
  const ims = await imsStub();
  const target = await startReferenceServer({ credentials: { accessToken: TOKEN, apiKey: CLIENT_ID, orgId: ORG } });
  try {
    await run(ims, target);
  } finally {
    await target.close();
    await ims.close();
  }
}

function childEnv(ims: Stub, target: RunningServer, secret: string): Record<string, string> {
  return {
    AEP_FLOW_SERVICE_URL: target.url,
    AEP_ACCESS_TOKEN: '',
    AEP_API_KEY: '',
    AEP_CLIENT_ID: CLIENT_ID,
    AEP_CLIENT_SECRET: secret,
    AEP_SCOPES: 'openid,AdobeID',
    AEP_IMS_URL: ims.url,
    AEP_ORG_ID: ORG,
  };
}

test('a run with client credentials exchanges them in the worker and passes against a target that wants the IMS token', async () => {
  await withTargets(async (ims, target) => {
    const run = await runKit({ name: 'ims-child', projects: ['conformance'], strict: false, grep: '@API-00[1-3]\\b', env: childEnv(ims, target, SECRET) });
    const results = (run.byProject.get('conformance') ?? []).filter((r) => ['API-001', 'API-002', 'API-003'].includes(r.id));
    expect(results).toHaveLength(3);
    expect(describeResults(results, (r) => r.status !== 'pass')).toBe('');
    expect(ims.forms.length).toBeGreaterThan(0);
    expect(Object.fromEntries(ims.forms[0] ?? [])).toEqual({ client_id: CLIENT_ID, client_secret: SECRET, grant_type: 'client_credentials', scope: 'openid,AdobeID' });
  });
});

test('a bad client secret fails the run with the one-line IMS error, and the secret reaches no report', async () => {
  await withTargets(async (ims, target) => {
    const wrong = 'wrong-secret-must-not-leak-42';
    const run = await runKit({ name: 'ims-child-bad-secret', projects: ['conformance'], strict: false, grep: '@API-00[1-3]\\b', env: childEnv(ims, target, wrong) });
    expect(run.exitCode).not.toBe(0);
    const report = readFileSync(join('reports', 'self-validation', 'ims-child-bad-secret', 'outcomes.json'), 'utf8');
    expect(report).toContain(`IMS token exchange failed: 401 invalid_client (invalid client_secret parameter) at ${ims.url}/ims/token/v3`);
    expect(report).not.toContain(wrong);
    const results = (run.byProject.get('conformance') ?? []).filter((r) => ['API-001', 'API-002', 'API-003'].includes(r.id));
    expect(results).toHaveLength(3);
    expect(results.filter((r) => r.status === 'pass')).toEqual([]);
  });
});
