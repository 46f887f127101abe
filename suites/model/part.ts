// One part of the model-based suite (ORD-007): fast-check generates and shrinks sequences of commands from this part's
// seed, each run on a fresh model against the target. The part keeps to its time budget at step granularity, so a
// slow target means fewer runs, never a timeout; and a failure is reported from the run that was the shrunk
// counterexample (its own step labels and exchanges), replayed once more from the printed seed and path.
import fc from 'fast-check';
import type { Builders } from '../support/builders.ts';
import type { FlowClient } from '../support/client.ts';
import { caseStep } from '../support/case-step.ts';
import { deleteEntries, type Ledger } from '../support/fixtures.ts';
import type { Exchange } from '../../kit/exchange.ts';
import type { Recorder } from '../support/recorder.ts';
import { CouldNotCheck } from '../support/verdicts.ts';
import { commandArbitraries } from './arbitraries.ts';
import type { PartPlan } from './budget.ts';
import type { Real } from './commands.ts';
import { Model } from './model.ts';

export interface PartContext {
  plan: PartPlan;
  api: FlowClient;
  build: Builders;
  ledger: Ledger;
  recorder: Recorder;
  strict: boolean;
  maxCommands: number;
  /** How long this part may make runs; shrinking and the final replay get as long again each. */
  budgetMs: number;
  /** The command line that replays a part's sequence, less --seed and --path. */
  replayCommand: (seed: number, path: string) => string;
  now?: () => number;
}

export interface PartReport {
  seed: number;
  runs: number;
  steps: number;
  /** Set when the part made fewer runs than planned, and why. */
  shortfall?: string;
  /** The failure, in the kit's words, with the shrunk sequence and the replay line. */
  failure?: { message: string; cause: string; notes: string[]; steps: string[]; path: string; replay: string; exchanges: Exchange[] };
}

interface FailingRun {
  error: unknown;
  trace: string[];
  exchanges: Exchange[];
}

type Phase = 'generating' | 'shrinking' | 'replaying';

/** A harness problem met mid-run: it stops fast-check at once (no shrinking a transport failure) and ends the part. */
function isHarnessProblem(error: unknown): boolean {
  return error instanceof CouldNotCheck || (error instanceof Error && error.message.includes('--max-requests'));
}

export async function runPart(ctx: PartContext): Promise<PartReport> {
  const now = ctx.now ?? Date.now;
  const { plan } = ctx;
  const replaying = plan.path !== undefined;
  const started = now();
  let phase: Phase = replaying ? 'replaying' : 'generating';
  let phaseEnd = started + ctx.budgetMs;
  let steps = 0;
  let runsStarted = 0;
  let cut: string | undefined;
  let harness: unknown;
  let failing: FailingRun | undefined;

  // the recorder keeps a bounded, redacted history; a run's own exchanges are the evidence if it fails

  const stop = (why: string): never => {
    cut ??= why;
    throw new fc.PreconditionFailure(true);
  };
  const budget = `${Math.round(ctx.budgetMs / 1000)} s`;

  // fast-check's shrinks of a command sequence depend on which commands ran, so a replay needs that log as well as
  // the seed and path: the replay line carries it after the path (`--path "12:3:1~BA:B"`)
  const [path, replayLog] = splitPath(plan.path);
  const property = (log: string | undefined) => fc.asyncProperty(fc.commands(commandArbitraries(), { maxCommands: ctx.maxCommands, size: 'max', ...(log ? { replayPath: log } : {}) }), async (commands) => {
    if (harness !== undefined) throw new fc.PreconditionFailure(true);
    if (phase === 'replaying' && runsStarted >= 1) throw new fc.PreconditionFailure(true); // a replay is that one sequence
    if (now() >= phaseEnd) stop(`its time budget of ${budget} ran out while ${phase}`);
    runsStarted++;
    const before = ctx.ledger.entries.length;
    const trace: string[] = [];
    const exchanges: Exchange[] = [];
    const real: Real = { api: ctx.api, build: ctx.build, trace };
    // Inside a step, each request Playwright records finds its parent step at once; outside one, Playwright walks every
    // step the test has recorded so far (one per request), which made long runs quadratic (bench/: --runs 1000).
    await caseStep('model run', async () => {
      ctx.recorder.sink = exchanges;
      try {
        const model = new Model(ctx.strict);
        let made = 0;
        for (const command of commands) {
          // cut between steps, so the budget holds whatever a run's length: the steps made were checked all the same
          if (now() >= phaseEnd) stop(`its time budget of ${budget} ran out in the middle of a run while ${phase}`);
          if (!command.check(model)) continue;
          steps++;
          made++;
          await command.run(model, real);
        }
        // a sequence with no step that could run (empty, or nothing to act on) checks nothing: fast-check counts it
        // as skipped and generates another, so a small budget still makes its runs (3 empty runs did happen)
        if (made === 0) throw new fc.PreconditionFailure();
      } catch (error) {
        if (fc.PreconditionFailure.isFailure(error)) throw error;
        if (isHarnessProblem(error)) {
          harness = error;
          throw new fc.PreconditionFailure(true);
        }
        // the last run that fails is the counterexample: shrinking only ever moves to a failing sequence
        failing = { error, trace: [...trace], exchanges: [...exchanges] };
        if (phase === 'generating') {
          phase = 'shrinking';
          phaseEnd = now() + ctx.budgetMs;
        }
        throw error;
      } finally {
        ctx.recorder.sink = undefined;
        // what this run created (the test's ledger lists every create): deleted now, so runs do not pile up
        await deleteEntries(ctx.ledger, ctx.ledger.entries.slice(before));
      }
    });
  });

  const details = await check(property(replayLog), {
    seed: plan.seed,
    ...(replaying ? { path, endOnFailure: true } : { numRuns: plan.runs }),
  }, plan);
  const found = failing;
  // fast-check counts the successes before the first failure; while shrinking, only the run it failed on more
  const runs = found ? details.numRuns : replaying ? runsStarted : details.numRuns;
  const report: PartReport = { seed: plan.seed, runs, steps };

  if (found && details.failed && details.counterexamplePath) {
    const log = replayLogOf(details.counterexample?.[0]) ?? replayLog;
    const failedPath = `${details.counterexamplePath}${log ? `~${log}` : ''}`;
    const replay = ctx.replayCommand(plan.seed, failedPath);
    let reproduced = true;
    if (!replaying) {
      // the printed replay, once more: it must fail again, and its run is the evidence
      phase = 'replaying';
      phaseEnd = now() + ctx.budgetMs;
      runsStarted = 0;
      failing = undefined;
      harness = undefined;
      await check(property(log), { seed: plan.seed, path: details.counterexamplePath, endOnFailure: true }, plan).catch((error: unknown) => (harness = error));
      reproduced = failing !== undefined;
    }
    const shown: FailingRun = failing ?? found;
    const cause = shown.error instanceof Error ? shown.error.message : String(shown.error);
    const lines = shown.trace.map((step, i) => `  ${i + 1}. ${step}`);
    const notes = [
      ...(reproduced ? [] : [`(the replay of this sequence did not fail again${harness ? `: ${firstLine(harness)}` : ''}; the steps are those of the run that failed)`]),
      ...(cut && found ? [`(shrinking stopped early: ${cut})`] : []),
    ];
    report.failure = {
      message: `${firstLine(cause)}\nshrunk sequence (${lines.length} steps):\n${lines.join('\n')}\nreplay: ${replay}${notes.length ? `\n${notes.join('\n')}` : ''}`,
      cause: firstLine(cause),
      notes,
      steps: shown.trace,
      path: failedPath,
      replay,
      exchanges: shown.exchanges,
    };
    return report;
  }
  if (harness !== undefined) throw harness;
  if (cut) report.shortfall = `${runs} of ${plan.runs} runs, ${steps} steps: ${cut}`;
  return report;
}

/** fc.check, with fast-check's own refusals (a path or log that does not fit this seed) as the kit's, not the target's. */
async function check<T>(property: fc.IAsyncPropertyWithHooks<T>, parameters: fc.Parameters<T>, plan: PartPlan): Promise<fc.RunDetails<T>> {
  try {
    return await fc.check(property, parameters);
  } catch (error) {
    const given = parameters.path !== undefined ? ` --seed ${plan.seed} --path ${parameters.path}` : ` --seed ${plan.seed}`;
    throw new CouldNotCheck(`could not check: fast-check could not run${given}: ${firstLine(error)} (is it the whole --path the failure report printed?) [ORD-007]`);
  }
}

/** `--path` as the replay line prints it: fast-check's path, then (after `~`) its log of the commands that ran. */
export function splitPath(path: string | undefined): [string | undefined, string | undefined] {
  if (path === undefined) return [undefined, undefined];
  const at = path.indexOf('~');
  return at < 0 ? [path, undefined] : [path.slice(0, at), path.slice(at + 1)];
}

/** The commands' replay log from a counterexample (fast-check's `replayPath="…"` metadata). */
function replayLogOf(value: unknown): string | undefined {
  const metadata = (value as { metadataForReplay?: () => string } | undefined)?.metadataForReplay?.();
  const match = /replayPath=("(?:[^"\\]|\\.)*")/.exec(metadata ?? '');
  return match ? (JSON.parse(match[1]!) as string) : undefined;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

/**
 * The part's verdict on its own coverage: a pass needs steps that were made. A run cut short by the time budget still
 * checked each of its steps, so steps are enough (the shortfall says that no run was completed).
 */
export function requireCoverage(report: PartReport, plan: PartPlan): void {
  if (report.steps > 0) return;
  const what = plan.path !== undefined ? `--seed ${plan.seed} --path ${plan.path} names no sequence fast-check could replay`
    : report.shortfall ?? `its ${report.runs} runs made no step`;
  throw new CouldNotCheck(`could not check: part ${plan.part + 1} made ${report.runs} complete runs and ${report.steps} steps: ${what} [ORD-007]`);
}
