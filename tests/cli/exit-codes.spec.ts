// The CLI's documented exit codes and one-line errors: 0 conformant, 1 non-conformant, 2 no verdict, usage or
// unreachable.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { BASE_PATH, createFlowService, DEFAULT_CREDENTIALS } from '../../server/app.ts';
import { startReferenceServer } from '../../server/listen.ts';
import { loadCatalogue } from '../../cli/catalogue.ts';
import { readResults, runCli } from '../support/run-cli.ts';

const credentials = { AEP_ACCESS_TOKEN: DEFAULT_CREDENTIALS.accessToken, AEP_API_KEY: DEFAULT_CREDENTIALS.apiKey, AEP_ORG_ID: DEFAULT_CREDENTIALS.orgId };

test('--help prints usage with examples and exits 0', async () => {
  const run = await runCli(['--help']);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Exit codes');
  expect(run.stdout).toContain('Examples');
});

test('--version prints the package version', async () => {
  const run = await runCli(['--version']);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^flow-service-conformance \d+\.\d+\.\d+/);
});

test('list prints every catalogue requirement with its level', async () => {
  const run = await runCli(['list']);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/ORD-003\s+MUST/);
  expect(run.stdout).toMatch(new RegExp(`\\n${loadCatalogue().requirements.length} requirements`));
});

const usageErrors: [string, { given: string[]; want: RegExp }][] = [
  ['a target that is not a URL', { given: ['--target', 'not a url'], want: /--target must be an http\(s\) URL/ }],
  ['an unknown flag', { given: ['--frobnicate'], want: /Unknown option/i }],
  ['a malformed shard', { given: ['--shard', '3/2'], want: /--shard must look like/ }],
  ['an unknown requirement', { given: ['--requirement', 'XYZ-001'], want: /unknown requirement XYZ-001/ }],
  ['a negative run budget', { given: ['--runs', '-4'], want: /--runs must be a positive integer|--runs/ }],
  ['an unknown transport', { given: ['--transport', 'curl'], want: /--transport must be one of node, playwright, not 'curl'/ }],
  ['a missing config file', { given: ['--config', 'nope.config.ts'], want: /no such file/ }],
  ['an unknown fault mode', { given: ['--fault', 'nope'], want: /unknown fault mode nope \(known: / }],
  ['a fault with a real target', { given: ['--target', 'http://127.0.0.1:1/x', '--fault', 'etags-unquoted'], want: /--fault only applies/ }],
  ['a real target without credentials', { given: ['--target', 'http://127.0.0.1:1/data/foundation/flowservice'], want: /needs credentials: set AEP_ACCESS_TOKEN/ }],
];
for (const [name, { given, want }] of usageErrors) {
  test(`${name} exits 2 with one line`, async () => {
    const run = await runCli(given);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(want);
    expect(run.stderr).not.toMatch(/\s+at .+:\d+:\d+/);
  });
}

test('an unreachable target exits 2 within seconds with a one-line reason', async () => {
  const started = Date.now();
  const run = await runCli(['--target', 'http://127.0.0.1:9'], credentials);
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toBe('flow-conformance: cannot reach the target http://127.0.0.1:9: connection refused');
  expect(Date.now() - started).toBeLessThan(10_000);
});

test('a target that refuses the credentials exits 2 before any test runs', async () => {
  const server = await startReferenceServer({ credentials: DEFAULT_CREDENTIALS });
  try {
    const run = await runCli(['--target', server.url], { ...credentials, AEP_ACCESS_TOKEN: 'wrong' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/refused the credentials: GET \/connections\?limit=1 answered 401/);
    expect(run.stdout).not.toMatch(/✓|✗/);
  } finally {
    await server.close();
  }
});

test('a URL without the service base path exits 2 naming the problem', async () => {
  const server = await startReferenceServer({ credentials: DEFAULT_CREDENTIALS });
  try {
    const run = await runCli(['--target', server.origin], credentials);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no Flow Service at .*answered 404/);
  } finally {
    await server.close();
  }
});

test('a target with a fault exits 1 and the report names what failed', async ({}, testInfo) => {
  const server = await startReferenceServer({ credentials: DEFAULT_CREDENTIALS, faults: ['flow-publish-checks-first-source-only'] });
  const dir = testInfo.outputPath('report');
  try {
    const run = await runCli(['--target', server.url, '--report-dir', dir, '--requirement', 'ORD-003,ORD-004,PUB-004'], credentials);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('NON-CONFORMANT');
    expect(run.stdout).toMatch(/✗ ORD-003/);
    const results = readResults(dir);
    expect(results.verdict).toBe('non-conformant');
    const failed = results.requirements.filter((r) => r.status === 'fail').map((r) => r.id);
    expect(failed).toEqual(['ORD-003']);
    expect(results.requirements.find((r) => r.id === 'ORD-003')?.reason).toMatch(/expected 4xx .*received 200 .*\[ORD-003\]/);
  } finally {
    await server.close();
  }
});

test('a target that resets every create gives no verdict: exit 2, naming what could not be checked', async ({}, testInfo) => {
  const service = createFlowService({ credentials: DEFAULT_CREDENTIALS });
  const server = createServer((req, res) => (req.method === 'POST' ? req.socket.destroy() : service.listener(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dir = testInfo.outputPath('report');
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE_PATH}`;
    const run = await runCli(['--target', url, '--report-dir', dir, '--requirement', 'DRAFT-001,PUB-006'], credentials);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).toMatch(/^\? DRAFT-001 /m);
    expect(run.stdout).not.toMatch(/^✗ /m);
    expect(run.stdout).toContain('NO VERDICT');
    expect(run.stdout).toContain('Could not check:');
    expect(run.stderr).toContain('no verdict: the kit could not check 1 MUST requirement: DRAFT-001');
    const results = readResults(dir);
    expect(results.verdict).toBe('no-verdict');
    expect(results.requirements.find((r) => r.id === 'DRAFT-001')).toMatchObject({ status: 'error', reason: expect.stringMatching(/POST \/connections.*no answer/) });
    expect(results.requirements.find((r) => r.id === 'PUB-006')?.status).toBe('error');
    expect(results.summary.error).toBe(2);
    expect(results.summary.fail).toBe(0);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
