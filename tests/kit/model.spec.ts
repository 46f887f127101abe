// The model-based suite's own parts, without a server: the model's predictions where the catalogue leaves outcomes
// open, the step labels of a run, the budget arithmetic, and one part run against a fake target on a fake clock
// (time budget, coverage, a failure's shrunk sequence, its evidence and its replay).
import { expect, test } from '@playwright/test';
import { parseCommandLine, UsageError } from '../../cli/args.ts';
import { Recorder } from '../../suites/support/recorder.ts';
import { Redactor } from '../../kit/redact.ts';
import { CouldNotCheck } from '../../suites/support/verdicts.ts';
import { masterSeed, PARTS, partTimeBudgetMs, planPart, testTimeoutMs } from '../../suites/model/budget.ts';
import { CreateCommand, type Real } from '../../suites/model/commands.ts';
import { Model, type ModelEntity } from '../../suites/model/model.ts';
import { requireCoverage, runPart, type PartContext } from '../../suites/model/part.ts';
import { fakeTarget, type FakeOptions } from './model-fake.ts';

function entity(model: Model, fields: Partial<ModelEntity> & Pick<ModelEntity, 'kind' | 'id'>): ModelEntity {
  const made: ModelEntity = { draft: false, etag: '"1"', parents: [], unsound: false, ...fields };
  model.entities.set(made.id, made);
  return made;
}

test.describe('the model', () => {
  test('under --strict, a live flow naming a source whose base was deleted is an open outcome, not a 4xx', () => {
    const model = new Model(true);
    entity(model, { kind: 'connections', id: 'b' });
    const source = entity(model, { kind: 'sourceConnections', id: 's', parents: ['b'] });
    const target = entity(model, { kind: 'targetConnections', id: 't' });
    model.remove('b');
    expect(source.unsound).toBe(true);
    expect(model.predictCreate(false, [source, target])).toBe('either');
    expect(model.predictCreate(true, [source, target])).toBe('either');
    // a sound draft parent still fixes ORD-006's 4xx under --strict
    const draft = entity(model, { kind: 'sourceConnections', id: 'd', draft: true });
    expect(model.predictCreate(false, [draft, target])).toBe('4xx');
  });

  test('a draft reference added to a live flow by PATCH has ORD-006 level: 4xx under --strict, else open', () => {
    for (const strict of [false, true]) {
      const model = new Model(strict);
      const flow = entity(model, { kind: 'flows', id: 'f' });
      const draft = entity(model, { kind: 'sourceConnections', id: 'd', draft: true });
      expect(model.predictAddReference(flow, draft)).toBe(strict ? '4xx' : 'either');
      expect(model.predictCreate(false, [draft])).toBe(strict ? '4xx' : 'either');
    }
    // accepted outside --strict, the flow is unsound: ORD-007's MUST invariant no longer speaks for it
    const model = new Model(false);
    const flow = entity(model, { kind: 'flows', id: 'f', parents: ['d'], unsound: true });
    entity(model, { kind: 'sourceConnections', id: 'd', draft: true });
    expect(model.violations()).toEqual([]);
    flow.unsound = false;
    expect(model.violations()).toEqual(['live flows f names the draft sourceConnections d']);
  });
});

test('a step label describes the run it was made in, not the last one', async () => {
  const recorder = new Recorder(new Redactor([]));
  const { api, build } = fakeTarget(recorder);
  const command = new CreateCommand('flows', true, 0, 0);
  const first: Real = { api, build, trace: [] };
  const model = new Model(false);
  await command.run(model, first);
  expect(first.trace).toEqual(['create draft flow (parents #0 #0) after creating base and source and target']);
  // the same command object in another run (as fast-check reuses it while shrinking), where the parents exist
  const second: Real = { api, build, trace: [] };
  await command.run(model, second);
  expect(second.trace).toEqual(['create draft flow (parents #0 #0)']);
  expect(first.trace).toEqual(['create draft flow (parents #0 #0) after creating base and source and target']);
  expect(command.toString()).toBe('create draft flow (parents #0 #0)');
});

test.describe('the budget', () => {
  test('the runs are split over the parts, each with its own seed; a replay runs in one part only', () => {
    const plans = Array.from({ length: PARTS }, (_, i) => planPart(i, { runs: 50 }, 7));
    expect(plans.map((p) => p.runs)).toEqual([13, 13, 12, 12]);
    expect(plans.map((p) => p.seed)).toEqual([7, 8, 9, 10]);
    expect(planPart(3, { runs: 2 }, 7).skip).toMatch(/^not-applicable: /);
    expect(planPart(0, { runs: 200 }, 2)).toEqual({ part: 0, seed: 2, runs: 50 });
    expect(planPart(3, {}, 2 ** 32 - 1).seed).toBe(2);
    const replay = [0, 1].map((i) => planPart(i, { seed: 9, path: '3:1~B:A' }, 9));
    expect(replay[0]).toEqual({ part: 0, seed: 9, runs: 1, path: '3:1~B:A' });
    expect(replay[1]!.skip).toMatch(/^not-applicable: replaying/);
  });

  test('without --seed every worker derives the same seed from the run id', () => {
    expect(masterSeed({}, 'fck-abc')).toBe(masterSeed({}, 'fck-abc'));
    expect(masterSeed({}, 'fck-abc')).not.toBe(masterSeed({}, 'fck-abd'));
    expect(masterSeed({ seed: 5 }, 'fck-abc')).toBe(5);
    // printed unsigned, one spelling for one seed (fast-check reads 2^32 - 1 and -1 alike)
    expect(masterSeed({ seed: -1 }, undefined)).toBe(2 ** 32 - 1);
    expect(masterSeed({}, 'fck-abc')).toBeGreaterThanOrEqual(0);
  });

  test('the time budget stretches with the workers that run parts side by side; the timeout follows the request timeout', () => {
    expect(partTimeBudgetMs({ timeBudgetMs: 60_000 }, 1)).toBe(15_000);
    expect(partTimeBudgetMs({ timeBudgetMs: 60_000 }, 2)).toBe(30_000);
    expect(partTimeBudgetMs({ timeBudgetMs: 60_000 }, 8)).toBe(60_000);
    const requests = { requestTimeoutMs: 30_000, maxRetries: 3, maxRetryDelayMs: 30_000, settleTimeoutMs: 30_000 };
    const slow = testTimeoutMs(30_000, { ...requests, requestTimeoutMs: 60_000 }, 30);
    expect(slow).toBeGreaterThan(testTimeoutMs(30_000, requests, 30));
    expect(testTimeoutMs(30_000, requests, 30)).toBeGreaterThan(3 * 30_000);
  });
});

test.describe('one part against a fake target', () => {
  function context(plan: PartContext['plan'], budgetMs: number, options: FakeOptions & { msPerRequest?: number } = {}) {
    let clock = 0;
    const recorder = new Recorder(new Redactor([]));
    const fake = fakeTarget(recorder, { ...options, onRequest: () => (clock += options.msPerRequest ?? 1) });
    const ctx: PartContext = {
      plan, api: fake.api, build: fake.build, ledger: { entries: [] }, recorder, strict: true, maxCommands: 30, budgetMs,
      replayCommand: (seed, path) => `flow-conformance --requirement ORD-007 --seed ${seed} --path "${path}"`,
      now: () => clock,
    };
    return { ctx, fake };
  }

  test('a conformant target passes with every run made; a slow one gets fewer runs, said so, and never fails', async () => {
    const fast = await runPart(context({ part: 0, seed: 1, runs: 12 }, 60_000).ctx);
    expect(fast.failure?.message).toBeUndefined();
    expect(fast.shortfall).toBeUndefined();
    expect(fast.runs).toBe(12);
    expect(fast.steps).toBeGreaterThan(12);
    requireCoverage(fast, { part: 0, seed: 1, runs: 12 });

    // 100 ms a request and a 5 s budget: a few runs, then the part stops between runs (or steps) and says why
    const slow = await runPart(context({ part: 0, seed: 1, runs: 12 }, 5_000, { msPerRequest: 100 }).ctx);
    expect(slow.failure).toBeUndefined();
    expect(slow.runs).toBeGreaterThan(0);
    expect(slow.runs).toBeLessThan(12);
    expect(slow.shortfall).toMatch(new RegExp(`^${slow.runs} of 12 runs, ${slow.steps} steps: its time budget of 5 s ran out`));
    requireCoverage(slow, { part: 0, seed: 1, runs: 12 });
  });

  test('a sequence with no step that could run is not counted as a run: every counted run made a step', async () => {
    // one command a sequence: many are empty or act on nothing yet, and used to count as runs that checked nothing
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const { ctx } = context({ part: 0, seed, runs: 3 }, 60_000);
      const report = await runPart({ ...ctx, maxCommands: 1 });
      expect(report.runs, `seed ${seed}`).toBe(3);
      expect(report.steps, `seed ${seed}`).toBeGreaterThanOrEqual(3);
    }
  });

  test('a create answering an id the run already holds ends the part as could-not-check (DRAFT-012), and does not loop', async () => {
    // with one id for everything, a flow's missing parents used to be made again and again, each overwriting the last
    const { ctx, fake } = context({ part: 0, seed: 1, runs: 5 }, 60_000, { reuseIds: true });
    const run = runPart(ctx);
    await expect(run).rejects.toThrow(CouldNotCheck);
    await expect(run).rejects.toThrow(/see DRAFT-012 \[ORD-007\]/);
    expect(fake.requests()).toBeLessThan(50);
  });

  test('a part that made no run cannot pass', async () => {
    const none = await runPart(context({ part: 0, seed: 1, runs: 12 }, 0).ctx);
    expect(none).toMatchObject({ runs: 0, steps: 0 });
    expect(() => requireCoverage(none, { part: 0, seed: 1, runs: 12 })).toThrow(CouldNotCheck);
    expect(() => requireCoverage(none, { part: 0, seed: 1, runs: 12 })).toThrow(/could not check: part 1 made 0 complete runs and 0 steps/);
  });

  test('a failure is the shrunk run: its labels, its exchanges, and a replay line that fails the same way', async () => {
    const { ctx } = context({ part: 0, seed: 3, runs: 50 }, 60_000, { publishIgnoresParents: true });
    const report = await runPart(ctx);
    const failure = report.failure!;
    expect(failure.message).toMatch(/expected 4xx \(a parent is still a draft\), received 200/);
    expect(failure.message).not.toMatch(/did not fail again/);
    expect(failure.message).toContain(`shrunk sequence (${failure.steps.length} steps):`);
    expect(failure.steps.at(-1)).toMatch(/^publish /);
    // the evidence ends with the publish that broke the rule, and holds only that run's requests
    const last = failure.exchanges.at(-1)!;
    expect(last.request.url).toMatch(/action\?op=publish$/);
    expect(last.response?.status).toBe(200);
    expect(failure.exchanges.filter((e) => e.request.method === 'DELETE')).toEqual([]);
    expect(failure.path).toMatch(/^\d+(:\d+)*~/);

    // the printed --seed and --path, in a fresh part, replay exactly that sequence
    const again = await runPart(context({ part: 0, seed: 3, runs: 1, path: failure.path }, 60_000, { publishIgnoresParents: true }).ctx);
    expect(again.runs).toBe(1);
    expect(again.failure?.steps).toEqual(failure.steps);
  });
});

test('--path replays only with the --seed it was printed with, and takes the command log after the path', () => {
  expect(() => parseCommandLine(['--requirement', 'ORD-007', '--path', '1:2'])).toThrow(UsageError);
  expect(() => parseCommandLine(['--seed', '4', '--path', '1:x'])).toThrow(UsageError);
  expect(parseCommandLine(['--seed', '4', '--path', '12:9:1~BVBaF7:q'])).toMatchObject({ seed: 4, path: '12:9:1~BVBaF7:q' });
  expect(parseCommandLine(['--seed', '4294967295', '--path', '3'])).toMatchObject({ seed: 2 ** 32 - 1, path: '3' });
});
