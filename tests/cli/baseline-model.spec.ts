// Baseline entries of a model-based failure (ORD-007): one random sequence a seed happened to find. --write-baseline
// records its seed and path; a later pass counts as "fixed" only in a run that replayed that very sequence, otherwise
// the entry stays and the report says it was not re-checked. Pure functions first, then the CLI with the model-only
// fault, a seed that finds it, and the written baseline's own replay.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { applyBaseline, counterexamplesOf, readBaseline, writeBaseline, type Baseline } from '../../cli/baseline.ts';
import { fold, type TestOutcome } from '../../cli/fold.ts';
import type { ResultRecord } from '../../cli/results.ts';
import { decideVerdict } from '../../cli/verdict.ts';
import { writeModelFailure } from '../../kit/annotations/model-failure.ts';
import { readResults, runCli } from '../support/run-cli.ts';

const IDS = new Set(['ORD-007', 'ORD-003']);
const COUNTEREXAMPLE = { seed: 2, path: '12:9:21~BVBaF7:q' };

function part(status: TestOutcome['status'], annotations: TestOutcome['annotations'] = []): TestOutcome {
  const errors = status === 'failed' ? ['Error: RequirementFailure: step "publish draft flow #0": POST /flows/x/action?op=publish: expected 4xx, received 200 [ORD-007]'] : [];
  return { title: 'random sequences (part 1 of 4)', tags: ['@ORD-007'], status, durationMs: 5, errors, annotations };
}
/** The model-failure annotation as the suite writes it (its one writer). */
function failure(seed: number, path: string, steps: number): TestOutcome['annotations'][number] {
  const sink = { annotations: [] as TestOutcome['annotations'] };
  writeModelFailure(sink, { part: 1, steps: Array.from({ length: steps }, (_, i) => `step ${i}`), seed, path, replay: `flow-conformance --seed ${seed} --path "${path}"` });
  return sink.annotations[0]!;
}
const records = (...outcomes: TestOutcome[]): ResultRecord[] => fold(outcomes, { strict: true, selection: { requirements: ['ORD-007'] } });
const entry: Baseline = { knownFailures: [{ id: 'ORD-007', reason: 'publish order, ticket 7', ...COUNTEREXAMPLE }] };

test('--write-baseline records the shortest counterexample of a model-based failure, and reads it back', ({}, testInfo) => {
  const outcomes = [part('failed', [failure(9, '1:2:3:4~AAA:B', 5)]), part('failed', [failure(COUNTEREXAMPLE.seed, COUNTEREXAMPLE.path, 3)])];
  expect(counterexamplesOf(outcomes).get('ORD-007')).toEqual(COUNTEREXAMPLE);
  const file = testInfo.outputPath('baseline.yaml');
  expect(writeBaseline(file, records(...outcomes), counterexamplesOf(outcomes))).toBe(1);
  const text = readFileSync(file, 'utf8');
  expect(parse(text)).toEqual({ knownFailures: [{ id: 'ORD-007', reason: expect.stringContaining('expected 4xx'), seed: 2, path: COUNTEREXAMPLE.path }] });
  expect(text).toContain(`--seed=2 --path "${COUNTEREXAMPLE.path}"`);
  expect(readBaseline(file, IDS).knownFailures[0]).toMatchObject(COUNTEREXAMPLE);
});

test('a pass that did not replay the entry\'s counterexample leaves the entry, not re-checked, also under --strict', () => {
  for (const replayed of [undefined, { seed: 2, path: '12:9~BV:q' }, { seed: 3, path: COUNTEREXAMPLE.path }]) {
    const passed = records(part('passed'));
    const gate = applyBaseline(passed, entry, new Date(), replayed);
    const record = passed.find((r) => r.id === 'ORD-007')!;
    expect(record.baseline).toEqual({ notRechecked: COUNTEREXAMPLE });
    expect(gate.fixed).toEqual([]);
    expect(gate.notRechecked).toEqual(['ORD-007']);
    expect(decideVerdict(passed, { strict: true }).exitCode).toBe(0);
  }
});

test('a pass of the replayed counterexample fixes the entry: under --strict it fails the run until removed', () => {
  const passed = records(part('passed'));
  const gate = applyBaseline(passed, entry, new Date(), COUNTEREXAMPLE);
  expect(passed.find((r) => r.id === 'ORD-007')!.baseline).toEqual({ fixed: true });
  expect(gate.fixed).toEqual(['ORD-007']);
  expect(decideVerdict(passed, { strict: true })).toMatchObject({ verdict: 'non-conformant', exitCode: 1 });
});

test('a model-based failure with another counterexample is still the known failure; an entry without one is fixed by any pass', () => {
  const failing = records(part('failed', [failure(5, '7:1~A:B', 4)]));
  applyBaseline(failing, entry, new Date());
  expect(failing.find((r) => r.id === 'ORD-007')!.baseline?.expected?.reason).toBe('publish order, ticket 7');
  expect(decideVerdict(failing, { strict: true }).exitCode).toBe(0);
  // written by hand without seed and path: the entry speaks for the requirement, as any other entry does
  const passed = records(part('passed'));
  expect(applyBaseline(passed, { knownFailures: [{ id: 'ORD-007', reason: 'hand-written' }] }).fixed).toEqual(['ORD-007']);
});

test('a baseline entry with a seed and no path (or a path and no seed) is refused', ({}, testInfo) => {
  const file = testInfo.outputPath('half.yaml');
  writeFileSync(file, 'knownFailures:\n  - id: ORD-007\n    reason: x\n    seed: 4\n');
  expect(() => readBaseline(file, IDS)).toThrow(/ORD-007 needs both seed and path/);
  writeFileSync(file, 'knownFailures:\n  - id: ORD-007\n    reason: x\n    path: "1:2"\n');
  expect(() => readBaseline(file, IDS)).toThrow(/ORD-007 needs both seed and path/);
});

test('the CLI: a written ORD-007 entry is not re-checked by another seed\'s pass, and fixed by its own replay', async ({}, testInfo) => {
  test.slow();
  const dir = testInfo.outputPath('report');
  const baseline = testInfo.outputPath('baseline.yaml');
  // seed 1 finds the model-only fault (in its second part, seed 2) within the default budget
  const found = await runCli(['--requirement', 'ORD-007', '--seed', '1', '--fault', 'flow-publish-checks-first-source-once-patched', '--report-dir', dir, '--write-baseline', baseline]);
  expect(found.code, found.stdout).toBe(1);
  const [written] = readBaseline(baseline, IDS).knownFailures;
  expect(written).toMatchObject({ id: 'ORD-007', seed: expect.any(Number), path: expect.stringMatching(/^\d+(:\d+)*(~.*)?$/) });

  // a healthy target and another seed: ORD-007 passes, which says nothing of the recorded sequence
  const other = await runCli(['--requirement', 'ORD-007', '--seed', '3', '--runs', '4', '--strict', '--baseline', baseline, '--report-dir', dir]);
  expect(other.code, other.stdout).toBe(0);
  expect(other.stdout).toMatch(/Baseline entry ORD-007 not re-checked/);
  expect(other.stdout).not.toMatch(/now pass/);
  expect(readResults(dir).requirements.find((r) => r.id === 'ORD-007')?.baseline).toEqual({ notRechecked: { seed: written!.seed, path: written!.path } });
  expect(readFileSync(`${dir}/index.html`, 'utf8')).toContain('not re-checked');

  // the recorded sequence itself, replayed against the healthy target: it passes, so the entry is fixed
  const replay = await runCli(['--requirement', 'ORD-007', `--seed=${written!.seed}`, '--path', written!.path!, '--strict', '--baseline', baseline, '--report-dir', dir]);
  expect(replay.code, replay.stdout).toBe(1);
  expect(replay.stdout).toContain('Baseline entries that now pass (remove them): ORD-007');
  expect(readResults(dir).model).toMatchObject({ seed: written!.seed, path: written!.path });
});
