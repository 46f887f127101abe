// Runs the conformance suites in a child Playwright process with the CLI's own reporter, as the CLI does, and folds
// its outcomes into per-requirement results for each project (the conformance project, or one project per fault mode):
// the outcomes are built by the one adapter the CLI uses (cli/outcome.ts), so the matrix folds what the CLI folds.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold, type RequirementResult, type TestOutcome } from '../../cli/fold.ts';
import { outcomesByProject } from '../../cli/outcome.ts';
import { OUTCOMES_FILE } from '../../cli/outcomes-reporter.ts';

const OUTCOMES_REPORTER = fileURLToPath(new URL('../../cli/outcomes-reporter.ts', import.meta.url));

export interface KitRun {
  byProject: Map<string, RequirementResult[]>;
  exitCode: number;
}

export async function runKit(options: { name: string; env?: Record<string, string>; projects: string[]; strict: boolean; grep?: string }): Promise<KitRun> {
  const dir = join('reports', 'self-validation', options.name);
  mkdirSync(dir, { recursive: true });
  const outcomesFile = join(dir, OUTCOMES_FILE);
  rmSync(outcomesFile, { force: true });
  const args = ['playwright', 'test', ...options.projects.map((p) => `--project=${p}`), `--reporter=${OUTCOMES_REPORTER}`, `--output=${join(dir, 'test-results')}`];
  if (options.grep) args.push('--grep', options.grep);
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, FLOW_CONFORMANCE_REPORT_DIR: dir, ...(options.strict ? { FLOW_CONFORMANCE_STRICT: '1' } : {}) };
  delete env.AEP_FLOW_SERVICE_URL;
  if (options.env?.AEP_FLOW_SERVICE_URL) env.AEP_FLOW_SERVICE_URL = options.env.AEP_FLOW_SERVICE_URL;
  // async spawn: the target may be served from this very process
  const exitCode = await new Promise<number>((resolve) => {
    const child = spawn('npx', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => resolve(code ?? 1));
  });
  const byProject = new Map<string, RequirementResult[]>();
  const outcomes = JSON.parse(readFileSync(outcomesFile, 'utf8')) as TestOutcome[];
  for (const [project, ofProject] of outcomesByProject(outcomes)) byProject.set(project, fold(ofProject, { strict: options.strict }));
  return { byProject, exitCode };
}

export function describeResults(results: RequirementResult[], filter: (r: RequirementResult) => boolean): string {
  return results.filter(filter).map((r) => `${r.id} ${r.status}: ${r.reason}`).join('\n');
}
