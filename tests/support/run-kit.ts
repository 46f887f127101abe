// Runs the conformance suites in a child Playwright process, as the CLI does, and folds the JSON report into
// per-requirement results for each project (the conformance project, or one project per fault mode).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fold, type RequirementResult } from '../../cli/fold.ts';
import { outcomesByProject, readJsonReport } from '../../cli/playwright-json.ts';

export interface KitRun {
  byProject: Map<string, RequirementResult[]>;
  exitCode: number;
}

export async function runKit(options: { name: string; env?: Record<string, string>; projects: string[]; strict: boolean; grep?: string }): Promise<KitRun> {
  const dir = join('reports', 'self-validation', options.name);
  mkdirSync(dir, { recursive: true });
  const jsonFile = join(dir, 'report.json');
  const args = ['playwright', 'test', ...options.projects.map((p) => `--project=${p}`), '--reporter=json', `--output=${join(dir, 'test-results')}`];
  if (options.grep) args.push('--grep', options.grep);
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile, ...(options.strict ? { FLOW_CONFORMANCE_STRICT: '1' } : {}) };
  delete env.AEP_FLOW_SERVICE_URL;
  if (options.env?.AEP_FLOW_SERVICE_URL) env.AEP_FLOW_SERVICE_URL = options.env.AEP_FLOW_SERVICE_URL;
  // async spawn: the target may be served from this very process
  const exitCode = await new Promise<number>((resolve) => {
    const child = spawn('npx', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => resolve(code ?? 1));
  });
  const byProject = new Map<string, RequirementResult[]>();
  for (const [project, outcomes] of outcomesByProject(readJsonReport(jsonFile))) byProject.set(project, fold(outcomes, { strict: options.strict }));
  return { byProject, exitCode };
}

export function describeResults(results: RequirementResult[], filter: (r: RequirementResult) => boolean): string {
  return results.filter(filter).map((r) => `${r.id} ${r.status}: ${r.reason}`).join('\n');
}
