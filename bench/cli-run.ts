// One timed `node bin/flow-conformance.js` run into a fresh report dir, with what its report says about itself:
// per-requirement durations, the model-based figures, each test's duration, and when each report file was written.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestOutcome } from '../cli/fold.ts';
import type { Results } from '../cli/results.ts';
import { DEFAULT_CREDENTIALS } from '../server/app.ts';
import { timed, type Timed } from './timed.ts';

export interface CliRun extends Timed {
  args: string[];
  results: Results;
  outcomes: TestOutcome[];
  /** mtimes (ms since the epoch): outcomes.json (the suites' reporter, at the runner's end), Playwright's HTML report (last file), results.json. */
  written: { outcomes: number; playwrightReport: number; results: number };
}

/** The caller's shell must not redirect the run: every AEP_* and FLOW_CONFORMANCE_* variable is dropped. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^(AEP_|FLOW_CONFORMANCE_)/.test(name)) env[name] = value;
  return { ...env, ...extra };
}

/** What a run against a separate reference server needs (the credentials it accepts, a second sandbox). */
export const TARGET_ENV = {
  AEP_ACCESS_TOKEN: DEFAULT_CREDENTIALS.accessToken,
  AEP_API_KEY: DEFAULT_CREDENTIALS.apiKey,
  AEP_ORG_ID: DEFAULT_CREDENTIALS.orgId,
  AEP_OTHER_SANDBOX_NAME: 'kit-other',
};

function latestMtime(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? latestMtime(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** `codes`: the exit codes that are an outcome rather than a breakdown (default 0 only). */
export async function runCli(args: string[], options: { env?: Record<string, string>; codes?: number[] } = {}): Promise<CliRun> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  try {
    const run = await timed(process.execPath, ['bin/flow-conformance.js', '--report-dir', dir, ...args], { env: cleanEnv(options.env ?? {}) });
    const codes = options.codes ?? [0];
    if (run.code === null || !codes.includes(run.code)) {
      throw new Error(`flow-conformance ${args.join(' ')} exited ${run.code} (expected ${codes.join(' or ')})\n${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`);
    }
    const read = <T>(file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
    return {
      ...run, args,
      results: read<Results>('results.json'),
      outcomes: read<TestOutcome[]>('outcomes.json'),
      written: {
        outcomes: statSync(join(dir, 'outcomes.json')).mtimeMs,
        playwrightReport: latestMtime(join(dir, 'playwright-report')),
        results: statSync(join(dir, 'results.json')).mtimeMs,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function requirement(run: CliRun, id: string): Results['requirements'][number] {
  const found = run.results.requirements.find((r) => r.id === id);
  if (!found) throw new Error(`${id} is missing from results.json`);
  return found;
}
