// The schema-driven property suite: for every create and PATCH operation of specs/flow-service.yaml, bodies generated
// from its request schema (schemas/request-bodies.ts) and named mutations of them (schemas/body-mutations.ts), run
// with fast-check and shrunk to a minimal body on failure. One test per operation and requirement, each tagged with
// that one ID: a 5xx fails API-007 only, an invalid body accepted fails API-011 only, and a pass of each tag is that
// test's own. A failure prints the shrunk body, its mutation and the line that replays it.
import type fc from 'fast-check';
import { draftsUnsupported, type Discovery } from './support/discovery.ts';
import type { Builders } from './support/builders.ts';
import type { FlowClient } from './support/client.ts';
import { requireDrafts, test, type Ledger } from './support/fixtures.ts';
import type { Recorder } from './support/recorder.ts';
import type { Redactor } from '../kit/redact.ts';
import type { Steps } from './support/steps.ts';
import type { Target } from './support/target.ts';
import type { Kind } from '../kit/kinds.ts';
import { CREATE_REQUIREMENT } from './support/steps.ts';
import { readRunSetting } from '../kit/run-settings.ts';
import { CouldNotCheck, RequirementFailure } from './support/verdicts.ts';
import { createAnswersValidate, createCases, createNever5xx, createRefusesInvalid, draftCreated, fixedFields } from './properties/creates.ts';
import { entityToPatch, patchAnswersValidate, patchCases, patchNever5xx, patchRefusesInvalid } from './properties/patches.ts';
import { propertyBudgetMs, propertyPlan, propertyReplayLine } from './properties/plan.ts';
import { runProperty, type Sending } from './properties/run-property.ts';
import { recordEvidence } from './support/evidence.ts';

// hundreds of requests a test: the node transport whatever --transport says, as for the model-based suite
test.use({ transport: 'node' });
test.describe.configure({ mode: 'parallel' });

/** Every test of the suite carries it besides its requirement: `--grep @property` runs the suite alone. */
const PROPERTY_TAG = '@property';

const OPERATIONS: { kind: Kind; create: string; patch: string }[] = [
  { kind: 'connections', create: 'createConnection', patch: 'patchConnection' },
  { kind: 'sourceConnections', create: 'createSourceConnection', patch: 'patchSourceConnection' },
  { kind: 'targetConnections', create: 'createTargetConnection', patch: 'patchTargetConnection' },
  { kind: 'flows', create: 'createFlow', patch: 'patchFlow' },
];

interface Fixtures {
  api: FlowClient;
  steps: Steps;
  build: Builders;
  target: Target;
  discovery: Discovery;
  ledger: Ledger;
  recorder: Recorder;
  redactor: Redactor;
  embeddedFaults: string[];
}

/** Runs one property and turns its report into the test's verdict: a failure with its shrunk body, or a pass on evidence. */
async function verdict<T>(f: Fixtures, requirement: string, operationId: string, arbitrary: fc.Arbitrary<T>, check: (value: T, sending: Sending) => Promise<number>): Promise<void> {
  const { target, ledger, recorder, redactor, embeddedFaults } = f;
  const testInfo = test.info();
  const config = target.config.model ?? {};
  const plan = propertyPlan(config, readRunSetting('shardRunId') ?? readRunSetting('runId'), target.embedded);
  const budgetMs = propertyBudgetMs(target.embedded, config);
  // a backstop only: the property keeps to its budget between cases (making cases, shrinking, the replay)
  test.setTimeout(Math.max(testInfo.timeout, 3 * budgetMs + 4 * target.config.requestTimeoutMs * 20));
  const run = {
    strict: target.strict, faults: embeddedFaults, requestTimeoutMs: target.config.requestTimeoutMs,
    ...(target.embedded ? {} : { target: target.baseUrl }), ...(readRunSetting('configFile') ? { config: readRunSetting('configFile') } : {}),
  };
  let report;
  try {
    report = await runProperty({
      requirement, arbitrary, check, plan, budgetMs, ledger, recorder, redactor,
      replayCommand: (seed, path) => propertyReplayLine(requirement, operationId, seed, path, run),
    });
  } catch (error) {
    test.skip(error instanceof Error && error.message.includes('--max-requests'), 'not-applicable: the request budget (--max-requests) ran out during this check');
    throw error;
  }
  testInfo.annotations.push({ type: 'property', description: JSON.stringify({ operationId, seed: plan.seed, ...(plan.path ? { path: plan.path } : {}), asked: plan.runs, cases: report.runs, judged: report.judged }) });
  if (report.failure) {
    const { message, mutation, body, replay, exchanges } = report.failure;
    testInfo.annotations.push({ type: 'property-failure', description: JSON.stringify({ operationId, requirement, ...(mutation ? { mutation } : {}), body, replay }) });
    // the shrunk case's own exchanges, ahead of the fixture's: the first recorded are the test's evidence
    await recordEvidence(testInfo, exchanges);
    throw new RequirementFailure(message);
  }
  if (report.judged === 0) {
    throw new CouldNotCheck(`could not check: ${report.runs} generated case${report.runs === 1 ? '' : 's'} of ${operationId} left no answer this requirement judges (each was refused, or a 5xx, which is API-007's)${report.shortfall ? `; ${report.shortfall}` : ''} [${requirement}]`);
  }
  if (report.shortfall) testInfo.annotations.push({ type: 'coverage', description: `${operationId}: ${report.shortfall}` });
}

/** The spec a kind's drafts depend on. */
function discoveryNeed(kind: Kind): 'source' | 'target' | 'flow' {
  return kind === 'flows' ? 'flow' : kind === 'targetConnections' ? 'target' : 'source';
}

/** Create modes the target supports for a kind: without mode always, `mode=draft` where its spec says so. */
function modesFor(discovery: Discovery, kind: Kind): (string | null)[] {
  const need = discoveryNeed(kind);
  return draftsUnsupported(discovery, [need]) === undefined ? [null, 'draft'] : [null];
}

for (const { kind, create, patch } of OPERATIONS) {
  test(`${create}: generated valid bodies and named mutations of them never get a 5xx`, { tag: ['@API-007', PROPERTY_TAG] }, async ({ api, steps, build, target, discovery, ledger, recorder, redactor, embeddedFaults }) => {
    const f = { api, steps, build, target, discovery, ledger, recorder, redactor, embeddedFaults };
    const prefix = f.build.name('prop');
    const fixed = await fixedFields(kind, f.steps, f.build, f.target.config.targetNeedsBaseConnection);
    await verdict(f, 'API-007', create, createCases(create, fixed, prefix, true, modesFor(f.discovery, kind)), (value, sending) => createNever5xx(f.api, kind, create, value, sending));
  });

  test(`${create}: the 2xx answers to generated valid bodies validate against their schemas`, { tag: ['@API-008', PROPERTY_TAG] }, async ({ api, steps, build, target, discovery, ledger, recorder, redactor, embeddedFaults }) => {
    const f = { api, steps, build, target, discovery, ledger, recorder, redactor, embeddedFaults };
    const prefix = f.build.name('prop');
    const fixed = await fixedFields(kind, f.steps, f.build, f.target.config.targetNeedsBaseConnection);
    await verdict(f, 'API-008', create, createCases(create, fixed, prefix, true, modesFor(f.discovery, kind)), (value, sending) => createAnswersValidate(f.api, kind, create, value, sending));
  });

  test(`${create}: generated invalid bodies (named mutations of a valid one) are refused with 4xx and create nothing`, { tag: ['@API-011', PROPERTY_TAG] }, async ({ api, steps, build, target, discovery, ledger, recorder, redactor, embeddedFaults }) => {
    const f = { api, steps, build, target, discovery, ledger, recorder, redactor, embeddedFaults };
    const prefix = f.build.name('prop');
    const fixed = await fixedFields(kind, f.steps, f.build, f.target.config.targetNeedsBaseConnection);
    await verdict(f, 'API-011', create, createCases(create, fixed, prefix, false, [null]), (value, sending) => createRefusesInvalid(f.api, f.steps, kind, create, value, sending));
  });

  const draftRequirement = CREATE_REQUIREMENT[kind];
  test(`${create}: generated valid draft bodies answer an id and an etag that read back`, { tag: [`@${draftRequirement}`, PROPERTY_TAG] }, async ({ api, steps, build, target, discovery, ledger, recorder, redactor, embeddedFaults }) => {
    const f = { api, steps, build, target, discovery, ledger, recorder, redactor, embeddedFaults };
    // the entities a draft names are live ones: only its own spec's draft support matters
    requireDrafts(f.discovery, [discoveryNeed(kind)]);
    const prefix = f.build.name('prop');
    const fixed = await fixedFields(kind, f.steps, f.build, f.target.config.targetNeedsBaseConnection);
    await verdict(f, draftRequirement, create, createCases(create, fixed, prefix, false, ['draft']), (value, sending) => draftCreated(f.api, f.steps, kind, draftRequirement, value, sending));
  });

  test(`${patch}: generated valid patches and named mutations of them never get a 5xx`, { tag: ['@API-007', PROPERTY_TAG] }, async ({ api, steps, build, target, discovery, ledger, recorder, redactor, embeddedFaults }) => {
    const f = { api, steps, build, target, discovery, ledger, recorder, redactor, embeddedFaults };
    const patched = await entityToPatch(kind, f.steps, f.build, f.target.config.targetNeedsBaseConnection);
    await verdict(f, 'API-007', patch, patchCases(patch, patched, f.build.name('prop'), true), (value, sending) => patchNever5xx(f.api, patch, patched, value, sending));
  });

  test(`${patch}: the 2xx answers to generated valid patches validate against their schemas`, { tag: ['@API-008', PROPERTY_TAG] }, async ({ api, steps, build, target, discovery, ledger, recorder, redactor, embeddedFaults }) => {
    const f = { api, steps, build, target, discovery, ledger, recorder, redactor, embeddedFaults };
    const patched = await entityToPatch(kind, f.steps, f.build, f.target.config.targetNeedsBaseConnection);
    await verdict(f, 'API-008', patch, patchCases(patch, patched, f.build.name('prop'), true), (value, sending) => patchAnswersValidate(f.api, patch, patched, value, sending));
  });

  test(`${patch}: generated invalid patches (named mutations of a valid one) are refused with 4xx and change nothing`, { tag: ['@API-011', PROPERTY_TAG] }, async ({ api, steps, build, target, discovery, ledger, recorder, redactor, embeddedFaults }) => {
    const f = { api, steps, build, target, discovery, ledger, recorder, redactor, embeddedFaults };
    const patched = await entityToPatch(kind, f.steps, f.build, f.target.config.targetNeedsBaseConnection);
    await verdict(f, 'API-011', patch, patchCases(patch, patched, f.build.name('prop'), false), (value, sending) => patchRefusesInvalid(f.api, patch, patched, value, sending));
  });
}
