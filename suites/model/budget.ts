// How the model-based suite (ORD-007) spends its budget: the runs split over a few seeded parts that run in parallel,
// a time budget after which a part stops starting runs, and the test timeout that follows from both. Pure functions,
// so the arithmetic is testable without a target.
import type { KitConfig } from '../../kit/config.ts';

/** Parts of the suite: separate tests, so workers share the runs. Each has its own seed, model and entities. */
export const PARTS = 4;
export const DEFAULT_RUNS = 50;
export const DEFAULT_MAX_COMMANDS = 30;
/** Wall time the whole suite may spend starting runs (a slow or rate-limited target gets fewer runs, never a fail). */
export const DEFAULT_TIME_BUDGET_MS = 40_000;
/**
 * The embedded reference server answers in microseconds, so its runs are what was asked, however loaded the machine:
 * the self-validation's mutation test (a fault only a given run finds) must not depend on a clock.
 */
export const EMBEDDED_TIME_BUDGET_MS = 600_000;
/** At most this many requests can be in flight for one step (a race of 5 patches, its GET, a settle poll). */
const REQUESTS_PER_STEP = 8;

export type ModelConfig = NonNullable<KitConfig['model']>;

export interface PartPlan {
  part: number;
  /** This part's own seed: what its replay line prints. */
  seed: number;
  runs: number;
  path?: string;
  /** Why this part does not run (not-applicable), if it does not. */
  skip?: string;
}

/**
 * Without --seed, one seed for the whole run, the same in every worker: derived from the run id the CLI gives all
 * workers, so the summary's seed replays every part (`--seed S` gives part i the seed S + i). Seeds are kept unsigned:
 * fast-check takes -1 and 2^32 - 1 as one seed, so a signed seed typed from fast-check's output (`--seed -5`) runs the
 * sequences the printed unsigned one (4294967291) replays, and the part seeds S + i wrap the same way for both.
 */
export function masterSeed(config: ModelConfig, runId: string | undefined, random: () => number = Math.random): number {
  if (config.seed !== undefined) return config.seed >>> 0;
  if (!runId) return (Date.now() ^ (random() * 0x100000000)) >>> 0;
  let hash = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < runId.length; i++) hash = Math.imul(hash ^ runId.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Part `part`'s share of the runs and its seed; a replay (--path) runs in the first part only, with the given seed. */
export function planPart(part: number, config: ModelConfig, master: number): PartPlan {
  const seed = (master + part) >>> 0;
  if (config.path !== undefined) {
    const plan: PartPlan = { part, seed: master, runs: 1, path: config.path };
    return part === 0 ? plan : { ...plan, skip: `not-applicable: replaying one sequence (--seed ${master} --path ${config.path}), which part 1 runs` };
  }
  const total = config.runs ?? DEFAULT_RUNS;
  const runs = Math.floor(total / PARTS) + (part < total % PARTS ? 1 : 0);
  if (runs === 0) return { part, seed, runs, skip: `not-applicable: a budget of ${total} run${total === 1 ? '' : 's'} leaves part ${part + 1} of ${PARTS} none` };
  return { part, seed, runs };
}

/**
 * The time one part may spend starting runs: the suite's budget, stretched by the parts that run side by side. With
 * one worker the parts take turns, so each gets a quarter; with four or more they run at once and each gets it all.
 */
export function partTimeBudgetMs(config: ModelConfig, workers: number, embedded = false): number {
  const total = config.timeBudgetMs ?? (embedded ? EMBEDDED_TIME_BUDGET_MS : DEFAULT_TIME_BUDGET_MS);
  return Math.round((total * Math.min(Math.max(1, workers), PARTS)) / PARTS);
}

/** The longest one request can take: every attempt timing out, with the longest wait before each retry. */
export function worstRequestMs(config: { requestTimeoutMs: number; maxRetries: number; maxRetryDelayMs: number }): number {
  return (config.maxRetries + 1) * config.requestTimeoutMs + config.maxRetries * config.maxRetryDelayMs;
}

/**
 * The test's timeout, a backstop only: the part stops itself at its deadlines (making runs, then shrinking, then the
 * final replay, each one time budget long), checked between steps. Past the last deadline what can still be running is
 * one step and the clean-up of one run, each request of which is bounded by its own timeout and the retry policy.
 */
export function testTimeoutMs(partBudgetMs: number, config: { requestTimeoutMs: number; maxRetries: number; maxRetryDelayMs: number; settleTimeoutMs: number }, maxCommands: number): number {
  const inFlight = (REQUESTS_PER_STEP + 3 * maxCommands) * worstRequestMs(config) + config.settleTimeoutMs;
  return 3 * partBudgetMs + inFlight;
}
