// ORD-007's replay line, run as printed: a fault only the model-based suite finds, found from a negative seed as a
// user types it (fast-check prints seeds signed), then the line from results.json pasted into a shell. It must fail
// the same way, with the same shrunk steps, and its evidence must be that sequence's own exchanges.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import fc from 'fast-check';
import { USAGE } from '../../cli/args.ts';
import { readModelSummaries } from '../../kit/annotations/model-summary.ts';
import type { TestOutcome } from '../../cli/fold.ts';
import type { ModelFailure, Results } from '../../cli/results.ts';
import { commandArbitraries } from '../../suites/model/arbitraries.ts';
import { replayLine } from '../../suites/model/replay.ts';
import type { Exchange } from '../../kit/exchange.ts';
import { readResults, runAsPrinted, runCli, scratchDirs } from '../support/run-cli.ts';

const FAULT = 'flow-publish-checks-first-source-once-patched';
// as fast-check prints it; the kit's seeds are unsigned, and this one is 2592416263 to the kit (and to fast-check)
const TYPED_SEED = '-1702551033';
const UNSIGNED_SEED = 2592416263;
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin) as unknown as (ajv: Ajv) => Ajv;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

// two or three CLI runs a test, each some 10 s on an idle machine and several times that on a loaded one
test.describe.configure({ timeout: 240_000 });

const scratch = scratchDirs('fck-replay-');

function ord007(results: Results) {
  return results.requirements.find((r) => r.id === 'ORD-007')!;
}

function onlyFailure(results: Results): ModelFailure {
  expect(results.model?.failures, 'results.json model.failures').toHaveLength(1);
  return results.model!.failures![0]!;
}

function firstLineWithoutIds(message: string): string {
  return message.replace(/^RequirementFailure: /, '').split('\n')[0]!.replace(UUID, '<id>');
}

/** The failing test's whole exchanges attachment (results.json keeps only the last few of it, see cli/fold.ts). */
function attachedExchanges(dir: string): Exchange[] {
  const outcomes = JSON.parse(readFileSync(join(dir, 'outcomes.json'), 'utf8')) as TestOutcome[];
  const failed = outcomes.filter((o) => o.tags.includes('@ORD-007') && o.status === 'failed');
  expect(failed).toHaveLength(1);
  return failed[0]!.exchanges as Exchange[];
}

const path = (e: Exchange) => new URL(e.request.url).pathname;
const isCreate = (e: Exchange) => e.request.method === 'POST' && !path(e).includes('/action');

/** Creates a step sends: the entity it names, and the parents it had to make first ("… after creating base and source"). */
function createsOf(step: string): number {
  if (!step.startsWith('create ')) return 0;
  const made = / after creating (.+)$/.exec(step)?.[1];
  return 1 + (made ? made.split(' and ').length : 0);
}

/**
 * The evidence is the shrunk sequence's: one POST for each create its steps name, one PATCH or publish a patch or
 * publish step, no clean-up DELETE, every id any exchange names was created by one of them (an exchange of another run
 * would name that run's entities), and the last is the publish that failed, on the entity the message names.
 */
function expectEvidenceOfSequence(exchanges: Exchange[], failure: ModelFailure, message: string): void {
  const created = new Set(exchanges.filter((e) => isCreate(e) && e.response && e.response.status < 300).map((e) => String((e.response!.body as { id?: unknown }).id)));
  expect(exchanges.filter(isCreate)).toHaveLength(failure.steps.reduce((n, s) => n + createsOf(s), 0));
  expect(exchanges.filter((e) => e.request.method === 'PATCH')).toHaveLength(failure.steps.filter((s) => s.startsWith('patch ')).length);
  expect(exchanges.filter((e) => path(e).endsWith('/action'))).toHaveLength(failure.steps.filter((s) => s.startsWith('publish ')).length);
  expect(exchanges.filter((e) => e.request.method === 'DELETE')).toEqual([]);
  for (const exchange of exchanges) {
    // the spec ids a body names are the catalogue's, not entities
    const { connectionSpec: _c, flowSpec: _f, ...names } = (exchange.request.body ?? {}) as Record<string, unknown>;
    for (const id of JSON.stringify({ url: exchange.request.url, names }).match(UUID) ?? []) {
      expect(created, `${exchange.request.method} ${path(exchange)} names ${id}, which no exchange of the sequence created`).toContain(id);
    }
  }
  const failing = /POST \S*\/flows\/([0-9a-f-]{36})\/action\?op=publish/.exec(message)?.[1];
  expect(failing, 'the failing publish in the message').toBeDefined();
  expect(path(exchanges.at(-1)!)).toBe(`/data/foundation/flowservice/flows/${failing}/action`);
  expect(created).toContain(failing);
}

test('a negative seed finds the fault, and the replay line it prints, run as printed, fails with the same shrunk steps', async () => {
  const found = scratch();
  const first = await runCli(['--requirement', 'ORD-007', '--fault', FAULT, '--seed', TYPED_SEED, '--runs', '40', '--report-dir', found]);
  expect(first.code, first.stderr).toBe(1);
  const results = readResults(found);
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync('specs/results.schema.json', 'utf8')));
  expect(validate(results), JSON.stringify(validate.errors)).toBe(true);
  expect(ord007(results).status).toBe('fail');
  expect(results.model?.seed).toBe(UNSIGNED_SEED);
  const failure = onlyFailure(results);
  // the part that failed has its own seed, derived from the run's; the line carries what the run had that matters
  expect(failure.seed).toBe(UNSIGNED_SEED + failure.part - 1);
  expect(failure.replay).toBe(`npx flow-conformance --requirement ORD-007 --seed ${failure.seed} --path "${failure.path}" --fault ${FAULT}`);
  const message = ord007(results).evidence[0]!.message!;
  expect(message.trimEnd().endsWith(`replay: ${failure.replay}`)).toBe(true);
  expect(message).toContain(`shrunk sequence (${failure.steps.length} steps):`);
  // --help's example is this very line, so it is a replay that works (the shell run below proves it)
  const example = USAGE.split('\n').map((l) => l.trim()).find((l) => l.includes('--requirement ORD-007 --seed'));
  expect(example, "--help's ORD-007 example: update it to the line this run prints").toBe(failure.replay);
  expectEvidenceOfSequence(attachedExchanges(found), failure, message);

  const shell = scratch();
  const replay = await runAsPrinted(failure.replay, shell);
  expect(replay.code, replay.stderr).toBe(1);
  const again = readResults(join(shell, 'reports', 'latest'));
  expect(ord007(again).status).toBe('fail');
  expect(again.model?.runs).toBe(1);
  const replayed = onlyFailure(again);
  expect(replayed.steps).toEqual(failure.steps);
  expect(replayed.replay).toBe(failure.replay);
  const replayMessage = ord007(again).evidence[0]!.message!;
  expect(firstLineWithoutIds(replayMessage)).toBe(firstLineWithoutIds(message));
  expect(replayMessage).not.toMatch(/did not fail again|Unable to replay|could not check/);
  const exchanges = attachedExchanges(join(shell, 'reports', 'latest'));
  expectEvidenceOfSequence(exchanges, replayed, replayMessage);
  // what results.json shows is the tail of that same sequence, ending with the failing publish
  const shown = ord007(again).evidence[0]!.exchanges as Exchange[];
  expect(shown.length).toBeGreaterThan(0);
  for (const exchange of shown) expect(exchanges.map((e) => JSON.stringify(e))).toContain(JSON.stringify(exchange));
  expect(JSON.stringify(shown.at(-1))).toBe(JSON.stringify(exchanges.at(-1)));
});

test('a typed negative seed and the unsigned seed the run prints are one seed: the same runs, the same steps', async () => {
  // fast-check's own view: the commands it generates from either are the same
  const sample = (seed: number) => fc.sample(fc.commands(commandArbitraries(), { maxCommands: 30, size: 'max' }), { seed, numRuns: 5 }).map((commands) => [...commands].map(String));
  expect(sample(Number(TYPED_SEED))).toEqual(sample(UNSIGNED_SEED));
  expect(sample(Number(TYPED_SEED))).not.toEqual(sample(-Number(TYPED_SEED)));
  expect(sample(UNSIGNED_SEED).flat().length).toBeGreaterThan(5);

  const typed = scratch();
  const run = await runCli(['--requirement', 'ORD-007', '--seed', TYPED_SEED, '--runs', '3', '--report-dir', typed]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain(`Model-based suite: seed ${UNSIGNED_SEED}, 3 runs`);
  const printed = readResults(typed).model!.seed!;
  expect(printed).toBe(UNSIGNED_SEED);

  const again = scratch();
  const rerun = await runCli(['--requirement', 'ORD-007', '--seed', String(printed), '--runs', '3', '--report-dir', again]);
  expect(rerun.code, rerun.stderr).toBe(0);
  const parts = (dir: string) => (JSON.parse(readFileSync(join(dir, 'outcomes.json'), 'utf8')) as TestOutcome[])
    .flatMap((o) => readModelSummaries(o.annotations))
    .sort((a, b) => a.part - b.part);
  expect(parts(typed).map((p) => p.partSeed)).toEqual([UNSIGNED_SEED, UNSIGNED_SEED + 1, UNSIGNED_SEED + 2]);
  expect(parts(again)).toEqual(parts(typed));
});

test('the replay line carries the target, the config, --strict, the faults and a non-default timeout, and no password', () => {
  const embedded = { strict: false, faults: ['a', 'b'], requestTimeoutMs: 30_000 };
  expect(replayLine(-5, '3:1~B:A', embedded)).toBe('npx flow-conformance --requirement ORD-007 --seed 4294967291 --path "3:1~B:A" --fault a --fault b');
  expect(replayLine(7, '3', { ...embedded, strict: true, requestTimeoutMs: 2_500 })).toBe('npx flow-conformance --requirement ORD-007 --seed 7 --path "3" --strict --fault a --fault b --timeout 3');
  const real = { strict: false, faults: ['ignored'], requestTimeoutMs: 30_000, target: 'https://kit:s3cret@flow.example/data/foundation/flowservice', config: '/home/me/my conf/flow-conformance.config.ts' };
  const line = replayLine(7, '3', real);
  expect(line).toBe("npx flow-conformance --requirement ORD-007 --seed 7 --path \"3\" --target https://flow.example/data/foundation/flowservice --config '/home/me/my conf/flow-conformance.config.ts'");
  expect(line).not.toContain('s3cret');
});
