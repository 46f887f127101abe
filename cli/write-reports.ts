// From test outcomes to the run's verdict: fold per requirement, apply the baseline, decide the verdict once
// (cli/verdict.ts), write results.json, junit.xml and index.html, print the summary table, and return the exit code
// the CLI documents.
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { applyBaseline, counterexamplesOf, writeBaseline, type Baseline } from './baseline.ts';
import { loadCatalogue } from './catalogue.ts';
import { checksOf } from './checks.ts';
import { fold, summaryOf, type Selection, type TestOutcome } from './fold.ts';
import { renderHtmlReport } from './html-report.ts';
import { renderJunit } from './junit.ts';
import type { Results } from './results.ts';
import { readModelFailures } from '../kit/annotations/model-failure.ts';
import { readModelSummaries } from '../kit/annotations/model-summary.ts';
import { readSpecFlags } from '../kit/annotations/specs.ts';
import { writeRepros } from './repro/write-repros.ts';
import { reproduceOf } from './reproduce.ts';
import type { ShardIdentity } from './shard.ts';
import { printSummary } from './summary.ts';
import { decideVerdict, headlineOf } from './verdict.ts';

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
  /** Why the target was taken to have stopped answering mid-run (kit/breaker.ts). */
  stoppedAnswering?: string;
  readOnly?: boolean;
  maxRequests?: number;
  selection?: Selection;
  /** This run is one shard (--shard I/N): results.json says which, of which run. */
  shard?: ShardIdentity;
  /** merge: the shards it holds and lacks (any lacking: no verdict), and each shard's own Playwright report. */
  merged?: NonNullable<Results['merged']>;
  playwrightReports?: NonNullable<Results['playwrightReports']>;
  /** An embedded run's fault modes: the report says how to start the same server. Unknown (a merge): no such advice. */
  faults?: string[];
}

/** A check skipped for the --max-requests budget: the run stopped short of a verdict. */
function budgetSpent(outcomes: TestOutcome[]): boolean {
  return outcomes.some((o) => o.annotations.some((a) => a.type === 'skip' && a.description?.includes('--max-requests')));
}

/** The draft-support flags the spec checks saw (the read-only probe's main answer). */
function specsSeen(outcomes: TestOutcome[]): Results['specs'] {
  const seen = outcomes.flatMap((o) => readSpecFlags(o.annotations));
  return seen.length > 0 ? seen : undefined;
}

const PACKAGE = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
export const KIT = { name: PACKAGE.name, version: PACKAGE.version };

/**
 * The model-based suite's parts, summed: the run's seed (each part's is derived from it), runs and steps made, the
 * path when it replayed one sequence (merged shards that did not share a seed have none to give); and each failing
 * part's shrunk steps and the line that replays it, as fields for tools (the message ends with the same line).
 */
function modelRun(outcomes: TestOutcome[]): Results['model'] {
  const parts = outcomes.flatMap((o) => readModelSummaries(o.annotations));
  if (parts.length === 0) return undefined;
  const seed = parts.every((p) => p.seed === parts[0]!.seed) ? parts[0]!.seed : undefined;
  const path = parts.find((p) => p.path !== undefined)?.path;
  const failures = outcomes.flatMap((o) => readModelFailures(o.annotations));
  return {
    ...(seed !== undefined ? { seed } : {}), ...(path !== undefined ? { path } : {}),
    runs: parts.reduce((n, p) => n + (p.runs ?? 0), 0), steps: parts.reduce((n, p) => n + (p.steps ?? 0), 0),
    ...(failures.length ? { failures } : {}),
  };
}

/** What is left behind on a --target, with the command that retries deleting it (an embedded server is gone). */
function cleanupOf(context: ReportContext, reportDir: string): NonNullable<Results['cleanup']> {
  const cleanup = context.cleanup!;
  if (context.embedded || cleanup.leftBehind.length === 0) return cleanup;
  return { ...cleanup, command: `npx flow-conformance cleanup --ledger ${join(relative(process.cwd(), reportDir) || '.', 'ledger.jsonl')}` };
}

export function writeReports(reportDir: string, outcomes: TestOutcome[], context: ReportContext, linkLatest: boolean): number {
  const records = fold(outcomes, { strict: context.strict, ...(context.selection ? { selection: context.selection } : {}), ...(context.interrupted ? { interrupted: true } : {}) });
  const model = modelRun(outcomes);
  // a model-based entry is fixed only by a pass of the very sequence it recorded (cli/baseline.ts)
  const replayed = model?.seed !== undefined && model.path !== undefined ? { seed: model.seed, path: model.path } : undefined;
  const gate = applyBaseline(records, context.baseline, new Date(), replayed);
  const decision = decideVerdict(records, {
    strict: context.strict, ...(context.interrupted ? { interrupted: true } : {}), ...(context.stoppedAnswering ? { stoppedAnswering: context.stoppedAnswering } : {}),
    ...(budgetSpent(outcomes) ? { maxRequestsSpent: context.maxRequests ?? 0 } : {}),
    ...(context.merged && context.merged.missing.length > 0 ? { missingShards: context.merged.missing } : {}),
  });
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
    headline: headlineOf(decision),
    knownFailures: decision.knownFailures,
    summary: summaryOf(records),
    requirements: records,
    areas: loadCatalogue().areas,
    ...(model ? { model } : {}),
    // only a report that is there: a merge links each shard's own instead
    ...(!context.merged && existsSync(join(reportDir, 'playwright-report', 'index.html')) ? { playwrightReport: 'playwright-report/index.html' } : {}),
    ...(context.playwrightReports && context.playwrightReports.length > 0 ? { playwrightReports: context.playwrightReports } : {}),
    ...(context.shard ? { shard: context.shard } : {}),
    ...(context.merged ? { merged: context.merged } : {}),
    command: context.command,
    ...(context.cleanup ? { cleanup: cleanupOf(context, reportDir) } : {}),
    ...(context.interrupted ? { interrupted: true } : {}),
    ...(context.readOnly ? { readOnly: true } : {}),
    ...(context.maxRequests !== undefined ? { maxRequests: context.maxRequests } : {}),
    ...(context.selection ? { selection: context.selection } : {}),
  };
  if (context.embedded && context.faults) Object.assign(results, { faults: context.faults, reproduce: reproduceOf(context.faults) });
  results.checks = checksOf(outcomes, records, context.startedAt);
  const specs = specsSeen(outcomes);
  if (specs) results.specs = specs;
  const repros = writeRepros(reportDir, records);
  if (Object.keys(repros).length > 0) results.repros = repros;
  writeFileSync(join(reportDir, 'results.json'), JSON.stringify(results, null, 2));
  writeFileSync(join(reportDir, 'junit.xml'), renderJunit(results));
  writeFileSync(join(reportDir, 'index.html'), renderHtmlReport(results));
  if (context.writeBaseline) {
    const count = writeBaseline(context.writeBaseline, records, counterexamplesOf(outcomes));
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
  // the embedded servers are gone: a failure's curls need the same server again (the report's Reproduce box)
  if (results.reproduce && records.some((r) => r.status === 'fail' || r.status === 'warn')) {
    console.log(`Reproduce    ${results.reproduce.serve}  (the same server again, for the report's curls; its credentials are in the report)\n`);
  }
  if (decision.verdict === 'no-verdict') console.error(`flow-conformance: ${decision.reason}`);
  return decision.exitCode;
}
