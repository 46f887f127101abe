// --read-only sends nothing but GETs and still says which specs support drafts; --max-requests stops the run and
// says so rather than give a verdict.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { BASE_PATH, createFlowService, DEFAULT_CREDENTIALS } from '../../server/app.ts';
import { readResults, runCli } from '../support/run-cli.ts';

const credentials = { AEP_ACCESS_TOKEN: DEFAULT_CREDENTIALS.accessToken, AEP_API_KEY: DEFAULT_CREDENTIALS.apiKey, AEP_ORG_ID: DEFAULT_CREDENTIALS.orgId };

async function countingServer() {
  const service = createFlowService({ credentials: DEFAULT_CREDENTIALS });
  const methods: string[] = [];
  const server = createServer((req, res) => {
    methods.push(req.method ?? '');
    service.listener(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE_PATH}`;
  return { url, methods, service, close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }) };
}

test('a --read-only run sends only GETs and reports draft support per spec', async ({}, testInfo) => {
  const server = await countingServer();
  const dir = testInfo.outputPath('report');
  try {
    const run = await runCli(['--target', server.url, '--read-only', '--report-dir', dir], credentials);
    expect(run.code, run.stderr).toBe(0);
    expect(server.methods.length).toBeGreaterThan(5);
    expect([...new Set(server.methods)]).toEqual(['GET']);
    expect(server.service.store.size).toBe(0);
    const results = readResults(dir);
    expect(results.readOnly).toBe(true);
    expect(results.specs?.find((s) => s.id === 'ecadc60c-7455-4d87-84dc-2a0e293d997b')?.isDraftModeSupported).toBe(false);
    expect(results.specs?.find((s) => s.id === '9753525b-82c7-4dce-8a9b-5ccfce2b9876')?.isDraftModeSupported).toBe(true);
    const writing = results.requirements.find((r) => r.id === 'ORD-003');
    expect(writing?.status).toBe('not-applicable');
    expect(writing?.reason).toContain('--read-only');
    expect(run.stdout).toContain('Draft support (read-only probe)');
  } finally {
    await server.close();
  }
});

test('--max-requests stops the run near the budget and exits 2 with a clear line', async ({}, testInfo) => {
  const server = await countingServer();
  try {
    const run = await runCli(['--target', server.url, '--max-requests', '120', '--workers', '1', '--report-dir', testInfo.outputPath('report')], credentials);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('stopped at --max-requests 120');
    // the budget counts the checks' requests; the preflight, discovery and cleanup come on top, boundedly
    const checks = server.methods.length;
    expect(checks).toBeLessThan(400);
    expect(server.service.store.size).toBe(0);
  } finally {
    await server.close();
  }
});
