// One property of the schema-driven suite, run with fast-check: cases generated from the test's seed, each checked
// against the target, the first failure shrunk to a minimal body. Modelled on the model-based suite's parts
// (suites/model/part.ts): a budget of runs and of time checked between cases (a slow target gets fewer cases, never
// a timeout), harness problems end the property without shrinking, and a failure is replayed once more from the
// printed seed and path before it is reported, with that case's own body, mutation and exchanges.
import fc from 'fast-check';
import { caseStep } from '../support/case-step.ts';
import { deleteEntries, type Ledger } from '../support/fixtures.ts';
import type { Exchange } from '../../kit/exchange.ts';
import type { Recorder } from '../support/recorder.ts';
import type { Redactor } from '../../kit/redact.ts';
import { CouldNotCheck } from '../support/verdicts.ts';

/** What a case is sending now: the failure report shows the one that broke the rule. */
export interface Sending {
  /** The request, as `POST /connections?mode=draft`. */
  request?: string;
  /** The mutation's label, for an invalid body. */
  mutation?: string;
  body?: unknown;
}

export interface PropertyPlan {
  seed: number;
  runs: number;
  /** fast-check's path of one case to replay (`--path`). */
  path?: string;
}

export interface PropertyContext<T> {
  requirement: string;
  arbitrary: fc.Arbitrary<T>;
  /**
   * One case: throws the kit's RequirementFailure when the target broke the rule, CouldNotCheck when it cannot tell.
   * Returns how many answers it judged (a pass needs some).
   */
  check: (value: T, sending: Sending) => Promise<number>;
  plan: PropertyPlan;
  budgetMs: number;
  ledger: Ledger;
  recorder: Recorder;
  redactor: Redactor;
  replayCommand: (seed: number, path: string) => string;
}

export interface PropertyReport {
  runs: number;
  judged: number;
  shortfall?: string;
  failure?: { message: string; mutation?: string; body: unknown; replay: string; exchanges: Exchange[] };
}

interface Failing {
  error: unknown;
  sending: Sending;
  exchanges: Exchange[];
}

function isHarnessProblem(error: unknown): boolean {
  return error instanceof CouldNotCheck || (error instanceof Error && error.message.includes('--max-requests'));
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

export async function runProperty<T>(ctx: PropertyContext<T>): Promise<PropertyReport> {
  const replaying = ctx.plan.path !== undefined;
  let deadline = Date.now() + ctx.budgetMs;
  let runs = 0;
  let judged = 0;
  let cut: string | undefined;
  let harness: unknown;
  let failing: Failing | undefined;
  let started = 0;
  let onlyOne = replaying;


  const property = fc.asyncProperty(ctx.arbitrary, async (value) => {
    if (harness !== undefined) throw new fc.PreconditionFailure(true);
    if (onlyOne && started >= 1) throw new fc.PreconditionFailure(true); // a replay is that one case
    if (Date.now() >= deadline) {
      cut ??= `its time budget of ${Math.round(ctx.budgetMs / 1000)} s ran out`;
      throw new fc.PreconditionFailure(true);
    }
    started++;
    const before = ctx.ledger.entries.length;
    const sending: Sending = {};
    const exchanges: Exchange[] = [];
    // one step a case: Playwright then finds each request's parent step at once (see suites/model/part.ts)
    await caseStep('property case', async () => {
      ctx.recorder.sink = exchanges;
      try {
        judged += await ctx.check(value, sending);
        runs++;
      } catch (error) {
        if (isHarnessProblem(error)) {
          harness = error;
          throw new fc.PreconditionFailure(true);
        }
        // the last case that fails is the counterexample: shrinking only ever moves to a failing case
        failing = { error, sending: { ...sending }, exchanges: [...exchanges] };
        deadline = Math.max(deadline, Date.now() + ctx.budgetMs);
        throw error;
      } finally {
        ctx.recorder.sink = undefined;
        await deleteEntries(ctx.ledger, ctx.ledger.entries.slice(before));
      }
    });
  });

  const check = async (parameters: fc.Parameters<[T]>): Promise<fc.RunDetails<[T]>> => {
    try {
      return await fc.check(property, parameters);
    } catch (error) {
      throw new CouldNotCheck(`could not check: fast-check could not run --seed ${ctx.plan.seed}${parameters.path ? ` --path ${parameters.path}` : ''}: ${firstLine(error)} (is it the --path the failure report printed?) [${ctx.requirement}]`);
    }
  };

  const details = await check({ seed: ctx.plan.seed, ...(replaying ? { path: ctx.plan.path, endOnFailure: true } : { numRuns: ctx.plan.runs }) });
  const found = failing as Failing | undefined;
  if (found && details.failed && details.counterexamplePath) {
    const path = details.counterexamplePath;
    const replay = ctx.replayCommand(ctx.plan.seed, path);
    let reproduced = true;
    if (!replaying) {
      // the printed replay, once more: it must fail again, and its case is the evidence
      failing = undefined;
      harness = undefined;
      started = 0;
      deadline = Date.now() + ctx.budgetMs;
      onlyOne = true;
      await check({ seed: ctx.plan.seed, path, endOnFailure: true }).catch((error: unknown) => (harness = error));
      reproduced = failing !== undefined;
    }
    const shown = (failing as Failing | undefined) ?? found;
    const body = ctx.redactor.json(shown.sending.body);
    const lines = [
      firstLine(shown.error),
      ...(shown.sending.request ? [`request: ${shown.sending.request}`] : []),
      ...(shown.sending.mutation ? [`mutation: ${shown.sending.mutation}`] : []),
      // non-ASCII escaped: the character a shrunk name was cut down to is often invisible
      `shrunk body: ${JSON.stringify(body)?.replace(/[^\u0020-\u007e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`,
      `replay: ${replay}`,
      ...(reproduced ? [] : [`(the replay of this case did not fail again${harness ? `: ${firstLine(harness)}` : ''}; the body is that of the case that failed)`]),
    ];
    return { runs: details.numRuns, judged, failure: { message: lines.join('\n'), ...(shown.sending.mutation ? { mutation: shown.sending.mutation } : {}), body, replay, exchanges: shown.exchanges } };
  }
  if (harness !== undefined) throw harness;
  if (details.failed && !found) throw new CouldNotCheck(`could not check: fast-check stopped: ${firstLine((details as { errorInstance?: unknown }).errorInstance ?? 'no reason given')} [${ctx.requirement}]`);
  const report: PropertyReport = { runs, judged };
  if (cut) report.shortfall = `${runs} of ${ctx.plan.runs} cases: ${cut}`;
  return report;
}
