// Section 4c: the time to catch every scenario fault mode, not a sample. One Playwright run holds the kit's own
// mutation projects (one per fault: the checks of the requirements it breaks, against an embedded reference server
// with that fault on), under --strict as the self-validation runs them. Per fault: the time its checks took, summed
// (what one `flow-conformance --fault F --requirement …` spends checking, without the runner's start), and whether
// every requirement it breaks failed. Rounds are separate runs; a fault's figure is its median over them. End-to-end
// CLI times for a sample, start-up included, are in growth-kit.ts; the model-only fault is timed there too.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold, type TestOutcome } from '../cli/fold.ts';
import { outcomesByProject } from '../cli/outcome.ts';
import { OUTCOMES_FILE } from '../cli/outcomes-reporter.ts';
import { FAULTS, SCENARIO_FAULTS, type FaultName } from '../server/faults.ts';
import { cleanEnv } from './cli-run.ts';
import { median, percentile } from './stats.ts';
import { timed } from './timed.ts';

export interface FaultCatch {
  fault: FaultName;
  requirements: readonly string[];
  /** Checks' summed duration per round, ms. */
  checkMs: number[];
  medianMs: number;
  /** Every requirement the fault breaks failed, in every round. */
  caught: boolean;
}

export interface EveryFault {
  faults: FaultCatch[];
  /** Wall time of each round's whole run (all projects, two workers). */
  roundWallMs: number[];
  caught: number;
  /** Over the faults' medians. */
  medianMs: number;
  p90Ms: number;
  maxMs: number;
}

export async function catchEveryFault(rounds: number, log: (line: string) => void): Promise<EveryFault> {
  const checkMs = new Map<FaultName, number[]>(SCENARIO_FAULTS.map((f) => [f, []]));
  const missed = new Set<FaultName>();
  const roundWallMs: number[] = [];
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  for (let round = 0; round < rounds; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-faults-'));
    try {
      // the CLI's own reporter: its outcomes are what the CLI folds (cli/outcome.ts)
      const env = cleanEnv({ FLOW_CONFORMANCE_MUTATION: SCENARIO_FAULTS.join(','), FLOW_CONFORMANCE_STRICT: '1', FLOW_CONFORMANCE_REPORT_DIR: dir });
      // exit code 1 is the expected outcome: every project is meant to fail
      const run = await timed(process.execPath, [cli, 'test', '--project=fault:*', `--reporter=${fileURLToPath(new URL('../cli/outcomes-reporter.ts', import.meta.url))}`, '--workers=2', `--output=${join(dir, 'test-results')}`], { env });
      if (run.code !== 1) throw new Error(`the mutation run exited ${run.code} (expected 1: every fault fails its checks)\n${run.stderr.slice(-2000)}`);
      roundWallMs.push(run.wallMs);
      const byProject = outcomesByProject(JSON.parse(readFileSync(join(dir, OUTCOMES_FILE), 'utf8')) as TestOutcome[]);
      for (const fault of SCENARIO_FAULTS) {
        const results = fold(byProject.get(`fault:${fault}`) ?? [], { strict: true });
        const broken = FAULTS[fault].breaks.map((id) => results.find((r) => r.id === id));
        if (broken.some((r) => r?.status !== 'fail')) missed.add(fault);
        checkMs.get(fault)!.push(broken.reduce((sum, r) => sum + (r?.durationMs ?? 0), 0));
      }
      log(`  every fault, round ${round + 1}/${rounds}: ${(run.wallMs / 1000).toFixed(1)} s for ${SCENARIO_FAULTS.length} fault projects`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const faults = SCENARIO_FAULTS.map((fault): FaultCatch => {
    const ms = checkMs.get(fault)!;
    return { fault, requirements: FAULTS[fault].breaks, checkMs: ms, medianMs: median(ms), caught: !missed.has(fault) };
  });
  const medians = faults.map((f) => f.medianMs).sort((a, b) => a - b);
  return {
    faults, roundWallMs, caught: faults.filter((f) => f.caught).length,
    medianMs: median(medians), p90Ms: percentile(medians, 0.9), maxMs: medians[medians.length - 1] ?? NaN,
  };
}
