// flow-conformance merge DIR…: the shards of one run (--shard 1/N … N/N) joined into one report. A merge never makes a
// verdict the shards do not support: a dir that is not a report, the same shard twice, shards of different runs or of
// different totals are refused (a usage error, exit 2); a missing shard is reported, with no verdict (exit 2). With
// every shard, the merged report is the unsharded run's.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError } from './args.ts';
import { readBaseline } from './baseline.ts';
import { loadCatalogue } from './catalogue.ts';
import type { Selection, TestOutcome } from './fold.ts';
import { OUTCOMES_FILE } from './outcomes-reporter.ts';
import type { Results } from './results.ts';
import { parseShard, type ShardIdentity } from './shard.ts';
import { writeReports } from './write-reports.ts';

export interface ShardDir {
  dir: string;
  results: Results;
  outcomes: TestOutcome[];
  /** Its --shard I/N and run id; undefined for a run made without --shard. */
  shard: ShardIdentity | undefined;
}

export function readShardDir(dir: string): ShardDir {
  const outcomesFile = join(dir, OUTCOMES_FILE);
  const resultsFile = join(dir, 'results.json');
  if (!existsSync(outcomesFile) || !existsSync(resultsFile)) {
    throw new UsageError(`merge: ${dir} is not a flow-conformance report dir (it holds no ${existsSync(outcomesFile) ? 'results.json' : OUTCOMES_FILE})`);
  }
  let results: Results;
  let outcomes: TestOutcome[];
  try {
    results = JSON.parse(readFileSync(resultsFile, 'utf8')) as Results;
    outcomes = JSON.parse(readFileSync(outcomesFile, 'utf8')) as TestOutcome[];
  } catch (error) {
    throw new UsageError(`merge: ${dir} holds a report that does not parse: ${(error as Error).message.split('\n')[0]}`);
  }
  // a report from before shards carried their identity still names its --shard in the selection
  const legacy = results.selection?.shard ? parseShard(results.selection.shard) : undefined;
  return { dir, results, outcomes, shard: results.shard ?? legacy };
}

const label = (s: ShardDir) => (s.shard ? `${s.shard.index}/${s.shard.total}` : 'no shard');

/** What must be equal across the shards of one run, each with how a report says it. */
function runTraits(s: ShardDir): [string, string][] {
  const { results } = s;
  const selection = results.selection ?? {};
  return [
    ['kit version', results.kit?.version ?? '?'],
    ['target', results.target],
    ['strict', String(results.strict)],
    ['--requirement', (selection.requirements ?? []).slice().sort().join(',') || 'all'],
    ['--grep', selection.grep ?? 'none'],
    ['--fault', (s.shard?.faults ?? []).join(',') || 'none'],
    ['--read-only', String(results.readOnly ?? false)],
  ];
}

/**
 * Refuses (UsageError, one line naming the dirs) what cannot be one run; returns the shards none of the dirs holds.
 * A dir made without --shard merges only alone (it is then the whole run, re-rendered).
 */
export function checkShards(shards: ShardDir[]): { missing: string[]; runId?: string } {
  if (shards.length === 1 && !shards[0]!.shard) return { missing: [] };
  const unsharded = shards.find((s) => !s.shard);
  if (unsharded) throw new UsageError(`merge: ${unsharded.dir} was not run with --shard, so it is no shard to merge with ${shards.filter((s) => s !== unsharded).map((s) => s.dir).join(', ')}`);
  const [first, ...rest] = shards as (ShardDir & { shard: ShardIdentity })[];
  for (const other of rest) {
    const pair = `${first!.dir} (shard ${label(first!)}) and ${other.dir} (shard ${label(other)})`;
    if (other.shard.total !== first!.shard.total) throw new UsageError(`merge: ${pair} split a run differently: the shards of one run share N in --shard I/N`);
    if (first!.shard.runId && other.shard.runId && first!.shard.runId !== other.shard.runId) {
      throw new UsageError(`merge: ${pair} are shards of different runs (run ids ${first!.shard.runId} and ${other.shard.runId})`);
    }
    const theirs = new Map(runTraits(other));
    for (const [trait, value] of runTraits(first!)) {
      if (theirs.get(trait) !== value) throw new UsageError(`merge: ${pair} are shards of different runs (${trait}: ${value} and ${theirs.get(trait)})`);
    }
    // with a shared run id the seed comes from it (or from --seed): shards of one run agree; without one each shard drew its own
    const seeds = [first!.results.seed, other.results.seed];
    if (first!.shard.runId && other.shard.runId && seeds.every((x) => typeof x === 'number') && seeds[0] !== seeds[1]) {
      throw new UsageError(`merge: ${pair} are shards of different runs (model-based seeds ${seeds[0]} and ${seeds[1]})`);
    }
  }
  const byIndex = new Map<number, ShardDir>();
  for (const s of shards as (ShardDir & { shard: ShardIdentity })[]) {
    const same = byIndex.get(s.shard.index);
    if (same) {
      const what = resolve(same.dir) === resolve(s.dir) ? `${s.dir} is given twice` : `${same.dir} and ${s.dir} both hold shard ${label(s)}`;
      throw new UsageError(`merge: ${what}: each shard counts once`);
    }
    byIndex.set(s.shard.index, s);
  }
  const total = first!.shard.total;
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !byIndex.has(i)).map((i) => `${i}/${total}`);
  const runId = first!.shard.runId ?? rest.find((s) => s.shard.runId)?.shard.runId;
  return { missing, ...(runId ? { runId } : {}) };
}

/** Each shard's own Playwright report that is on disk, as a link from the merged report dir. */
export function playwrightLinks(shards: ShardDir[], out: string): { shard: string; href: string }[] {
  return [...shards].sort((a, b) => (a.shard?.index ?? 0) - (b.shard?.index ?? 0)).flatMap((s) => {
    const file = join(resolve(s.dir), 'playwright-report', 'index.html');
    return existsSync(file) ? [{ shard: s.shard ? label(s) : '', href: relative(out, file).split(sep).join('/') }] : [];
  });
}

export function mergeCommand(dirs: string[], reportDir: string | undefined, strict: boolean, baselineFile: string | undefined): number {
  const shards = dirs.map(readShardDir);
  const { missing, runId } = checkShards(shards);
  const outcomes = shards.flatMap((s) => s.outcomes);
  const started = Math.min(...shards.map((s) => Date.parse(s.results.startedAt)).filter(Number.isFinite));
  const finished = Math.max(...shards.map((s) => Date.parse(s.results.finishedAt)).filter(Number.isFinite));
  const { shard: _, ...common } = shards[0]!.results.selection ?? {};
  const held = shards.filter((s) => s.shard).map(label).sort();
  // with a shard missing, what only it ran says so; with all of them, the merged report is the unsharded one
  const selection: Selection = { ...common, ...(missing.length > 0 ? { shard: held.join(', ') } : {}) };
  const out = resolve(reportDir ?? join('reports', 'merged'));
  mkdirSync(out, { recursive: true });
  const knownIds = new Set(loadCatalogue().requirements.map((r) => r.id));
  const now = Date.now();
  return writeReports(out, outcomes, {
    target: shards[0]!.results.target,
    embedded: shards.some((s) => s.results.embedded),
    // shards made under --strict merge strict
    strict: strict || shards.some((s) => s.results.strict),
    startedAt: new Date(Number.isFinite(started) ? started : now),
    finishedAt: new Date(Number.isFinite(finished) ? finished : now),
    baseline: baselineFile ? readBaseline(baselineFile, knownIds) : undefined,
    selection,
    ...(shards[0]!.results.readOnly ? { readOnly: true } : {}),
    ...(shards.some((s) => s.shard) ? { merged: { ...(runId ? { runId } : {}), shards: held, missing } } : {}),
    playwrightReports: playwrightLinks(shards, out),
    command: ['flow-conformance', ...process.argv.slice(2)].join(' '),
  }, false);
}
