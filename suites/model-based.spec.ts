// ORD-007: random sequences of creates (draft or not), updates, publishes, deletes and racing patches across the four
// kinds, checked step by step against the model. The budget is split over a few parts, separate tests that workers
// run side by side, each with its own seed, model and entities. A failure is the shrunk sequence, one step a line,
// with the seed and path that replay it (that part's own seed: the other parts are skipped on replay).
import { writeCoverage } from '../kit/annotations/coverage.ts';
import { writeModelFailure } from '../kit/annotations/model-failure.ts';
import { writeModelSummary } from '../kit/annotations/model-summary.ts';
import { requireDrafts, test } from './support/fixtures.ts';
import { couldNotCheck, RequirementFailure } from './support/verdicts.ts';
import { DEFAULT_MAX_COMMANDS, masterSeed, PARTS, partTimeBudgetMs, planPart, testTimeoutMs } from './model/budget.ts';
import { requireCoverage, runPart } from './model/part.ts';
import { replayLine } from './model/replay.ts';
import { readRunSetting } from '../kit/run-settings.ts';
import { recordEvidence } from './support/evidence.ts';

// thousands of requests a run: the node transport whatever --transport says (suites/support/transport.ts)
test.use({ transport: 'node' });
test.describe.configure({ mode: 'parallel' });

for (let part = 0; part < PARTS; part++) {
  test(`random sequences of creates, updates, publishes and deletes agree with the model, and no published entity names a draft (part ${part + 1} of ${PARTS})`, { tag: '@ORD-007' }, async ({ api, build, target, discovery, ledger, recorder, embeddedFaults }, testInfo) => {
    requireDrafts(discovery, ['source', 'target', 'flow']);
    const config = target.config.model ?? {};
    // the shards of one run share its id (cli/shard.ts), so they share one seed; an unsharded run has its own
    const master = masterSeed(config, readRunSetting('shardRunId') ?? readRunSetting('runId'));
    const plan = planPart(part, config, master);
    test.skip(plan.skip !== undefined, plan.skip);
    if (config.path !== undefined && config.seed === undefined) {
      throw couldNotCheck(`could not check: --path ${config.path} replays a sequence of one seed, and no --seed was given (the failure report prints both)`);
    }
    const maxCommands = config.maxCommands ?? DEFAULT_MAX_COMMANDS;
    const budgetMs = partTimeBudgetMs(config, testInfo.config.workers, target.embedded);
    // a backstop only: the part keeps to its budget itself, so a slow or rate-limited target gets fewer runs, not a timeout
    test.setTimeout(Math.max(testInfo.timeout, testTimeoutMs(budgetMs, target.config, maxCommands)));

    const run = {
      strict: target.strict, faults: embeddedFaults, requestTimeoutMs: target.config.requestTimeoutMs,
      ...(target.embedded ? {} : { target: target.baseUrl }), ...(readRunSetting('configFile') ? { config: readRunSetting('configFile') } : {}),
    };
    let report;
    try {
      report = await runPart({
        plan, api, build, ledger, recorder, strict: target.strict, maxCommands, budgetMs,
        replayCommand: (seed, path) => replayLine(seed, path, run),
      });
    } catch (error) {
      // the fixture stops a check when --max-requests is spent: not a verdict either way
      test.skip(error instanceof Error && error.message.includes('--max-requests'), 'not-applicable: the request budget (--max-requests) ran out during this check');
      throw error;
    }
    const asked = plan.path !== undefined ? 1 : plan.runs;
    // a replay's path too: a baseline entry of a model-based failure is fixed only by a pass of its own sequence
    writeModelSummary(testInfo, { seed: master, part: part + 1, partSeed: plan.seed, ...(plan.path !== undefined ? { path: plan.path } : {}), runs: report.runs, steps: report.steps, asked, ...(report.shortfall ? { shortfall: report.shortfall } : {}) });
    if (report.failure) {
      const { steps, path, replay, exchanges, message, cause, notes } = report.failure;
      // results.json's model.failures and the report's shrunk steps read this: fields, not lines cut out of a message
      writeModelFailure(testInfo, { part: part + 1, seed: plan.seed, path, steps, replay, cause, ...(notes.length ? { notes } : {}) });
      // the shrunk sequence's own exchanges, ahead of the fixture's: the first recorded are the test's evidence
      await recordEvidence(testInfo, exchanges);
      throw new RequirementFailure(message);
    }
    requireCoverage(report, plan);
    if (report.shortfall) writeCoverage(testInfo, `part ${part + 1} of ${PARTS} made ${report.shortfall}`);
  });
}
