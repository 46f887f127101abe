// The Playwright reporter the CLI runs the suites with. It keeps every test's outcome (tags, status, errors,
// annotations, the exchanges attached as evidence) in outcomes.json for the CLI to fold, and prints a line per
// requirement as soon as all of its checks have finished (with a live count on a TTY, none in CI).
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FullConfig, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { loadCatalogue } from './catalogue.ts';
import { requirementIdsOf, stripAnsi, type TestOutcome } from './fold.ts';

export const OUTCOMES_FILE = 'outcomes.json';

/** Runtime annotations show up on both the test and its result: keep each once. */
export function uniqueAnnotations(annotations: { type: string; description?: string }[]): TestOutcome['annotations'] {
  const seen = new Set<string>();
  return annotations
    .filter((a) => !seen.has(`${a.type}\u0000${a.description ?? ''}`) && Boolean(seen.add(`${a.type}\u0000${a.description ?? ''}`)))
    .map((a) => ({ type: a.type, ...(a.description ? { description: a.description } : {}) }));
}

export default class OutcomesReporter implements Reporter {
  private readonly outcomes: TestOutcome[] = [];
  private readonly pending = new Map<string, number>();
  private readonly failedIds = new Set<string>();
  private readonly skippedOnly = new Map<string, boolean>();
  private readonly durations = new Map<string, number>();
  private total = 0;
  private done = 0;
  private rootDir = '';
  private readonly live = Boolean(process.stdout.isTTY) && !process.env.CI;

  onBegin(config: FullConfig, suite: Suite): void {
    this.rootDir = config.rootDir;
    for (const test of suite.allTests()) {
      this.total++;
      for (const id of requirementIdsOf(test.tags)) this.pending.set(id, (this.pending.get(id) ?? 0) + 1);
    }
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const exchanges = result.attachments.find((a) => a.name === 'exchanges' && a.body);
    const outcome: TestOutcome = {
      title: test.title,
      file: relative(this.rootDir, test.location.file),
      line: test.location.line,
      tags: test.tags,
      status: result.status,
      durationMs: result.duration,
      errors: result.errors.map((e) => stripAnsi(e.message ?? e.value ?? '')),
      annotations: uniqueAnnotations([...test.annotations, ...(result.annotations ?? [])]),
      ...(exchanges?.body ? { exchanges: JSON.parse(exchanges.body.toString('utf8')) as unknown[] } : {}),
    };
    this.outcomes.push(outcome);
    this.done++;
    for (const id of requirementIdsOf(test.tags)) {
      if (result.status !== 'passed' && result.status !== 'skipped') this.failedIds.add(id);
      this.skippedOnly.set(id, (this.skippedOnly.get(id) ?? true) && result.status === 'skipped');
      this.durations.set(id, (this.durations.get(id) ?? 0) + result.duration);
      const left = (this.pending.get(id) ?? 1) - 1;
      this.pending.set(id, left);
      if (left === 0) this.printRequirement(id, outcome);
    }
    if (this.live) process.stdout.write(`\r\u001b[2K  ${this.done}/${this.total} checks`);
  }

  private printRequirement(id: string, last: TestOutcome): void {
    const mark = this.failedIds.has(id) ? '✗' : this.skippedOnly.get(id) ? '–' : '✓';
    const reason = this.failedIds.has(id)
      ? `  ${(this.outcomes.filter((o) => requirementIdsOf(o.tags).includes(id) && o.errors.length).map((o) => o.errors[0]!.split('\n')[0])[0] ?? '').replace(/^[A-Za-z]*(Error|Failure): /, '').slice(0, 160)}`
      : this.skippedOnly.get(id) ? `  ${(last.annotations.find((a) => a.type === 'skip')?.description ?? '').slice(0, 120)}` : '';
    const requirement = loadCatalogue().byId.get(id);
    const title = (requirement?.title ?? '').slice(0, 70);
    const line = `${mark} ${id.padEnd(9)} ${(requirement?.level ?? '').padEnd(6)} ${title.padEnd(70)} ${(this.durations.get(id) ?? 0).toString().padStart(5)} ms${reason ? `\n${' '.repeat(19)}${reason.trim()}` : ''}`;
    process.stdout.write(this.live ? `\r\u001b[2K${line}\n` : `${line}\n`);
  }

  onEnd(): void {
    if (this.live) process.stdout.write('\r\u001b[2K');
    const dir = process.env.FLOW_CONFORMANCE_REPORT_DIR;
    if (dir) writeFileSync(join(dir, OUTCOMES_FILE), JSON.stringify(this.outcomes));
  }

  printsToStdio(): boolean {
    return true;
  }
}
