// A config file drives what the kit creates, and the secrets it holds, like the credentials, never reach an
// artifact: results.json, junit.xml, index.html, the Playwright report, or the console.
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEFAULT_CREDENTIALS } from '../../server/app.ts';
import { firstDeleteStalls, TARGET_CREDENTIALS } from '../support/stalling-target.ts';
import { artifactTexts } from '../support/artifacts.ts';
import { readResults, runCli } from '../support/run-cli.ts';

/**
 * An embedded run's Reproduce advice prints the reference server's own test credentials on purpose (public values,
 * the ones `npm run serve` takes): there and nowhere else.
 */
function withoutReproduceAdvice(where: string, text: string): string {
  if (where.endsWith('results.json')) return JSON.stringify({ ...JSON.parse(text), reproduce: undefined });
  return where.endsWith('index.html') ? text.replace(/<section class="reproduce"[\s\S]*?<\/section>/, '') : text;
}

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
    expect(withoutReproduceAdvice(where, text).includes('reference-access-token'), `${where} holds the access token`).toBe(false);
  }
  expect(run.stdout + run.stderr).not.toContain(secret);
});

test('with the playwright transport, a request that times out leaves no credential in Playwright\'s own records', async ({}, testInfo) => {
  const target = await firstDeleteStalls();
  try {
    const dir = testInfo.outputPath('report');
    const run = await runCli(['--target', target.url, '--transport', 'playwright', '--timeout', '1', '--requirement', 'DEL-001', '--report-dir', dir], TARGET_CREDENTIALS);
    // the DELETE went unanswered: the kit could not check DEL-001, so no verdict (exit 2), not a failure
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(readResults(dir).requirements.find((r) => r.id === 'DEL-001')?.status, run.stdout + run.stderr).toBe('error');
    const artifacts = artifactTexts(dir);
    const callLogs = artifacts.filter((a) => a.where.includes('playwright-report') && /authorization: Bearer \[redacted\]/.test(a.text));
    expect(callLogs.length, 'Playwright recorded the timed-out call with its headers, masked').toBeGreaterThan(0);
    for (const { where, text } of artifacts) {
      expect(text.includes(DEFAULT_CREDENTIALS.accessToken), `${where} holds the access token`).toBe(false);
      expect(text.includes(DEFAULT_CREDENTIALS.apiKey), `${where} holds the API key`).toBe(false);
    }
    expect(run.stdout + run.stderr).not.toContain(DEFAULT_CREDENTIALS.accessToken);
  } finally {
    await target.close();
  }
});
