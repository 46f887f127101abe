// A config file drives what the kit creates, and the secrets it holds, like the credentials, never reach an
// artifact: results.json, junit.xml, index.html, the Playwright report, or the console.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { BASE_PATH, createFlowService, DEFAULT_CREDENTIALS } from '../../server/app.ts';
import { artifactTexts } from '../support/artifacts.ts';
import { readResults, runCli } from './run-cli.ts';

test('auth params from the config file are used, and no secret appears in any artifact or in the output', async ({}, testInfo) => {
  const secret = `planted-secret-${Date.now().toString(36)}`;
  const config = testInfo.outputPath('flow-conformance.config.ts');
  writeFileSync(config, `import { defineConfig } from '${process.cwd()}/index.ts';
export default defineConfig({
  auth: { specName: 'Basic Authentication', params: { host: 'kit.example.net', userid: 'kit-user', password: '${secret}' } },
  sourceParams: { path: '/from/the/config.csv', type: 'file' },
});
`);
  const dir = testInfo.outputPath('report');
  const run = await runCli(['--config', config, '--report-dir', dir, '--requirement', 'DRAFT-001,DRAFT-002,PUB-001,API-004']);
  expect(run.code, run.stderr).toBe(0);
  const results = readResults(dir);
  const exchanges = results.requirements.flatMap((r) => r.evidence.flatMap((e) => e.exchanges ?? [])) as { request: { body?: unknown } }[];
  const bodies = JSON.stringify(exchanges.map((e) => e.request.body));
  expect(bodies, 'the config host was sent').toContain('kit.example.net');
  expect(bodies, 'the config source path was sent').toContain('/from/the/config.csv');

  const artifacts = artifactTexts(dir);
  for (const expected of ['index.html', 'results.json', 'junit.xml', 'ledger.jsonl', 'outcomes.json', ' » ']) {
    expect(artifacts.some((a) => a.where.includes(expected)), `${expected} among the artifacts`).toBe(true);
  }
  for (const { where, text } of artifacts) {
    expect(text.includes(secret), `${where} holds the planted secret`).toBe(false);
    expect(text.includes('reference-access-token'), `${where} holds the access token`).toBe(false);
  }
  expect(run.stdout + run.stderr).not.toContain(secret);
});

test('with the playwright transport, a request that times out leaves no credential in Playwright\'s own records', async ({}, testInfo) => {
  // the first DELETE is never answered: it times out, and Playwright records its call log, which lists every header
  const service = createFlowService({ credentials: DEFAULT_CREDENTIALS });
  let deletes = 0;
  const server = createServer((req, res) => {
    if (req.method === 'DELETE' && deletes++ === 0) return;
    service.listener(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE_PATH}`;
    const dir = testInfo.outputPath('report');
    const credentials = { AEP_ACCESS_TOKEN: DEFAULT_CREDENTIALS.accessToken, AEP_API_KEY: DEFAULT_CREDENTIALS.apiKey, AEP_ORG_ID: DEFAULT_CREDENTIALS.orgId };
    const run = await runCli(['--target', url, '--transport', 'playwright', '--timeout', '1', '--requirement', 'DEL-001', '--report-dir', dir], credentials);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const artifacts = artifactTexts(dir);
    const callLogs = artifacts.filter((a) => a.where.includes('playwright-report') && /authorization: Bearer \[redacted\]/.test(a.text));
    expect(callLogs.length, 'Playwright recorded the timed-out call with its headers, masked').toBeGreaterThan(0);
    for (const { where, text } of artifacts) {
      expect(text.includes(DEFAULT_CREDENTIALS.accessToken), `${where} holds the access token`).toBe(false);
      expect(text.includes(DEFAULT_CREDENTIALS.apiKey), `${where} holds the API key`).toBe(false);
    }
    expect(run.stdout + run.stderr).not.toContain(DEFAULT_CREDENTIALS.accessToken);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
