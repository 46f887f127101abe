// Folds Playwright test outcomes into one result per catalogue requirement: the tests tagged with its ID, plus the
// every-exchange violations (API-007, API-008) recorded by any test. Level and --strict decide fail versus warn; what
// the kit could not check (CouldNotCheck, a timeout, an interruption, a spent budget) is `error`, never fail or pass;
// a requirement that did not run says why (filtered, another shard, interrupted); none is ever silently absent.
import { NOT_RUN } from '../kit/not-run.ts';
import { loadCatalogue, type Requirement } from './catalogue.ts';
import { findCulprit, selectExchanges } from './evidence.ts';

export type Status = 'pass' | 'fail' | 'warn' | 'error' | 'not-applicable';

export interface Evidence {
  test: string;
  file?: string;
  line?: number;
  outcome: string;
  message?: string;
  /** From the check's first exchange (its setup) to the one the evidence is about, and a few after (cleanup). */
  exchanges?: unknown[];
  /** Index in `exchanges` of the exchange that broke the rule: the failing request, or an every-exchange violation. */
  culprit?: number;
  /** How many of the check's exchanges `exchanges` leaves out (cli/evidence.ts). */
  omitted?: number;
}

/** A catalogue requirement (less its operations) with what this run found. */
export interface RequirementResult extends Omit<Requirement, 'operations'> {
  status: Status;
  reason: string;
  durationMs: number;
  evidence: Evidence[];
  /** The run's selection (--requirement, --grep, --shard) left this requirement out: the verdict is partial. */
  unselected?: true;
}

/** One test as the fold needs it, whichever reporter it came from. */
export interface TestOutcome {
  title: string;
  file?: string;
  line?: number;
  tags: string[];
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  durationMs: number;
  /** When the runner started it (ISO 8601); absent for a test it never started. */
  startedAt?: string;
  errors: string[];
  annotations: { type: string; description?: string }[];
  exchanges?: unknown[];
}

const ID_TAG = /^@([A-Z]+-\d{3})$/;
/**
 * A check that threw the kit's CouldNotCheck (suites/support/verdicts.ts), or the client's TransportError (no answer
 * at all: refused, reset, timed out): the kit could not check, not the target.
 */
const COULD_NOT_CHECK = /^(?:Error: )?(?:CouldNotCheck|TransportError): /;
/** The every-exchange requirements: a pass needs exchanges they could actually judge (the `every-exchange` counts). */
export const EVERY_EXCHANGE = ['API-007', 'API-008'] as const;
/** A check skipped because the --max-requests budget was spent: the kit ran out, the target was not asked. */
const BUDGET_SKIP = /--max-requests/;

/** What the run selected, so a requirement none of whose checks ran says which case it was. */
export interface Selection {
  requirements?: string[];
  grep?: string;
  /** The shard(s) this report holds, e.g. "1/2" (a merge of some but not all shards: "1/3, 3/3"). */
  shard?: string;
}

export interface FoldOptions {
  strict: boolean;
  selection?: Selection;
  /** The run was stopped (SIGINT/SIGTERM) before every check ran. */
  interrupted?: boolean;
}

const skipNote = (test: TestOutcome) => test.annotations.find((a) => a.type === 'skip')?.description ?? '';
const notRunNote = (test: TestOutcome) => test.annotations.find((a) => a.type === NOT_RUN)?.description;

/**
 * How a check cut off by SIGINT/SIGTERM can end: its request lost (the embedded server or the connection went down
 * with the worker), or Playwright's own word for it. In an interrupted run that is the stop, not the target.
 */
const CUT_OFF = /socket hang up|ECONNRESET|ECONNREFUSED|EPIPE|other side closed|fetch failed|interrupted|context disposed|has been closed|Test ended/i;

/** The check failed only because the run was being stopped under it. */
function cutOff(test: TestOutcome, interrupted: boolean): boolean {
  return interrupted && test.status === 'failed' && CUT_OFF.test(test.errors[0] ?? '');
}

/** The kit, not the target, stopped this check: it ran out of time or budget, was interrupted, or could not check. */
export function isHarnessError(test: TestOutcome, interrupted = false): boolean {
  if (test.status === 'timedOut' || test.status === 'interrupted') return true;
  if (test.status === 'failed') return COULD_NOT_CHECK.test(test.errors[0] ?? '') || cutOff(test, interrupted);
  return test.status === 'skipped' && (notRunNote(test) !== undefined || BUDGET_SKIP.test(skipNote(test)));
}

/** Why the kit could not check, in one line. */
export function harnessReason(test: TestOutcome, interrupted = false): string {
  switch (test.status) {
    case 'failed':
      return `${cutOff(test, interrupted) && !COULD_NOT_CHECK.test(test.errors[0] ?? '') ? 'cut off when the run was interrupted: ' : ''}${firstLine(test.errors[0] ?? '')}`;
    case 'timedOut':
      return `the check ran out of its time (${Math.round(test.durationMs / 1000)} s): the kit's budget, not a verdict on the target`;
    case 'interrupted':
      return 'not finished: the run was interrupted while this check ran';
    default:
      return notRunNote(test) ?? `not run: ${skipNote(test).replace(/^not-applicable:\s*/, '')}`;
  }
}

export function requirementIdsOf(tags: string[]): string[] {
  return tags.flatMap((tag) => ID_TAG.exec(tag)?.[1] ?? []);
}

/** A requirement no test of this run was tagged with: filtered out, in another shard, not reached, or unchecked. */
function notRun(id: string, options: FoldOptions): { status: Status; reason: string; unselected?: true } {
  const { requirements = [], grep, shard } = options.selection ?? {};
  if (requirements.length > 0 && !requirements.includes(id)) return { status: 'not-applicable', reason: 'not selected: filtered out by --requirement', unselected: true };
  const elsewhere = `its checks are in a shard this report does not hold (it holds --shard ${shard}); merge every shard for the whole verdict`;
  if (grep && shard) return { status: 'not-applicable', reason: `not selected: filtered out by --grep, or ${elsewhere}`, unselected: true };
  if (grep) return { status: 'not-applicable', reason: 'not selected: filtered out by --grep', unselected: true };
  if (shard) return { status: 'not-applicable', reason: `not run: ${elsewhere}`, unselected: true };
  if (options.interrupted) return { status: 'error', reason: 'not run: the run was interrupted' };
  return { status: 'error', reason: 'not run: no check of this requirement ran, so the kit could not check it' };
}

interface Violation { message: string; test: TestOutcome; exchange?: unknown }

export function fold(outcomes: TestOutcome[], options: FoldOptions): RequirementResult[] {
  const catalogue = loadCatalogue();
  const byId = new Map<string, TestOutcome[]>();
  const violations = new Map<string, Violation[]>();
  const judged = new Map<string, number>();
  for (const outcome of outcomes) {
    for (const id of requirementIdsOf(outcome.tags)) byId.set(id, [...(byId.get(id) ?? []), outcome]);
    for (const annotation of outcome.annotations) {
      if (!annotation.description) continue;
      if (annotation.type === 'every-exchange') {
        for (const [id, n] of Object.entries(JSON.parse(annotation.description) as Record<string, number>)) judged.set(id, (judged.get(id) ?? 0) + n);
      } else if (annotation.type === 'violation') {
        const { requirement, message, exchange } = JSON.parse(annotation.description) as { requirement: string; message: string; exchange?: unknown };
        violations.set(requirement, [...(violations.get(requirement) ?? []), { message, test: outcome, ...(exchange !== undefined ? { exchange } : {}) }]);
      }
    }
  }

  return catalogue.requirements.map((requirement) => {
    const tests = byId.get(requirement.id) ?? [];
    const interrupted = options.interrupted === true;
    const failed = tests.filter((t) => t.status === 'failed' && !isHarnessError(t, interrupted));
    const harness = tests.filter((t) => isHarnessError(t, interrupted));
    const found = violations.get(requirement.id) ?? [];
    const ran = tests.filter((t) => t.status !== 'skipped');
    const durationMs = tests.reduce((sum, t) => sum + t.durationMs, 0);
    const base = {
      id: requirement.id, level: requirement.level, area: requirement.area, title: requirement.title,
      statement: requirement.statement, source: requirement.source, durationMs,
    };
    if (failed.length > 0 || found.length > 0) {
      const status: Status = requirement.level === 'MUST' || options.strict ? 'fail' : 'warn';
      const messages = [...failed.map((t) => firstLine(t.errors[0] ?? `${t.status}`)), ...found.map((v) => v.message)];
      const evidence: Evidence[] = [
        ...failed.map((t) => evidenceOf(t, t.errors.join('\n'), { failed: true })),
        ...dedupe(found).map((v) => evidenceOf(v.test, v.message, { violation: v.exchange })),
      ];
      return { ...base, status, reason: summarise(messages), evidence };
    }
    if (harness.length > 0) {
      return { ...base, status: 'error' as Status, reason: summarise(harness.map((t) => harnessReason(t, interrupted))), evidence: harness.map((t) => evidenceOf(t, t.errors.join('\n') || harnessReason(t, interrupted), { stopped: true })) };
    }
    if ((EVERY_EXCHANGE as readonly string[]).includes(requirement.id) && ran.length > 0 && (judged.get(requirement.id) ?? 0) === 0) {
      return { ...base, status: 'error' as Status, reason: `could not check: no exchange of this run could be judged by it (${requirement.id === 'API-007' ? 'no request was answered' : 'no 2xx answer had a body'})`, evidence: ran.slice(0, 2).map((t) => evidenceOf(t)) };
    }
    if (tests.length === 0) return { ...base, ...notRun(requirement.id, options), evidence: [] };
    if (ran.length === 0) {
      const reasons = [...new Set(tests.map((t) => skipNote(t).replace(/^not-applicable:\s*/, '')))];
      return { ...base, status: 'not-applicable' as Status, reason: reasons.filter(Boolean).join('; ') || 'skipped', evidence: [] };
    }
    // a pass that covered less than its budget (the model-based suite out of time) says so
    const covered = ran.flatMap((t) => t.annotations.filter((a) => a.type === 'coverage' && a.description).map((a) => a.description!));
    return { ...base, status: 'pass' as Status, reason: `${ran.length} check${ran.length === 1 ? '' : 's'} passed${covered.length ? `; ${covered.join('; ')}` : ''}`, evidence: ran.slice(0, 2).map((t) => evidenceOf(t)) };
  });
}

/**
 * One check's evidence (cli/evidence.ts picks the exchanges): a failure's from its setup to the exchange that broke
 * the rule; a violation's around its own exchange, or that exchange first if the check's record no longer holds it.
 */
function evidenceOf(test: TestOutcome, message?: string, about: { failed?: true; stopped?: true; violation?: unknown } = {}): Evidence {
  const all = test.exchanges ?? [];
  let selected: ReturnType<typeof selectExchanges>;
  if (about.violation !== undefined) {
    const same = JSON.stringify(about.violation);
    let at = all.length - 1;
    while (at >= 0 && JSON.stringify(all[at]) !== same) at--;
    if (at >= 0) selected = selectExchanges(all, { culprit: at });
    else {
      const context = selectExchanges(all, {});
      const omitted = all.length - context.exchanges.length + 1;
      selected = { exchanges: [about.violation, ...context.exchanges.slice(1)], culprit: 0, ...(omitted > 0 ? { omitted } : {}) };
    }
  } else if (about.failed) {
    const culprit = findCulprit(all, stripAnsi(message ?? '').replace(/^(?:Error: )?(?:\w*Error|RequirementFailure): /, ''));
    selected = selectExchanges(all, culprit === undefined ? { stopped: true } : { culprit });
  } else selected = selectExchanges(all, about.stopped ? { stopped: true } : {});
  return {
    test: test.title,
    ...(test.file ? { file: test.file } : {}),
    ...(test.line ? { line: test.line } : {}),
    outcome: test.status,
    ...(message ? { message } : {}),
    ...selected,
  };
}

function dedupe<T extends { message: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.message) && seen.add(i.message));
}

function firstLine(text: string): string {
  // Playwright prefixes thrown errors with "Error: "; the kit's messages are one line
  return stripAnsi(text).replace(/^(?:Error: )?(\w*Error|RequirementFailure|CouldNotCheck): /, '').split('\n')[0] ?? '';
}

export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

function summarise(messages: string[]): string {
  const unique = [...new Set(messages)];
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique[0]} (and ${unique.length - 1} more)`;
}

export function summaryOf(results: RequirementResult[]): Record<Status, number> {
  const summary: Record<Status, number> = { pass: 0, fail: 0, warn: 0, error: 0, 'not-applicable': 0 };
  for (const r of results) summary[r.status]++;
  return summary;
}
