// Playwright fixtures every suite shares. Worker scope: the target (starting the embedded reference server when no
// URL is given), the two transports (Playwright's request context, a keep-alive node client), and the specs
// discovered on the target. Test scope: a recording client whose
// exchanges become the test's evidence, builders, and a ledger that deletes what the test created, in reverse
// dependency order, whether the test passed or not.
import { request } from '@playwright/test';
import { apiTest as base } from './api-test.ts';
import { DEFAULT_CREDENTIALS, startReferenceServer } from '../../server/index.ts';
import { appendLedger } from '../../kit/ledger.ts';
import { writeJudgedCounts } from '../../kit/annotations/every-exchange.ts';
import { writeNotRun } from '../../kit/annotations/not-run.ts';
import { writeViolation } from '../../kit/annotations/violation.ts';
import { sharedBreaker } from '../../kit/breaker.ts';
import { Builders } from './builders.ts';
import { recordEvidence } from './evidence.ts';
import { FlowClient } from './client.ts';
import { discover, draftsUnsupported, type Discovery } from './discovery.ts';
import { DELETE_ORDER, isGone, type Kind } from '../../kit/kinds.ts';
import { Recorder } from './recorder.ts';
import { Steps } from './steps.ts';
import { Redactor } from '../../kit/redact.ts';
import { CouldNotCheck } from './verdicts.ts';
import { ENV, resolveTarget, type Target } from './target.ts';
import { readRunSettings, type TransportName } from '../../kit/run-settings.ts';
import { nodeTransport, playwrightTransport, transportFromEnv, type Transport } from './transport.ts';

export interface Ledger {
  entries: { kind: Kind; id: string; client: FlowClient }[];
}

export interface WorkerOptions {
  /** Fault modes for the embedded reference server (self-validation runs one project per fault). */
  embeddedFaults: string[];
}

interface WorkerFixtures {
  target: Target;
  transports: Record<TransportName, Transport>;
  discovery: Discovery;
}

export interface TestOptions {
  /** Which transport `api` sends through (suites/support/transport.ts); the CLI's --transport sets it. */
  transport: TransportName;
}

interface TestFixtures extends TestOptions {
  runMode: void;
  redactor: Redactor;
  recorder: Recorder;
  ledger: Ledger;
  api: FlowClient;
  build: Builders;
  steps: Steps;
}

const SETTINGS = readRunSettings();
/** The run's cleanup ledger (set by the CLI): entities are listed the moment they exist, so nothing is lost. */
const LEDGER = SETTINGS.ledgerFile;
const READ_ONLY = SETTINGS.readOnly;
/** Set by the CLI for --target runs: once the target stopped answering, the checks left are not started. */
const BREAKER = sharedBreaker(SETTINGS.breakerFile);
/** This worker's share of --max-requests. */
const budget = { spent: 0, limit: SETTINGS.maxRequestsPerWorker ?? Infinity };
const MAX_EVIDENCE = 300;

export const test = base.extend<TestFixtures, WorkerFixtures & WorkerOptions>({
  embeddedFaults: [SETTINGS.faults, { option: true, scope: 'worker' }],
  target: [
    async ({ embeddedFaults }, use, workerInfo) => {
      const url = process.env[ENV.url];
      if (url) {
        const target = await resolveTarget(url, false);
        target.runId = `${target.runId}-w${workerInfo.workerIndex}`;
        await use(target);
        return;
      }
      // No target given: the embedded reference server, with any fault modes the self-validation asks for.
      const server = await startReferenceServer({ faults: embeddedFaults, credentials: DEFAULT_CREDENTIALS });
      const target = await resolveTarget(server.url, true, {
        ...process.env,
        [ENV.token]: DEFAULT_CREDENTIALS.accessToken,
        [ENV.apiKey]: DEFAULT_CREDENTIALS.apiKey,
        [ENV.org]: DEFAULT_CREDENTIALS.orgId,
        [ENV.otherSandbox]: process.env[ENV.otherSandbox] || 'kit-other',
      });
      target.runId = `${target.runId}-w${workerInfo.workerIndex}`;
      await use(target);
      await server.close();
    },
    { scope: 'worker' },
  ],
  transports: [
    async ({}, use) => {
      const transports = { playwright: playwrightTransport(await request.newContext({ ignoreHTTPSErrors: false })), node: nodeTransport() };
      await use(transports);
      await Promise.all([transports.playwright.dispose(), transports.node.dispose()]);
    },
    { scope: 'worker' },
  ],
  discovery: [
    async ({ target, transports }, use) => {
      const recorder = new Recorder(new Redactor(target.secrets));
      await use(await discover(new FlowClient(transports[transportFromEnv()], target, recorder)));
    },
    { scope: 'worker' },
  ],
  // --read-only runs only checks tagged @read-only (GETs); --max-requests stops a worker once its share is spent; a
  // run the target stopped answering starts no more checks: each is `error` (not run) at once, skipped rather than
  // failed, since every failed test costs Playwright a new worker
  runMode: [
    async ({}, use, testInfo) => {
      const stopped = BREAKER?.tripped();
      if (stopped) {
        writeNotRun(testInfo, `not run: ${stopped}`);
        test.skip(true, `not run: ${stopped}`);
      }
      if (READ_ONLY && !testInfo.tags.includes('@read-only')) test.skip(true, 'not-applicable: a --read-only run sends only GETs and this check needs writes');
      test.skip(budget.spent >= budget.limit, `not-applicable: the request budget (--max-requests) was spent before this check`);
      await use();
    },
    { auto: true },
  ],
  redactor: async ({ target }, use) => {
    await use(new Redactor(target.secrets));
  },
  recorder: async ({ redactor }, use) => {
    await use(new Recorder(redactor));
  },
  ledger: async ({}, use) => {
    await use({ entries: [] });
  },
  transport: [transportFromEnv(), { option: true }],
  api: async ({ transports, transport, target, recorder, ledger }, use, testInfo) => {
    const api = new FlowClient(transports[transport], target, recorder, target.sandbox, (kind, id, client) => {
      ledger.entries.push({ kind, id, client });
      appendLedger(LEDGER, { op: 'created', kind, id, sandbox: client.sandbox });
    });
    const record = recorder.record.bind(recorder);
    let inBody = true;
    recorder.record = (exchange) => {
      record(exchange);
      if (++budget.spent > budget.limit && inBody) {
        inBody = false;
        testInfo.skip(true, 'not-applicable: the request budget (--max-requests) ran out during this check');
      }
    };
    await use(api);
    inBody = false;
    recorder.startCleanup();
    await deleteEntries(ledger);
    ledger.entries.length = 0;
    writeJudgedCounts(testInfo, recorder.judged);
    // the exchange that broke the rule (already redacted) is the evidence, not the test's last exchanges; one per
    // distinct message, a few per test, so a target that answers 5xx to everything cannot bloat the outcomes
    const shown = new Set<string>();
    for (const violation of recorder.violations) {
      const withExchange = !shown.has(violation.message) && shown.size < 5 && Boolean(shown.add(violation.message));
      writeViolation(testInfo, { requirement: violation.requirement, message: violation.message, ...(withExchange ? { exchange: violation.exchange } : {}) });
    }
    const exchanges = recorder.exchanges.length > MAX_EVIDENCE ? recorder.exchanges.slice(-MAX_EVIDENCE) : recorder.exchanges;
    await recordEvidence(testInfo, exchanges);
  },
  build: async ({ target, discovery, redactor }, use) => {
    await use(new Builders(target, discovery, redactor, target.runId));
  },
  steps: async ({ api, build }, use) => {
    await use(new Steps(api, build));
  },
});

/**
 * Skips a draft check as not-applicable when a spec it needs does not support drafts. A spec that could not be read
 * says neither: the check cannot run (error, naming the requirement that covers reading specs).
 */
export function requireDrafts(discovery: Discovery, needs: ('source' | 'target' | 'flow')[]): void {
  const unread = needs.find((need) => !{ source: discovery.sourceSpec, target: discovery.targetSpec, flow: discovery.flowSpec }[need]);
  if (unread) {
    const ids = test.info().tags.filter((t) => /^@[A-Z]+-\d{3}$/.test(t)).map((t) => t.slice(1)).join(', ');
    throw new CouldNotCheck(`could not check: the ${unread === 'flow' ? 'flow spec' : `${unread} connection spec`} could not be read (${discovery.problems.join('; ')}) — see ${unread === 'flow' ? 'SPEC-002' : 'SPEC-001'} [${ids}]`);
  }
  const reason = draftsUnsupported(discovery, needs);
  test.skip(reason !== undefined, reason);
}

/**
 * Deletes `entries` (default: all the test's) in reverse dependency order, newest first within a kind; one whose
 * delete failed is retried once after the others. What is gone leaves the test's ledger and is marked deleted in
 * the run's; what is not stays in both.
 */
export async function deleteEntries(ledger: Ledger, entries: Ledger['entries'] = [...ledger.entries]): Promise<void> {
  const pending = [...entries];
  for (let round = 0; round < 2 && pending.length > 0; round++) {
    for (const kind of DELETE_ORDER) {
      for (const entry of pending.filter((e) => e.kind === kind).reverse()) {
        const exchange = await entry.client.remove(entry.kind, entry.id).catch(() => undefined);
        if (isGone(exchange?.response?.status ?? 0)) {
          pending.splice(pending.indexOf(entry), 1);
          ledger.entries.splice(ledger.entries.indexOf(entry), 1);
          appendLedger(LEDGER, { op: 'deleted', kind: entry.kind, id: entry.id, sandbox: entry.client.sandbox });
        }
      }
    }
  }
}

export { expect } from '@playwright/test';
