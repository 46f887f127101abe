// Folds Playwright test outcomes into one result per catalogue requirement: the tests tagged with its ID, plus the
// every-exchange violations (API-007, API-008) recorded by any test. Level and --strict decide fail versus warn;
// a requirement whose checks were all skipped as not-applicable says why; none is ever silently absent.
import { loadCatalogue, type Requirement } from './catalogue.ts';

export type Status = 'pass' | 'fail' | 'warn' | 'error' | 'not-applicable';

export interface Evidence {
  test: string;
  file?: string;
  line?: number;
  outcome: string;
  message?: string;
  exchanges?: unknown[];
}

/** A catalogue requirement (less its operations) with what this run found. */
export interface RequirementResult extends Omit<Requirement, 'operations'> {
  status: Status;
  reason: string;
  durationMs: number;
  evidence: Evidence[];
}

/** One test as the fold needs it, whichever reporter it came from. */
export interface TestOutcome {
  title: string;
  file?: string;
  line?: number;
  tags: string[];
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  durationMs: number;
  errors: string[];
  annotations: { type: string; description?: string }[];
  exchanges?: unknown[];
}

const ID_TAG = /^@([A-Z]+-\d{3})$/;
/** A check that threw the kit's CouldNotCheck (suites/support/verdicts.ts): the kit could not check, not the target. */
const COULD_NOT_CHECK = /^(?:Error: )?CouldNotCheck: /;
/** The every-exchange requirements: a pass needs exchanges they could actually judge (the `every-exchange` counts). */
export const EVERY_EXCHANGE = ['API-007', 'API-008'] as const;

function isHarnessError(test: TestOutcome): boolean {
  return test.status === 'timedOut' || test.status === 'interrupted' || (test.status === 'failed' && COULD_NOT_CHECK.test(test.errors[0] ?? ''));
}
const MAX_EVIDENCE_EXCHANGES = 12;

export function requirementIdsOf(tags: string[]): string[] {
  return tags.flatMap((tag) => ID_TAG.exec(tag)?.[1] ?? []);
}

export function fold(outcomes: TestOutcome[], options: { strict: boolean }): RequirementResult[] {
  const catalogue = loadCatalogue();
  const byId = new Map<string, TestOutcome[]>();
  const violations = new Map<string, { message: string; test: TestOutcome }[]>();
  const judged = new Map<string, number>();
  for (const outcome of outcomes) {
    for (const id of requirementIdsOf(outcome.tags)) byId.set(id, [...(byId.get(id) ?? []), outcome]);
    for (const annotation of outcome.annotations) {
      if (!annotation.description) continue;
      if (annotation.type === 'every-exchange') {
        for (const [id, n] of Object.entries(JSON.parse(annotation.description) as Record<string, number>)) judged.set(id, (judged.get(id) ?? 0) + n);
      } else if (annotation.type === 'violation') {
        const { requirement, message } = JSON.parse(annotation.description) as { requirement: string; message: string };
        violations.set(requirement, [...(violations.get(requirement) ?? []), { message, test: outcome }]);
      }
    }
  }

  return catalogue.requirements.map((requirement) => {
    const tests = byId.get(requirement.id) ?? [];
    const failed = tests.filter((t) => t.status === 'failed' && !isHarnessError(t));
    const harness = tests.filter(isHarnessError);
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
        ...failed.map((t) => evidenceOf(t, t.errors.join('\n'))),
        ...dedupe(found).map((v) => evidenceOf(v.test, v.message)),
      ];
      return { ...base, status, reason: summarise(messages), evidence };
    }
    if (harness.length > 0) {
      const messages = harness.map((t) => (t.status === 'failed' ? firstLine(t.errors[0] ?? '') : t.status === 'timedOut' ? `the check ran out of its time (${Math.round(t.durationMs / 1000)} s): the kit's budget, not a verdict on the target` : 'interrupted before the check finished'));
      return { ...base, status: 'error' as Status, reason: summarise(messages), evidence: harness.map((t) => evidenceOf(t, t.errors.join('\n'))) };
    }
    if ((EVERY_EXCHANGE as readonly string[]).includes(requirement.id) && ran.length > 0 && (judged.get(requirement.id) ?? 0) === 0) {
      return { ...base, status: 'error' as Status, reason: `could not check: no exchange of this run could be judged by it (${requirement.id === 'API-007' ? 'no request was answered' : 'no 2xx answer had a body'})`, evidence: ran.slice(0, 2).map((t) => evidenceOf(t)) };
    }
    if (tests.length === 0) {
      return { ...base, status: 'not-applicable' as Status, reason: 'no check for this requirement ran in this run (filtered out by --requirement or --grep)', evidence: [] };
    }
    if (ran.length === 0) {
      const reasons = [...new Set(tests.flatMap((t) => t.annotations.filter((a) => a.type === 'skip').map((a) => (a.description ?? '').replace(/^not-applicable:\s*/, ''))))];
      return { ...base, status: 'not-applicable' as Status, reason: reasons.join('; ') || 'skipped', evidence: [] };
    }
    // a pass that covered less than its budget (the model-based suite out of time) says so
    const covered = ran.flatMap((t) => t.annotations.filter((a) => a.type === 'coverage' && a.description).map((a) => a.description!));
    return { ...base, status: 'pass' as Status, reason: `${ran.length} check${ran.length === 1 ? '' : 's'} passed${covered.length ? `; ${covered.join('; ')}` : ''}`, evidence: ran.slice(0, 2).map((t) => evidenceOf(t)) };
  });
}

function evidenceOf(test: TestOutcome, message?: string): Evidence {
  const exchanges = test.exchanges ?? [];
  return {
    test: test.title,
    ...(test.file ? { file: test.file } : {}),
    ...(test.line ? { line: test.line } : {}),
    outcome: test.status,
    ...(message ? { message } : {}),
    exchanges: exchanges.slice(-MAX_EVIDENCE_EXCHANGES),
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

export function verdictOf(results: RequirementResult[]): 'conformant' | 'non-conformant' {
  return results.some((r) => r.status === 'fail') ? 'non-conformant' : 'conformant';
}
