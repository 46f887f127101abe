// Runs the flow-conformance CLI against a target URL as a user would (credentials in the environment, a config file,
// a report dir) and hands back its exit code and results.json: the very outcome path the CLI folds.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CREDENTIALS } from '../../server/app.ts';
import type { Results } from '../../cli/results.ts';

export interface CliOutcome {
  code: number;
  results?: Results;
  output: string;
  reportDir: string;
}

/**
 * A short settle time and a small model budget keep a run against a broken target short; a fixed seed keeps it the
 * same run every time (this one reaches a race step by its ninth run, which the If-Match targets must fail).
 */
const QUICK_CONFIG = `export default { settleTimeoutMs: 2000, requestTimeoutMs: 10000, model: { runs: 10, maxCommands: 6, seed: 964539216 } };\n`;

export function runCliAgainst(name: string, url: string, options: { otherSandbox?: string; workers?: number } = {}): Promise<CliOutcome> {
  const reportDir = resolve('reports', 'false-pass', name);
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  const config = join(reportDir, '..', `${name}.config.ts`);
  writeFileSync(config, QUICK_CONFIG);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CI: '1',
    AEP_ACCESS_TOKEN: DEFAULT_CREDENTIALS.accessToken,
    AEP_API_KEY: DEFAULT_CREDENTIALS.apiKey,
    AEP_ORG_ID: DEFAULT_CREDENTIALS.orgId,
  };
  for (const variable of ['AEP_FLOW_SERVICE_URL', 'AEP_SANDBOX_NAME', 'AEP_OTHER_SANDBOX_NAME', 'AEP_CLIENT_ID', 'AEP_CLIENT_SECRET', 'FLOW_CONFORMANCE_MUTATION']) delete env[variable];
  if (options.otherSandbox) env.AEP_OTHER_SANDBOX_NAME = options.otherSandbox;
  const args = ['bin/flow-conformance.js', '--target', url, '--config', config, '--report-dir', reportDir, '--workers', String(options.workers ?? 1)];
  return new Promise((done) => {
    // async: the target is served from the calling process
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => {
      let results: Results | undefined;
      try {
        results = JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as Results;
      } catch {
        results = undefined;
      }
      done({ code: code ?? -1, ...(results ? { results } : {}), output, reportDir });
    });
  });
}
