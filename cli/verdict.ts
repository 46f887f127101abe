// The run's verdict, decided once: results.json, the console summary, the HTML headline, JUnit and the exit code all
// take this answer. A failure the baseline does not expect decides first (non-conformant, exit 1); otherwise a MUST
// the kit could not check leaves no verdict (exit 2); a SHOULD it could not check is shown and never fails a run.
import type { ResultRecord } from './results.ts';

export type Verdict = 'conformant' | 'non-conformant' | 'no-verdict';

export interface VerdictOptions {
  strict: boolean;
  /** The run was stopped by SIGINT or SIGTERM: exit 130 whatever was found. */
  interrupted?: boolean;
  /** The --max-requests budget ran out: what came after it did not run, so there is no verdict to give. */
  maxRequestsSpent?: number;
}

export interface Decision {
  verdict: Verdict;
  exitCode: 0 | 1 | 2 | 130;
  /** One line that says why: the headline of every view. */
  reason: string;
  /** Failures that count: not covered by a live baseline entry. */
  failed: string[];
  /** MUST requirements the kit could not check. */
  unchecked: string[];
  /** SHOULD requirements the kit could not check: shown, never gating. */
  uncheckedShould: string[];
}

function list(ids: string[]): string {
  return ids.length <= 8 ? ids.join(', ') : `${ids.slice(0, 8).join(', ')} and ${ids.length - 8} more`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Decides from the records as the baseline annotated them (cli/baseline.ts). */
export function decideVerdict(records: ResultRecord[], options: VerdictOptions): Decision {
  const known = (r: ResultRecord) => Boolean(r.baseline?.expected) && !r.baseline?.expired;
  const failed = records.filter((r) => r.status === 'fail' && !known(r)).map((r) => r.id);
  const expired = records.filter((r) => r.baseline?.expired).map((r) => r.id);
  const fixed = options.strict ? records.filter((r) => r.baseline?.fixed).map((r) => r.id) : [];
  const unchecked = records.filter((r) => r.status === 'error' && r.level === 'MUST').map((r) => r.id);
  const uncheckedShould = records.filter((r) => r.status === 'error' && r.level !== 'MUST').map((r) => r.id);
  const exit = (code: 0 | 1 | 2): Decision['exitCode'] => (options.interrupted ? 130 : code);
  const base = { failed, unchecked, uncheckedShould };

  const bad: string[] = [];
  const must = records.filter((r) => failed.includes(r.id) && r.level === 'MUST').length;
  if (failed.length > 0) bad.push(`${plural(failed.length, 'requirement')} failed (${must} MUST): ${list(failed)}`);
  if (expired.length > 0) bad.push(`baseline entries expired: ${list(expired)}`);
  if (fixed.length > 0) bad.push(`--strict: baseline entries now pass (remove them): ${list(fixed)}`);
  const knownFailures = records.filter((r) => (r.status === 'fail' || r.status === 'warn') && known(r)).length;
  const alsoKnown = knownFailures > 0 ? [`${plural(knownFailures, 'known failure')} in the baseline`] : [];
  if (bad.length > 0) return { ...base, verdict: 'non-conformant', exitCode: exit(1), reason: [...bad, ...alsoKnown].join('; ') };

  const budget = options.maxRequestsSpent !== undefined ? `stopped at --max-requests ${options.maxRequestsSpent}: the checks after that point did not run` : '';
  if (unchecked.length > 0) {
    const why = `no verdict: the kit could not check ${plural(unchecked.length, 'MUST requirement')}: ${list(unchecked)}`;
    return { ...base, verdict: 'no-verdict', exitCode: exit(2), reason: budget ? `${why} (${budget})` : why };
  }
  if (budget) return { ...base, verdict: 'no-verdict', exitCode: exit(2), reason: `no verdict: ${budget}` };
  const warnings = records.filter((r) => r.status === 'warn' && !known(r)).length;
  const good = [
    knownFailures > 0 ? `no failure outside the baseline (${plural(knownFailures, 'known failure')})` : 'every MUST requirement that applies passed',
    ...(warnings > 0 ? [plural(warnings, 'SHOULD warning')] : []),
    ...(uncheckedShould.length > 0 ? [`could not check ${plural(uncheckedShould.length, 'SHOULD requirement')}: ${list(uncheckedShould)}`] : []),
  ];
  return { ...base, verdict: 'conformant', exitCode: exit(0), reason: good.join('; ') };
}
