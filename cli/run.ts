// One conformance run: resolve the target, preflight it, run the suites in a Playwright child process, then fold,
// gate and write the reports. Without a target, each Playwright worker starts its own in-memory reference server
// (suites/support/fixtures.ts): no request crosses a process, which made the default run ~10% faster than one server
// in this process shared by the workers (BENCHMARKS.md), and nothing outlives the run.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfigFile } from '../kit/config-file.ts';
import type { Credentials } from '../kit/credentials.ts';
import { readStoppedAnswering, stoppedLine, trippedFileOf, interruptedFileOf } from '../kit/breaker.ts';
import { appendLedger, LEDGER_FILE, readLedger } from '../kit/ledger.ts';
import { defaultRunId, readRunSetting, readRunSettings, writeRunSettings } from '../kit/run-settings.ts';
import { UsageError, type RunOptions } from './args.ts';
import { readBaseline, type Baseline } from './baseline.ts';
import { loadCatalogue } from './catalogue.ts';
import type { Selection, TestOutcome } from './fold.ts';
import { OUTCOMES_FILE } from './outcomes-reporter.ts';
import { requireTargetCredentials } from './platform-http.ts';
import { cleanUpLedger, type CleanupReport } from './ledger-cleanup.ts';
import { preflight } from './preflight.ts';
import { redactPlaywrightRecords } from './redact-playwright-report.ts';
import { shardIdentity } from './shard.ts';
import { sweepPrefix } from './sweep.ts';
import { writeReports, type ReportContext } from './write-reports.ts';

/** Workers of a --target run unless --workers says otherwise: a polite number of requests in flight. */
export const TARGET_WORKERS = 4;

/**
 * The model-based budget (ORD-007) of a --target run when neither --runs nor the config's `model.runs` sets one. A
 * model run is 30 to 80 requests, 3 to 8 s at 100 ms a request: the embedded default of 50 runs would take minutes
 * against a remote service. 20 runs over the four parallel parts keep a full run at 100 ms within a minute (44 s on
 * an idle 2-core machine, BENCHMARKS.md section 5). A nightly job against a real target can ask for more.
 */
export const TARGET_MODEL_RUNS = 20;

/** How reports and the ledger name the default target. */
export const EMBEDDED_TARGET = 'embedded reference server (one in each worker)';

/** The shared "not before" instant of a --target run, in its report dir while the run lasts. */
const HOLD_FILE = 'hold-until';
/** The shared count of requests in a row with no answer of a --target run (kit/breaker.ts). */
const BREAKER_FILE = 'no-answer';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** `.ts` in a clone (run through tsx), `.js` in the installed package (compiled into dist/): the files Playwright loads. */
const MODULE_EXT = fileURLToPath(import.meta.url).endsWith('.ts') ? '.ts' : '.js';

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
}

function grepFor(options: RunOptions): string | undefined {
  const catalogue = loadCatalogue();
  const unknown = options.requirements.filter((id) => !catalogue.byId.has(id));
  if (unknown.length > 0) throw new UsageError(`unknown requirement ${unknown.join(', ')} (see 'flow-conformance list')`);
  const ids = options.requirements.length ? `(${options.requirements.map((id) => `@${id}\\b`).join('|')})` : undefined;
  if (ids && options.grep) return `^(?=.*${ids})(?=.*(${options.grep}))`;
  return ids ?? options.grep;
}

/** What this run left out, so the requirements it did not run say why (cli/fold.ts). */
function selectionOf(options: RunOptions): Selection {
  return {
    ...(options.requirements.length ? { requirements: options.requirements } : {}),
    ...(options.grep ? { grep: options.grep } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
  };
}

/** --config, or ./flow-conformance.config.ts in the user's directory (the suites run from the package's). */
function configFile(options: RunOptions): string | undefined {
  if (options.config) return resolve(options.config);
  const local = resolve('flow-conformance.config.ts');
  return existsSync(local) ? local : undefined;
}

export async function runConformance(options: RunOptions): Promise<number> {
  const grep = grepFor(options);
  const knownIds = new Set(loadCatalogue().requirements.map((r) => r.id));
  const baseline: Baseline | undefined = options.baseline ? readBaseline(options.baseline, knownIds) : undefined;
  const reportDir = resolve(options.reportDir ?? join('reports', timestamp()));
  const config = configFile(options);
  // before the preflight and any worker: a config that does not load or check is a configuration error (exit 2)
  const checkedConfig = config ? await loadConfigFile(config) : {};
  const timeoutMs = (options.timeoutSeconds ?? 30) * 1000;
  const env: NodeJS.ProcessEnv = { ...process.env };
  const targetUrl = options.target ?? process.env.AEP_FLOW_SERVICE_URL;

  const embedded = !targetUrl;
  // the CLI's own calls (preflight, ledger cleanup) use this; the workers resolve (and refresh) their own token
  let preflightCredentials: Credentials | undefined;
  if (targetUrl) {
    const credentials = await requireTargetCredentials();
    preflightCredentials = credentials;
    await preflight(targetUrl, credentials, process.env.AEP_SANDBOX_NAME || 'prod', Math.min(timeoutMs, 15_000));
    env.AEP_FLOW_SERVICE_URL = targetUrl;
  } else {
    if (options.faults.length > 0) {
      // the server's modules only then: the workers start the embedded servers, this process only names faults
      const { FAULT_NAMES, isFaultName } = await import('../server/index.ts');
      const unknown = options.faults.filter((name) => !isFaultName(name));
      if (unknown.length > 0) throw new UsageError(`unknown fault mode ${unknown.join(', ')} (known: ${FAULT_NAMES.join(', ')})`);
    }
    // the workers' embedded servers take their credentials and fault modes from here, never from the caller's shell
    writeRunSettings(env, { faults: options.faults });
    delete env.AEP_FLOW_SERVICE_URL;
    delete env.AEP_SANDBOX_NAME;
  }
  // The same default for every --target, loopback or not (a local proxy in front of a remote service is common):
  // 4 workers, so about 4 requests in flight (more only for the moment of a race), which keeps a full run at 100 ms
  // a request near a minute (BENCHMARKS.md, section 5). The embedded servers are one per worker, on 2 cores.
  const workers = options.workers ?? (embedded ? 2 : TARGET_WORKERS);
  const ledgerFile = join(reportDir, LEDGER_FILE);
  const runId = defaultRunId();
  Object.assign(env, {
    PLAYWRIGHT_HTML_OUTPUT_DIR: join(reportDir, 'playwright-report'),
    PLAYWRIGHT_HTML_OPEN: 'never',
    PLAYWRIGHT_BLOB_OUTPUT_FILE: join(reportDir, 'blob-report.zip'),
  });
  // what the workers are told (kit/run-settings.ts): a setting left out here keeps what the caller's shell holds
  writeRunSettings(env, {
    ledgerFile, reportDir, runId, strict: options.strict, timeoutMs, readOnly: options.readOnly,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.path !== undefined ? { path: options.path } : {}),
    ...(options.runs !== undefined ? { runs: options.runs } : {}),
    ...(options.writers !== undefined ? { writers: options.writers } : {}),
    ...(config ? { configFile: config, configJson: checkedConfig } : { configJson: undefined }),
    ...(options.transport !== undefined ? { transport: options.transport } : {}),
    ...(options.maxRequests !== undefined ? { maxRequestsPerWorker: Math.max(1, Math.floor(options.maxRequests / workers)) } : {}),
    mutation: undefined,
  });
  if (!embedded) {
    const budgetGiven = options.runs !== undefined || options.path !== undefined || readRunSetting('runs') !== undefined || checkedConfig.model?.runs !== undefined;
    writeRunSettings(env, {
      faults: undefined,
      ...(budgetGiven ? {} : { runs: TARGET_MODEL_RUNS }),
      // one worker told to wait by the target makes them all wait (kit/hold.ts)
      holdFile: join(reportDir, HOLD_FILE),
      // a target that stops answering trips the run for every worker (kit/breaker.ts)
      breakerFile: join(reportDir, BREAKER_FILE),
    });
  } else {
    writeRunSettings(env, { holdFile: undefined, breakerFile: undefined });
  }
  // a shard's identity, and the run id its shards share: the model-based suite takes its seed from it (cli/shard.ts)
  const shard = options.shard ? shardIdentity(options.shard, options.faults) : undefined;
  writeRunSettings(env, { shardRunId: shard?.runId });
  // what the caller's shell left in a setting is checked here: a bad value is one line (exit 2), not workers that
  // fail to load
  readRunSettings(env);
  // only now: a run that never started leaves no empty report dir behind
  mkdirSync(reportDir, { recursive: true });
  appendLedger(ledgerFile, { op: 'run', target: embedded ? EMBEDDED_TARGET : targetUrl!, at: new Date().toISOString() });

  const reporters = [join(PACKAGE_ROOT, 'cli', `outcomes-reporter${MODULE_EXT}`), 'html', ...(options.shard ? ['blob'] : [])];
  const args = [
    createRequire(import.meta.url).resolve('@playwright/test/cli'), 'test',
    '--config', join(PACKAGE_ROOT, `playwright.config${MODULE_EXT}`), '--project=conformance',
    `--reporter=${reporters.join(',')}`, `--output=${join(reportDir, 'test-results')}`,
    `--workers=${workers}`,
    ...(options.shard ? [`--shard=${options.shard}`] : []),
    ...(grep ? ['--grep', grep] : []),
  ];
  const startedAt = new Date();
  console.log(`flow-conformance: checking ${embedded ? 'the embedded reference server' : targetUrl}${options.strict ? ' (strict)' : ''}\n`);
  // The child gets its own process group, so a Ctrl-C reaches only this process, which passes it on once: the
  // runner then stops gracefully and its fixtures delete what they made; the ledger catches the rest.
  let interrupted = false;
  let cleanup: CleanupReport;
  const breakerFile = embedded ? undefined : join(reportDir, BREAKER_FILE);
  let stoppedAnswering: string | undefined;
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: PACKAGE_ROOT, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    // Once the target stopped answering, the runner is stopped as a Ctrl-C stops it: otherwise each check in flight
    // fails, and Playwright starts a new worker process after every failed test (seconds each on a busy machine)
    // only to skip what is left. Not an interruption of the user's: the verdict says why (no verdict, exit 2).
    const watch = breakerFile === undefined ? undefined : setInterval(() => {
      if (stoppedAnswering !== undefined || interrupted) return;
      stoppedAnswering = readStoppedAnswering(breakerFile);
      if (stoppedAnswering === undefined) return;
      console.error(`\nflow-conformance: ${stoppedLine(stoppedAnswering)}; stopping the checks (no verdict)`);
      child.kill('SIGINT');
    }, 200);
    const stop = (signal: NodeJS.Signals) => {
      if (interrupted) return;
      interrupted = true;
      // before the runner hears of it: what the stop cuts off from here on must not trip the breaker
      if (breakerFile !== undefined) writeFileSync(interruptedFileOf(breakerFile), signal);
      console.error(`\nflow-conformance: ${signal}: stopping the checks and cleaning up (this can take a few seconds)`);
      child.kill(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    child.on('error', fail);
    child.on('close', () => {
      clearInterval(watch);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    });
  });
  rmSync(join(reportDir, HOLD_FILE), { force: true });
  if (breakerFile !== undefined) {
    // a trip in the last 200 ms counts as much
    stoppedAnswering ??= readStoppedAnswering(breakerFile);
    for (const file of [breakerFile, trippedFileOf(breakerFile), interruptedFileOf(breakerFile)]) rmSync(file, { force: true });
  }
  // Playwright's own records hold its call logs, which list every request header: masked before anyone reads them
  const known = [env.AEP_ACCESS_TOKEN, env.AEP_API_KEY, env.AEP_CLIENT_ID, env.AEP_CLIENT_SECRET, preflightCredentials?.accessToken, preflightCredentials?.apiKey];
  redactPlaywrightRecords(reportDir, known.filter((s): s is string => typeof s === 'string' && s !== ''));
  const ledger = readLedger(ledgerFile);
  if (embedded) {
    // the servers ended with their workers; anything the ledger still lists is what a real target would have kept
    cleanup = { deleted: 0, leftBehind: ledger.pending.map((e) => ({ kind: e.kind, id: e.id, sandbox: e.sandbox, reason: 'not deleted by its check (its embedded server ended with the run)' })) };
  } else {
    const credentials = preflightCredentials!;
    // each DELETE gets the run's timeout; after a trip, one DELETE finds out whether the target is back, and if not,
    // the ledger keeps the rest for `cleanup --ledger` rather than the run spending a timeout on each (twice)
    const { gaveUp, ...done } = await cleanUpLedger(ledgerFile, targetUrl!, credentials, ledger, { timeoutMs: Math.min(timeoutMs, 15_000), ...(stoppedAnswering ? { giveUpAfter: 1 } : {}) });
    cleanup = done;
    if (stoppedAnswering) {
      // the sweep lists every collection: not against a target that is not answering
      const left = done.leftBehind.length > 0 ? `${done.leftBehind.length} entities left behind${gaveUp ? ` (cleanup: ${gaveUp})` : ''}; once the target answers again: flow-conformance cleanup --ledger ${ledgerFile} --target ${targetUrl}; and ` : 'once the target answers again, ';
      console.error(`flow-conformance: ${left}a create that got no answer may have landed all the same: flow-conformance sweep --prefix ${runId} --target ${targetUrl}`);
    } else if ((interrupted || options.maxRequests !== undefined) && !gaveUp) {
      // a create in flight when the runner stopped (or the budget ran out) may have landed without its id ever
      // reaching the ledger: the run's own name prefix finds it
      for (const sandbox of [env.AEP_SANDBOX_NAME || 'prod', env.AEP_OTHER_SANDBOX_NAME].filter((s): s is string => Boolean(s))) {
        const swept = await sweepPrefix(targetUrl!, runId, credentials, sandbox).catch(() => ({ deleted: 0, left: 0 }));
        cleanup.deleted += swept.deleted;
      }
    }
  }
  const outcomesFile = join(reportDir, OUTCOMES_FILE);
  if (!existsSync(outcomesFile)) throw new UsageError(`the test runner ended without results (see the output above); report dir ${reportDir}`);
  const outcomes = JSON.parse(readFileSync(outcomesFile, 'utf8')) as TestOutcome[];
  const context: ReportContext = {
    // the command line names any fault modes
    target: embedded ? EMBEDDED_TARGET : targetUrl!,
    embedded,
    startedAt, finishedAt: new Date(), strict: options.strict, baseline, writeBaseline: options.writeBaseline,
    cleanup: { created: ledger.created, ...cleanup },
    interrupted,
    ...(stoppedAnswering ? { stoppedAnswering } : {}),
    readOnly: options.readOnly,
    ...(options.maxRequests !== undefined ? { maxRequests: options.maxRequests } : {}),
    selection: selectionOf(options),
    ...(shard ? { shard } : {}),
    ...(embedded ? { faults: options.faults } : {}),
    command: ['flow-conformance', ...process.argv.slice(2)].join(' '),
  };
  // the exit code is the verdict's (cli/verdict.ts): 130 when interrupted, 2 when the budget or a MUST error left none
  return writeReports(reportDir, outcomes, context, options.reportDir === undefined);
}
