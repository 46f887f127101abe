// A request the target never answers says nothing about the rule being checked: the check ends in `error` (the kit
// could not check), never `fail`. Here the reference server resets the connection of every POST, so every check that
// creates anything gets no answer to its create.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { BASE_PATH, createFlowService, DEFAULT_CREDENTIALS } from '../../server/app.ts';
import { readResults, runCli } from '../support/run-cli.ts';

const ENV = { AEP_ACCESS_TOKEN: DEFAULT_CREDENTIALS.accessToken, AEP_API_KEY: DEFAULT_CREDENTIALS.apiKey, AEP_ORG_ID: DEFAULT_CREDENTIALS.orgId };

test('a target that resets every POST gets `error`, not `fail`, for checks whose creates got no answer', async ({}, testInfo) => {
  const service = createFlowService({ credentials: DEFAULT_CREDENTIALS });
  let resets = 0;
  const server = createServer((req, res) => {
    if (req.method === 'POST') {
      resets++;
      req.socket.destroy();
      return;
    }
    service.listener(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE_PATH}`;
  const dir = testInfo.outputPath('report');
  try {
    await runCli(['--target', url, '--requirement', 'DRAFT-005,UPD-001', '--workers', '1', '--report-dir', dir], ENV);
    const results = readResults(dir);
    expect(resets).toBeGreaterThan(0);
    for (const id of ['DRAFT-005', 'UPD-001']) {
      const result = results.requirements.find((r) => r.id === id)!;
      expect(`${id} ${result.status}`).toBe(`${id} error`);
      expect(result.reason).toMatch(/POST \/\w+.*no answer from the target \(connection reset/);
    }
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
