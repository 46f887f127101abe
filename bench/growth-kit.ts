// Section 4b: how the kit's run grows. The full default run at --runs 10, 100 and 1000 (one run each: it should be
// linear in runs); the time to catch a sample of fault modes across areas (median of 3, interleaved, --strict); and the
// model-only fault, caught by ORD-007 alone, with the cost of shrinking its counterexample.
import { readModelFailures } from '../kit/annotations/model-failure.ts';
import { FAULTS, type FaultName } from '../server/faults.ts';
import { requirement, runCli, type CliRun } from './cli-run.ts';
import { linearFit, median } from './stats.ts';

export const RUN_BUDGETS = [10, 100, 1000] as const;
/** One fault per area: discovery, gating, drafts, publishing, order, updates, etags (the racing writers), isolation. */
export const SAMPLE_FAULTS: FaultName[] = [
  'draft-flag-as-string', 'draft-connections-ignore-spec-flag', 'create-answers-200', 'flow-publish-is-noop',
  'flow-publish-checks-first-source-only', 'patch-not-persisted', 'patch-check-then-act-race', 'sandboxes-share-one-store',
];
export const MODEL_FAULT: FaultName = 'flow-publish-checks-first-source-once-patched';
const MODEL_ARGS = ['--requirement', 'ORD-007', '--runs', '200', '--seed', '2'];

export interface KitGrowth {
  budgets: { runs: number; wallMs: number; ord007Ms: number; steps: number; msPerRun: number }[];
  /** ORD-007 ms per model run from a least-squares line through the budgets, and between consecutive budgets (equal if linear). */
  fit: { msPerRun: number; fixedMs: number; marginalMsPerRun: { from: number; to: number; msPerRun: number }[] };
  faults: { fault: string; requirements: readonly string[]; wallMs: number[]; medianMs: number; caught: boolean }[];
  model: {
    fault: string;
    wallMs: number[];
    medianMs: number;
    ord007Ms: number;
    /** Runs fast-check made up to the failure, and steps executed in all (shrinking included). */
    runsToFailure: number;
    steps: number;
    shrunkSteps: number;
    /** The same seed's first runsToFailure runs against the healthy server: the time to reach the failure, without shrinking. */
    toFirstFailureMs: number;
    shrinkMs: number;
  };
}

export async function kitGrowth(log: (line: string) => void, budgets: readonly number[] = RUN_BUDGETS): Promise<KitGrowth> {
  const scaled: KitGrowth['budgets'] = [];
  for (const runs of budgets) {
    const run = await runCli(['--runs', String(runs)]);
    const ord = requirement(run, 'ORD-007');
    const steps = run.results.model?.steps ?? NaN;
    scaled.push({ runs, wallMs: run.wallMs, ord007Ms: ord.durationMs, steps, msPerRun: ord.durationMs / runs });
    log(`  --runs ${runs}: ${(run.wallMs / 1000).toFixed(1)} s wall, ORD-007 ${(ord.durationMs / 1000).toFixed(1)} s, ${steps} steps`);
  }
  const line = linearFit(scaled.map((s) => s.runs), scaled.map((s) => s.ord007Ms));

  const caught = new Map<string, { ms: number[]; caught: boolean }>(SAMPLE_FAULTS.map((f) => [f, { ms: [], caught: true }]));
  const modelRuns: CliRun[] = [];
  for (let round = 0; round < 3; round++) {
    for (const fault of SAMPLE_FAULTS) {
      // exit code 1 with a failed requirement of the fault's is the catch; 0 is a miss. --strict, as the kit's own
      // mutation test runs: a broken SHOULD (create-answers-200 breaks DRAFT-008) is then a failure, not a warning.
      const run = await runCli(['--strict', '--fault', fault, '--requirement', FAULTS[fault].breaks.join(',')], { codes: [0, 1] });
      const entry = caught.get(fault)!;
      entry.ms.push(run.wallMs);
      entry.caught &&= run.code === 1 && FAULTS[fault].breaks.some((id) => requirement(run, id).status === 'fail');
    }
    modelRuns.push(await runCli(['--fault', MODEL_FAULT, ...MODEL_ARGS], { codes: [1] }));
    log(`  fault round ${round + 1}/3 done`);
  }
  const modelWall = modelRuns.map((r) => r.wallMs);
  const failing = [...modelRuns].sort((a, b) => a.wallMs - b.wallMs)[modelRuns.length >> 1]!;
  const runsToFailure = failing.results.model?.runs ?? NaN;
  const failure = failing.outcomes.flatMap((o) => readModelFailures(o.annotations))[0];
  const shrunkSteps = failure ? failure.steps.length : NaN;
  // fast-check generates run i from the seed alone, so the healthy server sees the same first runs
  const healthy = await runCli(['--requirement', 'ORD-007', '--runs', String(runsToFailure), '--seed', '2']);
  const ord007Ms = requirement(failing, 'ORD-007').durationMs;
  const toFirstFailureMs = requirement(healthy, 'ORD-007').durationMs;
  return {
    budgets: scaled,
    fit: {
      msPerRun: line.slope, fixedMs: line.intercept,
      marginalMsPerRun: scaled.slice(1).map((b, i) => ({ from: scaled[i]!.runs, to: b.runs, msPerRun: (b.ord007Ms - scaled[i]!.ord007Ms) / (b.runs - scaled[i]!.runs) })),
    },
    faults: SAMPLE_FAULTS.map((fault) => ({ fault, requirements: FAULTS[fault].breaks, wallMs: caught.get(fault)!.ms, medianMs: median(caught.get(fault)!.ms), caught: caught.get(fault)!.caught })),
    model: {
      fault: MODEL_FAULT, wallMs: modelWall, medianMs: median(modelWall), ord007Ms, runsToFailure,
      steps: failing.results.model?.steps ?? NaN, shrunkSteps, toFirstFailureMs, shrinkMs: ord007Ms - toFirstFailureMs,
    },
  };
}
