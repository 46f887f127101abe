// The kit as users get it: `npm pack`, `npm i -D` of the tarball in a fresh project, then `npx flow-conformance`.
// The tarball holds compiled JavaScript and no tests; the installed bin runs the embedded default and a --target
// run with a TypeScript config that imports defineConfig from the package (in a project that is not
// "type": "module", the common case), each with exit 0 and a full report. The reference server the --target run
// checks is the package's own export, started from the consumer's project.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import type { Results } from '../../cli/results.ts';

const run = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const CREDENTIALS = { AEP_ACCESS_TOKEN: 'consumer-token-5d1e', AEP_API_KEY: 'consumer-key', AEP_ORG_ID: 'CONSUMER0000000000000000@AdobeOrg' };

test.describe.configure({ mode: 'serial', timeout: 900_000 });

let project = '';
let tarball = '';

test.beforeAll(async ({}, testInfo) => {
  // building, packing and installing from the registry's cache: minutes on a loaded machine, and no verdict rests on it
  test.setTimeout(600_000);
  const packDir = testInfo.outputPath('pack');
  mkdirSync(packDir, { recursive: true });
  // prepack builds dist/ first, as `npm publish` would
  const packed = await run(NPM, ['pack', '--pack-destination', packDir, '--json'], { maxBuffer: 64 << 20 });
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = join(packDir, info!.filename);
  const files = info!.files.map((f) => f.path);
  // what runs, and nothing else: no tests, no benches, no TypeScript sources (declarations are fine)
  expect(files).toContain('bin/flow-conformance.js');
  expect(files).toContain('dist/cli/main.js');
  expect(files).toContain('dist/index.d.ts');
  expect(files.filter((f) => /^(tests|bench|scripts|dist\/tests|dist\/bench)\//.test(f) || /(?<!\.d)\.ts$/.test(f))).toEqual([]);
  expect(files).toContain('dist/suites/drafts.spec.js');

  project = testInfo.outputPath('consumer');
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  await run(NPM, ['install', '--save-dev', tarball, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: project, maxBuffer: 64 << 20 });
});

function npx(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, CI: '1', ...env };
    for (const name of ['AEP_FLOW_SERVICE_URL', 'FLOW_CONFORMANCE_MUTATION']) delete childEnv[name];
    const child = spawn('npx', ['--no-install', 'flow-conformance', ...args], { cwd: project, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

const results = (dir: string) => JSON.parse(readFileSync(join(project, dir, 'results.json'), 'utf8')) as Results;

test('the installed bin runs the embedded default: exit 0, conformant, every requirement passed, a full report', async () => {
  const { code, output } = await npx(['--report-dir', 'reports/embedded']);
  expect(code, output).toBe(0);
  const report = results('reports/embedded');
  expect(report.verdict).toBe('conformant');
  expect(report.requirements.filter((r) => r.status !== 'pass').map((r) => `${r.id} ${r.status}`)).toEqual([]);
  expect(readdirSync(join(project, 'reports/embedded'))).toEqual(expect.arrayContaining(['index.html', 'junit.xml', 'results.json', 'playwright-report']));
});

test('the installed bin runs --target with a TypeScript config that imports defineConfig from the package', async () => {
  writeFileSync(join(project, 'flow-conformance.config.ts'), [
    "import { defineConfig } from 'flow-service-conformance';",
    '',
    'export default defineConfig({ model: { runs: 8 } });',
    '',
  ].join('\n'));
  writeFileSync(join(project, 'serve.mjs'), [
    "import { startReferenceServer } from 'flow-service-conformance';",
    'const server = await startReferenceServer({ port: 0 });',
    'console.log(server.url);',
    "process.on('SIGTERM', () => server.close().then(() => process.exit(0)));",
  ].join('\n'));
  const server: ChildProcess = spawn(process.execPath, ['serve.mjs'], { cwd: project, env: { ...process.env, ...CREDENTIALS }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [first] = (await once(server.stdout!, 'data')) as [Buffer];
    const url = first.toString().trim().split('\n')[0]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const { code, output } = await npx(['--target', url, '--report-dir', 'reports/target'], CREDENTIALS);
    expect(code, output).toBe(0);
    const report = results('reports/target');
    expect(report.verdict).toBe('conformant');
    // the config was read: its model budget is what ran
    expect(report.model?.runs).toBe(8);
    expect(report.requirements.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => `${r.id} ${r.status}: ${r.reason}`)).toEqual([]);
    expect(readFileSync(join(project, 'reports/target/results.json'), 'utf8')).not.toContain(CREDENTIALS.AEP_ACCESS_TOKEN);
  } finally {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
});
