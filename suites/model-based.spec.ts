// ORD-007: random sequences of creates (draft or not), updates, publishes, deletes and racing patches across the four
// kinds, checked step by step against the model. A failure is the shrunk sequence, one step a line, with the seed and
// path that replay it.
import fc from 'fast-check';
import { deleteEntries, requireDrafts, test } from './support/fixtures.ts';
import type { Kind } from './support/operations.ts';
import { RequirementFailure } from './support/verdicts.ts';
import { AddSourceCommand, CreateCommand, DeleteCommand, PatchCommand, PublishCommand, RaceCommand, type Real } from './model/commands.ts';
import { Model } from './model/model.ts';

// thousands of requests a run: the node transport whatever --transport says (suites/support/transport.ts)
test.use({ transport: 'node' });

function commandArbitraries() {
  // flows are where the order rules meet, so every operation leans towards them
  const kind = fc.constantFrom<Kind>('connections', 'sourceConnections', 'targetConnections', 'flows', 'flows');
  const index = fc.nat({ max: 3 });
  const create = fc.tuple(kind, fc.boolean(), index, index).map(([k, draft, a, b]) => new CreateCommand(k, draft, a, b));
  const publish = fc.tuple(kind, index).map(([k, i]) => new PublishCommand(k, i, true));
  return [
    create, create, create,
    publish, publish, publish,
    fc.tuple(kind, index).map(([k, i]) => new PublishCommand(k, i, false)),
    fc.tuple(index, index).map(([f, s]) => new AddSourceCommand(f, s)),
    fc.tuple(kind, index).map(([k, i]) => new PatchCommand(k, i)),
    fc.tuple(kind, index).map(([k, i]) => new PatchCommand(k, i)),
    fc.tuple(kind, index).map(([k, i]) => new DeleteCommand(k, i)),
    fc.tuple(kind, index, fc.integer({ min: 2, max: 5 })).map(([k, i, n]) => new RaceCommand(k, i, n)),
  ];
}

test('random sequences of creates, updates, publishes and deletes agree with the model, and no published entity names a draft', { tag: '@ORD-007' }, async ({ api, build, target, discovery, ledger }, testInfo) => {
  requireDrafts(discovery, ['source', 'target', 'flow']);
  const { runs, seed, path, maxCommands } = target.config.model ?? {};
  // 120 s covers the default 50 runs many times over; a bigger --runs budget gets the same allowance per run
  test.setTimeout(Math.max(120_000, testInfo.timeout, (runs ?? 50) * 2_400));
  let steps = 0;
  const property = fc.asyncProperty(fc.commands(commandArbitraries(), { maxCommands: maxCommands ?? 30, size: 'max' }), async (commands) => {
    const real: Real = { api, build };
    const before = ledger.entries.length;
    // Inside a step, each request Playwright records finds its parent step at once; outside one, Playwright walks every
    // step the test has recorded so far (one per request), which made long runs quadratic (bench/: --runs 1000).
    await test.step('model run', async () => {
      try {
        await fc.asyncModelRun(() => ({ model: new Model(target.strict), real }), commands);
      } finally {
        steps += [...commands].length;
        // what this run created (the test's ledger lists every create): deleted now, so runs do not pile up
        await deleteEntries(ledger, ledger.entries.slice(before));
      }
    });
  });
  const replaying = path !== undefined;
  const details = await fc.check(property, {
    ...(replaying ? {} : { numRuns: runs ?? 50 }),
    ...(seed !== undefined ? { seed } : {}),
    ...(replaying ? { path } : {}),
  });
  testInfo.annotations.push({ type: 'model', description: JSON.stringify({ seed: details.seed, runs: details.numRuns, steps }) });
  if (!details.failed) return;

  const counterexample = details.counterexample?.[0] as Iterable<{ hasRan?: boolean; toString(): string }> | undefined;
  const lines = counterexample ? [...counterexample].filter((c) => c.hasRan !== false).map((c, i) => `  ${i + 1}. ${c.toString()}`) : [];
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance ?? 'unknown');
  // the fixture stops a check when --max-requests is spent; fast-check saw that as a failing step, but it is not one
  test.skip(cause.includes('--max-requests'), 'not-applicable: the request budget (--max-requests) ran out during this check');
  const replay = `flow-conformance --requirement ORD-007 --seed ${details.seed} --path "${details.counterexamplePath ?? ''}"`;
  testInfo.annotations.push({ type: 'model-failure', description: JSON.stringify({ steps: lines, seed: details.seed, path: details.counterexamplePath, replay }) });
  throw new RequirementFailure(`${cause.split('\n')[0]}\nshrunk sequence (${lines.length} steps):\n${lines.join('\n')}\nreplay: ${replay}`);
});

