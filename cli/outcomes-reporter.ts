// The Playwright reporter the CLI runs the suites with. It keeps every test's outcome (tags, status, errors,
// annotations, the exchanges recorded as evidence) in outcomes.json for the CLI to fold, and prints a line per
// requirement as soon as all of its checks have finished (with a live count on a TTY, none in CI). The line's mark is
// the status the fold gives those checks, with the summary's marks (cli/summary.ts): ✓ pass, ✗ fail, ! a SHOULD
// warning, ? the kit could not check, – not applicable. Lines fit the terminal (cli/fit.ts). A test the runner never
// started (the run was interrupted) is kept too, marked not-run, so the fold can say so rather than call the
// requirement filtered out.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { sharedBreaker } from '../kit/breaker.ts';
import { removeExchangesDir } from '../kit/exchanges-file.ts';
import { readRunSetting } from '../kit/run-settings.ts';
import { loadCatalogue } from './catalogue.ts';
import { cut, terminalWidth, wrap } from './fit.ts';
import { fold, requirementIdsOf, stripAnsi, type TestOutcome } from './fold.ts';
import { notStartedOutcomeOf, outcomeOf } from './outcome.ts';
import { STATUS_MARK } from './summary.ts';

export const OUTCOMES_FILE = 'outcomes.json';

/** Why the runner ended before a test started, as the fold's reason says it. */
function notRunReason(status: FullResult['status']): string {
  // the CLI stops the runner once the target stopped answering (cli/run.ts): that, not an interruption, is why
  const stopped = sharedBreaker(readRunSetting('breakerFile'))?.tripped();
  if (stopped) return `not run: ${stopped}`;
  if (status === 'interrupted') return 'not run: the run was interrupted';
  if (status === 'timedout') return 'not run: the run reached its global time limit first';
  return 'not run: the test runner stopped before this check started';
}

export default class OutcomesReporter implements Reporter {
  private readonly outcomes: TestOutcome[] = [];
  private readonly pending = new Map<string, number>();
  private readonly byId = new Map<string, TestOutcome[]>();
  private readonly durations = new Map<string, number>();
  private planned: TestCase[] = [];
  private readonly ended = new Set<string>();
  private total = 0;
  private done = 0;
  private rootDir = '';
  private readonly live = Boolean(process.stdout.isTTY) && !process.env.CI;
  private readonly strict = readRunSetting('strict');
  private readonly reportDir = readRunSetting('reportDir');
  /** SIGINT or SIGTERM reached the runner: what ends from now on was cut off, and the fold is told so. */
  private interrupting = false;
  private readonly onSignal = () => { this.interrupting = true; };
  private reasonsCut = false;

  onBegin(config: FullConfig, suite: Suite): void {
    this.rootDir = config.rootDir;
    // Playwright's own handler stops the run; this one only notes it (and is gone again in onEnd)
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
    // the suite holds only what this run will run: after --grep and --shard
    this.planned = suite.allTests();
    for (const test of this.planned) {
      this.total++;
      for (const id of requirementIdsOf(test.tags)) this.pending.set(id, (this.pending.get(id) ?? 0) + 1);
    }
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    // interrupted by the CLI because the target stopped answering (cli/run.ts): not run to its end, for that reason
    const stopped = result.status === 'interrupted' ? sharedBreaker(readRunSetting('breakerFile'))?.tripped() : undefined;
    this.settle(test, outcomeOf(test, result, { rootDir: this.rootDir, ...(this.reportDir ? { reportDir: this.reportDir } : {}), ...(stopped ? { stopped } : {}) }));
    if (this.live) process.stdout.write(`\r\u001b[2K  ${this.done}/${this.total} checks`);
  }

  private settle(test: TestCase, outcome: TestOutcome): void {
    this.outcomes.push(outcome);
    this.ended.add(test.id);
    this.done++;
    for (const id of requirementIdsOf(test.tags)) {
      this.byId.set(id, [...(this.byId.get(id) ?? []), outcome]);
      this.durations.set(id, (this.durations.get(id) ?? 0) + outcome.durationMs);
      const left = (this.pending.get(id) ?? 1) - 1;
      this.pending.set(id, left);
      if (left === 0) this.printRequirement(id);
    }
  }

  private printRequirement(id: string): void {
    const tests = this.byId.get(id) ?? [];
    // the status the report will give these checks, decided by the fold, not worked out again here
    const record = fold(tests, { strict: this.strict, selection: { requirements: [id] }, ...(this.interrupting ? { interrupted: true } : {}) }).find((r) => r.id === id)!;
    const why = record.status === 'pass' ? '' : record.status === 'error' ? `could not check: ${record.reason}` : record.reason;
    const requirement = loadCatalogue().byId.get(id);
    const width = terminalWidth();
    // mark, id, level, title, duration: the title gets what is left, and is cut (with …) only when that is too little
    const longest = Math.max(...loadCatalogue().requirements.map((r) => r.title.length));
    const room = Math.max(10, width - 28);
    const column = Math.min(longest, room);
    const title = cut(requirement?.title ?? '', column).padEnd(column);
    const reason = wrap(stripAnsi(why).split('\n')[0]!, width - 19);
    this.reasonsCut ||= reason.cut;
    const line = `${STATUS_MARK[record.status]} ${id.padEnd(9)} ${(requirement?.level ?? '').padEnd(6)} ${title} ${(this.durations.get(id) ?? 0).toString().padStart(5)} ms${reason.lines.map((l) => `\n${' '.repeat(19)}${l}`).join('')}`;
    process.stdout.write(this.live ? `\r\u001b[2K${line}\n` : `${line}\n`);
  }

  onEnd(result: FullResult): void {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    if (result.status === 'interrupted') this.interrupting = true;
    if (this.live) process.stdout.write('\r\u001b[2K');
    for (const test of this.planned.filter((t) => !this.ended.has(t.id))) {
      this.settle(test, notStartedOutcomeOf(test, notRunReason(result.status), { rootDir: this.rootDir }));
    }
    if (this.reasonsCut) process.stdout.write('(a reason cut with … is whole in the report)\n');
    if (this.reportDir) {
      writeFileSync(join(this.reportDir, OUTCOMES_FILE), JSON.stringify(this.outcomes));
      removeExchangesDir(this.reportDir);
    }
  }

  printsToStdio(): boolean {
    return true;
  }
}
