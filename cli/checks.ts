// One record per check (test) of the run, in the order they started: what the report's timeline and slowest checks
// show. A check's status reads as its requirements' do (cli/fold.ts): a failure the kit caused is `error`, and a
// failed check whose every requirement is only a warning is `warn`.
import { isHarnessError, requirementIdsOf, type RequirementResult, type TestOutcome } from './fold.ts';
import type { CheckRecord } from './results.ts';

export function checksOf(outcomes: TestOutcome[], records: RequirementResult[], startedAt: Date): CheckRecord[] {
  const statusOf = new Map(records.map((r) => [r.id, r.status]));
  const checks = outcomes.map((o): CheckRecord => {
    const requirements = requirementIdsOf(o.tags);
    const started = o.startedAt ? Date.parse(o.startedAt) : NaN;
    let status: CheckRecord['status'] = 'pass';
    if (isHarnessError(o)) status = 'error';
    else if (o.status === 'skipped') status = 'not-applicable';
    else if (o.status === 'failed') status = requirements.length > 0 && requirements.every((id) => statusOf.get(id) === 'warn') ? 'warn' : 'fail';
    return {
      title: o.title, ...(o.file ? { file: o.file } : {}), ...(o.line ? { line: o.line } : {}), requirements, status,
      ...(Number.isFinite(started) ? { startMs: Math.max(0, started - startedAt.getTime()) } : {}),
      durationMs: o.durationMs,
    };
  });
  return checks.sort((a, b) => (a.startMs ?? Infinity) - (b.startMs ?? Infinity));
}
