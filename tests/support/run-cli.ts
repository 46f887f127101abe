// Runs the flow-conformance bin as a user would, and hands back its exit code and output: with arguments, or a line
// the kit printed (a replay), pasted into a shell.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Results } from '../../cli/results.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const BIN = resolve('bin/flow-conformance.js');
/** What a developer's shell may hold that would point a run at a real target. */
const TARGET_ENV = ['AEP_FLOW_SERVICE_URL', 'AEP_ACCESS_TOKEN', 'AEP_API_KEY', 'AEP_ORG_ID'];

function collect(child: ReturnType<typeof spawn>): Promise<CliRun> {
  return new Promise((done) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CI: '1', ...env };
  for (const name of TARGET_ENV) if (!(name in env)) delete childEnv[name];
  return collect(spawn(process.execPath, [BIN, ...args], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/**
 * A line the kit printed, run by a shell in `cwd` as a user pastes it; only `npx flow-conformance` becomes this
 * checkout's bin. `extraArgs` go after it (a --report-dir, say).
 */
export function runAsPrinted(line: string, cwd: string, extraArgs: string[] = []): Promise<CliRun> {
  expect(line).toMatch(/^npx flow-conformance /);
  const command = [line.replace(/^npx flow-conformance /, `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} `), ...extraArgs.map((a) => JSON.stringify(a))].join(' ');
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '1' };
  for (const name of TARGET_ENV) delete env[name];
  return collect(spawn('sh', ['-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** A maker of scratch directories for one spec file, all removed after its tests. Call at the file's top level. */
export function scratchDirs(prefix: string): () => string {
  const dirs: string[] = [];
  test.afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

export function readResults(dir: string): Results {
  return JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
}
