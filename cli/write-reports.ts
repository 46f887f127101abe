// From test outcomes to the run's verdict: fold per requirement, apply the baseline, decide the verdict once
// (cli/verdict.ts), write results.json, junit.xml and index.html, print the summary table, and return the exit code
// the CLI documents.
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { applyBaseline, writeBaseline, type Baseline } from './baseline.ts';
import { loadCatalogue } from './catalogue.ts';
import { fold, summaryOf, type Selection, type TestOutcome } from './fold.ts';
import { renderHtmlReport } from './html-report.ts';
import { renderJunit } from './junit.ts';
import type { Results } from './results.ts';
import { printSummary } from './summary.ts';
import { decideVerdict } from './verdict.ts';

export interface ReportContext {
  target: string;
  embedded: boolean;
  startedAt: Date;
  finishedAt: Date;
  strict: boolean;
  baseline?: Baseline | undefined;
  writeBaseline?: string | undefined;
  command: string;
  cleanup?: Results['cleanup'];
  interrupted?: boolean;
  /** Why the target was taken to have stopped answering mid-run (suites/support/breaker.ts). */
  stoppedAnswering?: string;
  readOnly?: boolean;
  maxRequests?: number;
  selection?: Selection;
}

/** A check skipped for the --max-requests budget: the run stopped short of a verdict. */
function budgetSpent(outcomes: TestOutcome[]): boolean {
  return outcomes.some((o) => o.annotations.some((a) => a.type === 'skip' && a.description?.includes('--max-requests')));
}

/** The draft-support flags the spec checks saw (the read-only probe's main answer). */
function specsSeen(outcomes: TestOutcome[]): Results['specs'] {
  const seen = outcomes.flatMap((o) => o.annotations.filter((a) => a.type === 'specs' && a.description).flatMap((a) => JSON.parse(a.description!) as NonNullable<Results['specs']>));
  return seen.length > 0 ? seen : undefined;
}

const PACKAGE = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
export const KIT = { name: PACKAGE.name, version: PACKAGE.version };

/** The model-based suite's parts, summed: the run's seed (each part's is derived from it), runs and steps made. */
function modelRun(outcomes: TestOutcome[]): Results['model'] {
  const parts = outcomes.flatMap((o) => o.annotations.filter((a) => a.type === 'model' && a.description).map((a) => JSON.parse(a.description!) as { seed?: number; runs?: number; steps?: number }));
  if (parts.length === 0) return undefined;
  return { ...(parts[0]!.seed !== undefined ? { seed: parts[0]!.seed } : {}), runs: parts.reduce((n, p) => n + (p.runs ?? 0), 0), steps: parts.reduce((n, p) => n + (p.steps ?? 0), 0) };
}

export function writeReports(reportDir: string, outcomes: TestOutcome[], context: ReportContext, linkLatest: boolean): number {
  const records = fold(outcomes, { strict: context.strict, ...(context.selection ? { selection: context.selection } : {}), ...(context.interrupted ? { interrupted: true } : {}) });
  const gate = applyBaseline(records, context.baseline);
  const decision = decideVerdict(records, {
    strict: context.strict, ...(context.interrupted ? { interrupted: true } : {}), ...(context.stoppedAnswering ? { stoppedAnswering: context.stoppedAnswering } : {}),
    ...(budgetSpent(outcomes) ? { maxRequestsSpent: context.maxRequests ?? 0 } : {}),
  });
  const model = modelRun(outcomes);
  const results: Results = {
    kit: KIT,
    target: context.target,
    embedded: context.embedded,
    startedAt: context.startedAt.toISOString(),
    finishedAt: context.finishedAt.toISOString(),
    strict: context.strict,
    seed: model?.seed ?? null,
    verdict: decision.verdict,
    verdictReason: decision.reason,
    summary: summaryOf(records),
    requirements: records,
    areas: loadCatalogue().areas,
    ...(model ? { model } : {}),
    playwrightReport: 'playwright-report/index.html',
    command: context.command,
    ...(context.cleanup ? { cleanup: context.cleanup } : {}),
    ...(context.interrupted ? { interrupted: true } : {}),
    ...(context.readOnly ? { readOnly: true } : {}),
    ...(context.maxRequests !== undefined ? { maxRequests: context.maxRequests } : {}),
    ...(context.selection ? { selection: context.selection } : {}),
  };
  const specs = specsSeen(outcomes);
  if (specs) results.specs = specs;
  writeFileSync(join(reportDir, 'results.json'), JSON.stringify(results, null, 2));
  writeFileSync(join(reportDir, 'junit.xml'), renderJunit(results));
  writeFileSync(join(reportDir, 'index.html'), renderHtmlReport(results));
  if (context.writeBaseline) {
    const count = writeBaseline(context.writeBaseline, records);
    console.log(`wrote a baseline of ${count} known failure${count === 1 ? '' : 's'} to ${context.writeBaseline}`);
  }
  if (linkLatest) {
    const latest = join(dirname(reportDir), 'latest');
    rmSync(latest, { force: true, recursive: false });
    try {
      symlinkSync(basename(reportDir), latest, 'dir');
    } catch {
      // a file system without symlinks still has the dated folder
    }
  }
  printSummary(results, gate, relative(process.cwd(), reportDir) || '.');
  if (decision.verdict === 'no-verdict') console.error(`flow-conformance: ${decision.reason}`);
  return decision.exitCode;
}
