// flow-conformance: the command users run. Parses flags, dispatches, and turns every expected failure into one line
// and the documented exit code: 0 conformant, 1 non-conformant, 2 no verdict (a MUST the kit could not check) or a
// usage, configuration or unreachable-target error.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCommandLine, USAGE, UsageError } from './args.ts';
import { BaselineError, readBaseline } from './baseline.ts';
import { loadCatalogue } from './catalogue.ts';
import type { Selection, TestOutcome } from './fold.ts';
import { OUTCOMES_FILE } from './outcomes-reporter.ts';
import { PreflightError } from './preflight.ts';
import { runConformance } from './run.ts';
import { serveCommand } from './serve-command.ts';
import { cleanupCommand, sweepCommand } from './sweep.ts';
import { KIT, writeReports } from './write-reports.ts';

function list(): number {
  const { requirements, areas } = loadCatalogue();
  let area = '';
  for (const r of requirements) {
    if (r.area !== area) {
      area = r.area;
      console.log(`\n${areas[area] ?? area}`);
    }
    console.log(`  ${r.id.padEnd(9)} ${r.level.padEnd(6)} ${r.title}`);
  }
  console.log(`\n${requirements.length} requirements (${requirements.filter((r) => r.level === 'MUST').length} MUST)`);
  return 0;
}

function merge(dirs: string[], reportDir: string | undefined, strict: boolean, baselineFile: string | undefined): number {
  const outcomes: TestOutcome[] = [];
  let startedAt = Infinity;
  let finishedAt = 0;
  let target = '';
  let embedded = false;
  let selection: Selection | undefined;
  const shards = new Set<string>();
  for (const dir of dirs) {
    const file = join(dir, OUTCOMES_FILE);
    if (!existsSync(file)) throw new UsageError(`merge: ${dir} holds no ${OUTCOMES_FILE} (is it a flow-conformance report dir?)`);
    outcomes.push(...(JSON.parse(readFileSync(file, 'utf8')) as TestOutcome[]));
    const resultsFile = join(dir, 'results.json');
    if (existsSync(resultsFile)) {
      const shard = JSON.parse(readFileSync(resultsFile, 'utf8')) as { startedAt: string; finishedAt: string; target: string; embedded: boolean; selection?: Selection };
      // the shards share one selection; only which shard each was differs
      selection ??= shard.selection;
      if (shard.selection?.shard) shards.add(shard.selection.shard);
      startedAt = Math.min(startedAt, Date.parse(shard.startedAt));
      finishedAt = Math.max(finishedAt, Date.parse(shard.finishedAt));
      target ||= shard.target;
      embedded ||= shard.embedded;
    }
  }
  const { shard: _, ...common } = selection ?? {};
  // with a shard missing, what only it ran says so; with all of them, the merged report is the unsharded one
  const merged: Selection = { ...common, ...(missingShards(shards) ? { shard: [...shards].sort().join(', ') } : {}) };
  const out = resolve(reportDir ?? join('reports', 'merged'));
  mkdirSync(out, { recursive: true });
  const knownIds = new Set(loadCatalogue().requirements.map((r) => r.id));
  const now = Date.now();
  return writeReports(out, outcomes, {
    target, embedded, strict,
    startedAt: new Date(Number.isFinite(startedAt) ? startedAt : now),
    finishedAt: new Date(finishedAt || now),
    baseline: baselineFile ? readBaseline(baselineFile, knownIds) : undefined,
    selection: merged,
    command: ['flow-conformance', ...process.argv.slice(2)].join(' '),
  }, false);
}

/** The shards of "I/N" that none of the merged dirs ran, e.g. "2/3", or undefined when all are here. */
function missingShards(shards: Set<string>): string | undefined {
  const total = Math.max(0, ...[...shards].map((s) => Number(s.split('/')[1]) || 0));
  const have = new Set([...shards].map((s) => Number(s.split('/')[0])));
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !have.has(i));
  return missing.length > 0 ? missing.map((i) => `${i}/${total}`).join(', ') : undefined;
}

async function main(argv: string[]): Promise<number> {
  const options = parseCommandLine(argv);
  switch (options.command) {
    case 'help':
      console.log(USAGE);
      return 0;
    case 'version':
      console.log(`${KIT.name} ${KIT.version}`);
      return 0;
    case 'list':
      return list();
    case 'cleanup':
      return cleanupCommand(options);
    case 'sweep':
      return sweepCommand(options);
    case 'serve':
      return serveCommand(options);
    case 'merge':
      return merge(options.mergeDirs, options.reportDir, options.strict, options.baseline);
    default:
      return runConformance(options);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof PreflightError || error instanceof BaselineError) {
      console.error(`flow-conformance: ${error.message}`);
    } else {
      console.error(`flow-conformance: internal error: ${(error as Error).message?.split('\n')[0] ?? String(error)}`);
    }
    process.exit(2);
  },
);
