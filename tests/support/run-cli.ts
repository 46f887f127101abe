// Runs the flow-conformance bin as a user would, and hands back its exit code and output.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from '../../cli/results.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, CI: '1', ...env };
    for (const name of ['AEP_FLOW_SERVICE_URL', 'AEP_ACCESS_TOKEN', 'AEP_API_KEY', 'AEP_ORG_ID']) if (!(name in env)) delete childEnv[name];
    const child = spawn(process.execPath, ['bin/flow-conformance.js', ...args], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export function readResults(dir: string): Results {
  return JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
}
