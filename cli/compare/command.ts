// `flow-conformance compare`: where two implementations answer the same checks differently. Either it runs the same
// seeded checks against both (`--target A --against B`; B defaults to the embedded reference server, with any
// `--fault`), or it compares two finished runs (`compare A/results.json B/results.json`, runs made with one seed).
// It writes drift.json and drift.html; exit 0 when the two agree on every requirement, 1 when they do not.
import { randomInt } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UsageError, type RunOptions } from '../args.ts';
import { runConformance, TARGET_MODEL_RUNS } from '../run.ts';
import { KIT } from '../write-reports.ts';
import { compareRuns } from './drift.ts';
import type { DriftFile } from './drift-file.ts';
import { renderDriftHtml } from './drift-html.ts';
import { loadRun, type LoadedRun } from './load.ts';

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
}

export async function compareCommand(options: RunOptions): Promise<number> {
  const reportDir = resolve(options.reportDir ?? join('reports', `compare-${timestamp()}`));
  let a: LoadedRun;
  let b: LoadedRun;
  let seed: number | null;
  if (options.compareFiles.length > 0) {
    if (options.compareFiles.length !== 2) throw new UsageError('compare takes two runs (report dirs or results.json files), or --target A [--against B]');
    if (options.target || options.against) throw new UsageError('compare: give two runs or --target/--against, not both');
    [a, b] = options.compareFiles.map(loadRun) as [LoadedRun, LoadedRun];
    if (a.seed !== b.seed) console.warn(`warning: the two runs used different seeds (${a.seed} and ${b.seed}): the model-based checks sent different requests`);
    seed = a.seed;
  } else {
    if (!options.target) throw new UsageError('compare needs --target A (and --against B, default the embedded reference server), or two results.json files');
    // one seed for both sides, so the model-based suite sends the same sequence to each
    seed = options.seed ?? randomInt(1, 2 ** 31);
    // and one budget: an embedded side would otherwise make 50 model runs to a target's 20, and part ways at run 21
    const runs = options.runs ?? TARGET_MODEL_RUNS;
    const sides: [string, RunOptions][] = [
      ['a', { ...options, command: 'run', seed, runs, reportDir: join(reportDir, 'a'), faults: [] }],
      ['b', { ...options, command: 'run', seed, runs, target: options.against, reportDir: join(reportDir, 'b') }],
    ];
    for (const [name, side] of sides) {
      const code = await runConformance(side);
      // a run that gave no verdict (the target stopped answering, a usage error) leaves nothing to compare with
      if (code === 2 || code === 130) {
        console.error(`flow-conformance compare: the run against ${name === 'a' ? 'A' : 'B'} ended without a verdict (exit ${code}); see ${join(reportDir, name)}`);
        return code;
      }
    }
    a = loadRun(join(reportDir, 'a'));
    b = loadRun(join(reportDir, 'b'));
  }
  const report = compareRuns(a.run, b.run);
  const drift: DriftFile = {
    kit: KIT,
    a: { target: a.target, verdict: a.verdict, reportDir: a.reportDir },
    b: { target: b.target, verdict: b.verdict, reportDir: b.reportDir },
    seed,
    requirementsCompared: new Set([...Object.keys(a.run.requirements), ...Object.keys(b.run.requirements)]).size,
    ...report,
  };
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(join(reportDir, 'drift.json'), JSON.stringify(drift, null, 2));
  writeFileSync(join(reportDir, 'drift.html'), renderDriftHtml(drift));
  const shown = relative(process.cwd(), reportDir) || '.';
  console.log(`\nDrift        ${report.disagreements === 0 ? 'AGREE' : 'DISAGREE'} on ${report.disagreements === 0 ? 'every requirement' : `${report.disagreements} requirement${report.disagreements === 1 ? '' : 's'}`}; ${report.differences.length} difference${report.differences.length === 1 ? '' : 's'} over ${report.pairs} paired exchanges (seed ${seed ?? 'none'})`);
  for (const d of report.differences.slice(0, 10)) console.log(`  ${d.kind.padEnd(13)} ${d.subject}: ${d.summary}${d.count > 1 ? ` (×${d.count})` : ''}`);
  if (report.differences.length > 10) console.log(`  … ${report.differences.length - 10} more in drift.html`);
  console.log(`Reports      ${shown}/drift.html\n             ${shown}/drift.json\n`);
  return report.disagreements === 0 ? 0 : 1;
}
