// The schema-driven property suite's budget and replay, from the same options as the model-based suite's: `--runs`
// scales both (3 cases a property for every 50 model runs on the embedded server, a twentieth of the runs against a
// --target), `--seed` seeds both, and `--path` replays one
// case of the one property the replay line selects (`--requirement ID --grep operationId`).
import { DEFAULT_RUNS, DEFAULT_TIME_BUDGET_MS, EMBEDDED_TIME_BUDGET_MS, masterSeed, type ModelConfig } from '../model/budget.ts';
import { replayLine, shellWord, type ReplayRun } from '../model/replay.ts';
import type { PropertyPlan } from './run-property.ts';

/**
 * A property's cases for each model-based run: the embedded default of 50 runs gives each of the 28 properties 3
 * cases (about 1,000 requests), which keeps the default run as fast as it was before the suite (BENCHMARKS.md);
 * every run draws new cases (a new seed), and `--runs 500` gives 30 a property. Against a --target a case is 10 to 20 requests, 1 to 2 s at
 * 100 ms a request, so there it is a twentieth: the default 20 runs give 1 case a property, about 20 s more over 4
 * workers, and a nightly job with `--runs 200` gives 10.
 */
export const CASES_PER_MODEL_RUN = { embedded: 0.06, target: 0.05 };

/**
 * Without --seed, the run's seed (the same in every worker and shard, see suites/model/budget.ts); a replay's seed
 * is the one its line prints. Every property takes the same seed: each draws from its own arbitrary.
 */
export function propertyPlan(config: ModelConfig, runId: string | undefined, embedded: boolean): PropertyPlan {
  const seed = masterSeed(config, runId);
  if (config.path !== undefined) return { seed, runs: 1, path: config.path };
  const ratio = embedded ? CASES_PER_MODEL_RUN.embedded : CASES_PER_MODEL_RUN.target;
  return { seed, runs: Math.max(1, Math.round((config.runs ?? DEFAULT_RUNS) * ratio)) };
}

/** Wall time a property may spend making cases (shrinking gets as long again): nothing an embedded run reaches. */
export function propertyBudgetMs(embedded: boolean, config: ModelConfig): number {
  if (config.timeBudgetMs !== undefined) return config.timeBudgetMs;
  return embedded ? EMBEDDED_TIME_BUDGET_MS : DEFAULT_TIME_BUDGET_MS;
}

/** The line that replays one property's case: its requirement, its operation (the --grep), the seed and path. */
export function propertyReplayLine(requirement: string, operationId: string, seed: number, path: string, run: ReplayRun): string {
  return replayLine(seed, path, run, `--requirement ${requirement} --grep ${shellWord(`${operationId}:`)}`);
}
