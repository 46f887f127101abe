// Baselines for CI gating: known failures with a reason, an optional expiry and link. A known failure does not fail
// the run; an expired entry does; an entry whose requirement now passes is reported (and fails under --strict), so
// the list only shrinks. An entry covers a fail or warn only: an `error` (the kit could not check) is neither a known
// failure nor fixed, since it did not pass, and --write-baseline never writes one.
//
// A model-based failure (ORD-007) is one random sequence a seed happened to find: another seed's pass says nothing of
// it. So its entry records the counterexample (seed and path) and counts as fixed only in a run that replayed exactly
// that sequence (--seed S --path P) and passed; any other pass leaves the entry, marked not re-checked.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { readModelFailures } from '../kit/annotations/model-failure.ts';
import type { TestOutcome } from './fold.ts';
import type { Counterexample, ResultRecord } from './results.ts';

export interface BaselineEntry {
  id: string;
  reason: string;
  expires?: string;
  link?: string;
  /** A model-based failure's counterexample: `--seed` and `--path` replay it. */
  seed?: number;
  path?: string;
}

/** The requirements checked by generated sequences, whose failures are one counterexample each. */
export const MODEL_BASED = new Set(['ORD-007']);

export interface Baseline {
  knownFailures: BaselineEntry[];
}

export class BaselineError extends Error {}

export function readBaseline(file: string, knownIds: Set<string>): Baseline {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BaselineError(`cannot read baseline ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const entries = (raw as { knownFailures?: unknown } | null)?.knownFailures;
  if (!Array.isArray(entries)) throw new BaselineError(`baseline ${file} has no knownFailures list`);
  return {
    knownFailures: entries.map((entry: unknown, i) => {
      const e = entry as Partial<BaselineEntry>;
      if (typeof e?.id !== 'string' || !knownIds.has(e.id)) throw new BaselineError(`baseline ${file}: entry ${i + 1} names no catalogue requirement (${String(e?.id)})`);
      if (typeof e.reason !== 'string' || e.reason.trim() === '') throw new BaselineError(`baseline ${file}: entry ${e.id} needs a reason`);
      if (e.expires !== undefined && Number.isNaN(Date.parse(String(e.expires)))) throw new BaselineError(`baseline ${file}: entry ${e.id} has an invalid expiry date ${String(e.expires)}`);
      if ((e.seed === undefined) !== (e.path === undefined)) throw new BaselineError(`baseline ${file}: entry ${e.id} needs both seed and path (the counterexample a failure report prints), or neither`);
      if (e.seed !== undefined && !Number.isInteger(e.seed)) throw new BaselineError(`baseline ${file}: entry ${e.id} has a seed that is not an integer (${String(e.seed)})`);
      if (e.path !== undefined && (typeof e.path !== 'string' || e.path.trim() === '')) throw new BaselineError(`baseline ${file}: entry ${e.id} has a path that is not a string`);
      return {
        id: e.id, reason: e.reason, ...(e.expires ? { expires: String(e.expires) } : {}), ...(e.link ? { link: e.link } : {}),
        ...(e.seed !== undefined && e.path !== undefined ? { seed: e.seed, path: e.path } : {}),
      };
    }),
  };
}

export interface Gate {
  /** Failures not covered by a live baseline entry. */
  unexpected: string[];
  expired: string[];
  fixed: string[];
  /** Model-based entries whose requirement passed without their counterexample being replayed: they stay. */
  notRechecked?: string[];
}

/** The counterexample an entry records, if it is a model-based entry that has one. */
export function counterexampleOf(entry: BaselineEntry): Counterexample | undefined {
  return MODEL_BASED.has(entry.id) && entry.seed !== undefined && entry.path !== undefined ? { seed: entry.seed, path: entry.path } : undefined;
}

/** The command that re-checks an entry's counterexample (with the run's own --baseline and --fault to add). */
export function recheckCommand(id: string, c: Counterexample): string {
  return `npx flow-conformance --requirement ${id} --seed=${c.seed} --path "${c.path}"`;
}

/**
 * Annotates results in place and says what the gate makes of them. `replayed`: the one sequence the model-based suite
 * replayed in this run (--seed and --path), if it replayed one.
 */
export function applyBaseline(records: ResultRecord[], baseline: Baseline | undefined, now = new Date(), replayed?: Counterexample): Gate {
  const gate: Gate = { unexpected: [], expired: [], fixed: [], notRechecked: [] };
  const byId = new Map((baseline?.knownFailures ?? []).map((e) => [e.id, e]));
  for (const record of records) {
    const entry = byId.get(record.id);
    const failing = record.status === 'fail';
    if (!entry) {
      if (failing) gate.unexpected.push(record.id);
      continue;
    }
    const expired = entry.expires !== undefined && Date.parse(entry.expires) < now.getTime();
    if (record.status === 'fail' || record.status === 'warn') {
      record.baseline = { expected: { reason: entry.reason, ...(entry.expires ? { expires: entry.expires } : {}), ...(entry.link ? { link: entry.link } : {}) }, ...(expired ? { expired: true } : {}) };
      if (expired) gate.expired.push(record.id);
    } else if (record.status === 'pass') {
      // only a pass fixes an entry: an error was not checked, a not-applicable was not asked
      const counterexample = counterexampleOf(entry);
      if (counterexample && !(replayed && replayed.seed === counterexample.seed && replayed.path === counterexample.path)) {
        record.baseline = { notRechecked: counterexample };
        gate.notRechecked!.push(record.id);
        continue;
      }
      record.baseline = { fixed: true };
      gate.fixed.push(record.id);
    }
  }
  return gate;
}

/** The shortest counterexample each model-based requirement failed with (the suite's model-failure annotations). */
export function counterexamplesOf(outcomes: TestOutcome[]): Map<string, Counterexample> {
  const found = new Map<string, Counterexample & { steps: number }>();
  for (const o of outcomes) {
    for (const { seed, path, steps } of readModelFailures(o.annotations)) {
      const length = steps.length;
      for (const id of o.tags.map((t) => t.replace(/^@/, '')).filter((t) => MODEL_BASED.has(t))) {
        const best = found.get(id);
        if (!best || length < best.steps) found.set(id, { seed, path, steps: length });
      }
    }
  }
  return new Map([...found].map(([id, { seed, path }]) => [id, { seed, path }]));
}

/**
 * Writes the run's failures as a baseline. `counterexamples`: the model-based failures' seed and path by requirement
 * (the suite's model-failure annotations), written with their entry so a later run can tell whether it re-checked it.
 */
export function writeBaseline(file: string, records: ResultRecord[], counterexamples: ReadonlyMap<string, Counterexample> = new Map()): number {
  const failing = records.filter((r) => r.status === 'fail' || r.status === 'warn');
  const lines = ['# Known failures for flow-conformance --baseline. Give each a reason; add expires: YYYY-MM-DD and link: to keep the list honest.', 'knownFailures:'];
  for (const r of failing) {
    lines.push(`  - id: ${r.id}`, `    reason: ${JSON.stringify(r.reason.split('\n')[0]!.slice(0, 200))}`);
    const c = MODEL_BASED.has(r.id) ? counterexamples.get(r.id) : undefined;
    if (c) lines.push(`    # counts as fixed only in a run that replays it and passes: ${recheckCommand(r.id, c)}`, `    seed: ${c.seed}`, `    path: ${JSON.stringify(c.path)}`);
  }
  if (failing.length === 0) lines[1] = 'knownFailures: []';
  writeFileSync(file, lines.join('\n') + '\n');
  return failing.length;
}
