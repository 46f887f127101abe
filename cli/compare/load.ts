// A finished run as the drift compares it: each requirement's status from results.json, and each check's exchanges
// from outcomes.json beside it (the runner's record of every test, kept in the report dir). A run is named by its
// report dir or by its results.json.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../args.ts';
import { OUTCOMES_FILE } from '../outcomes-reporter.ts';
import type { ComparedExchange, ComparedRun } from './drift.ts';

export interface LoadedRun {
  run: ComparedRun;
  /** What results.json says of it. */
  target: string;
  seed: number | null;
  verdict: string;
  reportDir: string;
}

function readJson(file: string, what: string): unknown {
  if (!existsSync(file)) throw new UsageError(`compare: no ${what} at ${file}`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`compare: ${file} is not JSON (${(error as Error).message.split('\n')[0]})`);
  }
}

export function loadRun(path: string): LoadedRun {
  const reportDir = existsSync(path) && statSync(path).isDirectory() ? path : dirname(path);
  const resultsFile = existsSync(path) && statSync(path).isDirectory() ? join(path, 'results.json') : path;
  const results = readJson(resultsFile, 'results.json') as { target?: string; seed?: number | null; verdict?: string; requirements?: { id: string; status: string }[] };
  if (!Array.isArray(results.requirements)) throw new UsageError(`compare: ${resultsFile} is not a flow-conformance results.json (no requirements)`);
  const outcomes = readJson(join(reportDir, OUTCOMES_FILE), `${OUTCOMES_FILE} (the run's record of its checks, written beside results.json)`) as { title: string; file?: string; exchanges?: ComparedExchange[] }[];
  const tests: Record<string, ComparedExchange[]> = {};
  for (const outcome of outcomes) {
    const base = `${outcome.file ?? ''} › ${outcome.title}`;
    let key = base;
    for (let n = 2; key in tests; n++) key = `${base} (${n})`;
    tests[key] = (outcome.exchanges ?? []).filter((x) => x && typeof x === 'object' && x.request);
  }
  return {
    run: { requirements: Object.fromEntries(results.requirements.map((r) => [r.id, r.status])), tests },
    target: results.target ?? 'unknown',
    seed: results.seed ?? null,
    verdict: results.verdict ?? 'unknown',
    reportDir,
  };
}
