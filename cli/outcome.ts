// The one adapter from Playwright's view of a test (TestCase, TestResult) to the TestOutcome the fold works on. The
// CLI's reporter (cli/outcomes-reporter.ts) and the project's own mutation matrix and benchmarks (which run the same
// reporter: tests/support/run-kit.ts, bench/fault-catch.ts) build outcomes only here, so both fold the same thing.
import { relative } from 'node:path';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import type { Annotation } from '../kit/annotations/annotation.ts';
import { writeNotRun } from '../kit/annotations/not-run.ts';
import { takeExchanges } from '../kit/exchanges-file.ts';
import { stripAnsi, type TestOutcome } from './fold.ts';

/** Runtime annotations show up on both the test and its result: keep each once. */
export function uniqueAnnotations(annotations: readonly Annotation[]): Annotation[] {
  const seen = new Set<string>();
  return annotations
    .filter((a) => !seen.has(`${a.type}\u0000${a.description ?? ''}`) && Boolean(seen.add(`${a.type}\u0000${a.description ?? ''}`)))
    .map((a) => ({ type: a.type, ...(a.description ? { description: a.description } : {}) }));
}

/**
 * The check's wall-clock time, from the moment the runner began it to now (its end). Playwright's own `duration` counts
 * only the test's time slot: worker-scoped fixtures (the target, discovery's GETs) and the worker's teardown after a
 * failure run in slots of their own, so a check whose fresh worker waited out five discovery timeouts showed 30 ms.
 */
export function wallTimeOf(result: Pick<TestResult, 'duration'> & { startTime?: Date | undefined }, now: number = Date.now()): number {
  // a result the runner made without starting the test (a reporter replaying results, too) has no start to measure from
  return result.startTime ? Math.max(result.duration, now - result.startTime.getTime()) : result.duration;
}

export interface OutcomeContext {
  /** The config's rootDir: files are named relative to it. */
  rootDir: string;
  /** The run stopped the test for this reason (the target stopped answering): skipped, not run to its end. */
  stopped?: string;
  /** The run's report dir, where the workers leave each test's exchanges (kit/exchanges-file.ts). */
  reportDir?: string;
}

/** Where a test is and which requirements it checks: what an outcome says even of a test that never ran. */
function about(test: TestCase, rootDir: string): Pick<TestOutcome, 'title' | 'file' | 'line' | 'tags' | 'project'> {
  // a TestCase made by hand (a reporter's own test) may have no suite around it
  const project = test.parent?.project?.()?.name;
  return { title: test.title, file: relative(rootDir, test.location.file), line: test.location.line, tags: test.tags, ...(project ? { project } : {}) };
}

/** A test that ended: its status, wall time, errors, annotations and the exchanges recorded as its evidence. */
export function outcomeOf(test: TestCase, result: TestResult, context: OutcomeContext): TestOutcome {
  // a file beside the run, or (Playwright run without a report dir) the test's attachment: suites/support/evidence.ts
  const attached = result.attachments.find((a) => a.name === 'exchanges' && a.body)?.body;
  const exchanges = (context.reportDir ? takeExchanges(context.reportDir, test.id, result.retry) : undefined) ?? (attached ? (JSON.parse(attached.toString('utf8')) as unknown[]) : undefined);
  const annotations = { annotations: uniqueAnnotations([...test.annotations, ...(result.annotations ?? [])]) };
  if (context.stopped) writeNotRun(annotations, `not finished: ${context.stopped}`);
  return {
    ...about(test, context.rootDir),
    status: context.stopped ? 'skipped' : result.status,
    durationMs: wallTimeOf(result),
    ...(result.startTime ? { startedAt: result.startTime.toISOString() } : {}),
    errors: result.errors.map((e) => stripAnsi(e.message ?? e.value ?? '')),
    annotations: annotations.annotations,
    ...(exchanges ? { exchanges } : {}),
  };
}

/** A test the runner never started: kept, with why, so the fold can say so rather than call it filtered out. */
export function notStartedOutcomeOf(test: TestCase, reason: string, context: Pick<OutcomeContext, 'rootDir'>): TestOutcome {
  const annotations = { annotations: uniqueAnnotations(test.annotations) };
  writeNotRun(annotations, reason);
  return { ...about(test, context.rootDir), status: 'skipped', durationMs: 0, errors: [], annotations: annotations.annotations };
}

/** Outcomes per Playwright project (the project's own mutation matrix runs one project per fault mode). */
export function outcomesByProject(outcomes: readonly TestOutcome[]): Map<string, TestOutcome[]> {
  const byProject = new Map<string, TestOutcome[]>();
  for (const outcome of outcomes) {
    const project = outcome.project ?? '';
    byProject.set(project, [...(byProject.get(project) ?? []), outcome]);
  }
  return byProject;
}
