// The run's verdict, decided once: results.json, the console summary, the HTML headline, JUnit and the exit code all
// take this answer. A failure the baseline does not expect decides first (non-conformant, exit 1); otherwise a MUST
// the kit could not check leaves no verdict (exit 2); a SHOULD it could not check is shown and never fails a run.
import type { ResultRecord } from './results.ts';

/**
 * conformant: every selected requirement that applies passed (known failures excepted, and said). partial: the same,
 * but the run selected only some requirements (--requirement, --grep, a shard), so it speaks for those only.
 * non-conformant: a failure the baseline does not expect. no-verdict: the kit could not decide (a MUST it could not
 * check, the budget spent, the run interrupted, the target stopped answering, no check ran, a shard missing).
 */
export type Verdict = 'conformant' | 'partial' | 'non-conformant' | 'no-verdict';

/** What every view prints as the verdict's word: the console, the HTML headline and JUnit's property take it. */
export const VERDICT_WORDS: Record<Verdict, string> = {
  conformant: 'CONFORMANT',
  partial: 'PARTIAL',
  'non-conformant': 'NON-CONFORMANT',
  'no-verdict': 'NO VERDICT',
};

/** The headline: the verdict's word, and for a conformant run with baseline entries, how many failures it forgave. */
export function headlineOf(decision: Pick<Decision, 'verdict' | 'knownFailures'>): string {
  const known = decision.knownFailures > 0 && decision.verdict !== 'non-conformant' ? ` (${plural(decision.knownFailures, 'known failure')})` : '';
  return `${VERDICT_WORDS[decision.verdict]}${known}`;
}

export interface VerdictOptions {
  strict: boolean;
  /** The run was stopped by SIGINT or SIGTERM: exit 130 whatever was found. */
  interrupted?: boolean;
  /** The --max-requests budget ran out: what came after it did not run, so there is no verdict to give. */
  maxRequestsSpent?: number;
  /** The target stopped answering mid-run (consecutive transport failures): what it says, in one line. */
  stoppedAnswering?: string;
  /** merge: the shards ("2/3") no merged report holds. */
  missingShards?: string[];
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
  /** Failures and warnings the baseline forgave. */
  knownFailures: number;
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
  const knownFailures = records.filter((r) => (r.status === 'fail' || r.status === 'warn') && known(r)).length;
  const base = { failed, unchecked, uncheckedShould, knownFailures };
  const noVerdict = (reason: string): Decision => ({ ...base, verdict: 'no-verdict', exitCode: exit(2), reason: `no verdict: ${reason}` });

  const bad: string[] = [];
  const must = records.filter((r) => failed.includes(r.id) && r.level === 'MUST').length;
  if (failed.length > 0) bad.push(`${plural(failed.length, 'requirement')} failed (${must} MUST): ${list(failed)}`);
  if (expired.length > 0) bad.push(`baseline entries expired: ${list(expired)}`);
  if (fixed.length > 0) bad.push(`--strict: baseline entries now pass (remove them): ${list(fixed)}`);
  const alsoKnown = knownFailures > 0 ? [`${plural(knownFailures, 'known failure')} in the baseline`] : [];
  // a failure is the target's whatever else happened: it decides first, also in an interrupted or partial run
  if (bad.length > 0) return { ...base, verdict: 'non-conformant', exitCode: exit(1), reason: [...bad, ...alsoKnown].join('; ') };

  const cannot = unchecked.length > 0 ? `; the kit could not check ${plural(unchecked.length, 'MUST requirement')}: ${list(unchecked)}` : '';
  if (options.stoppedAnswering) return noVerdict(`the target stopped answering (${options.stoppedAnswering})${cannot}`);
  if (options.interrupted) return noVerdict(`the run was interrupted before every check finished${cannot}`);
  if (options.missingShards && options.missingShards.length > 0) return noVerdict(`the merge lacks shard${options.missingShards.length === 1 ? '' : 's'} ${options.missingShards.join(', ')}${cannot}`);
  const budget = options.maxRequestsSpent !== undefined ? `stopped at --max-requests ${options.maxRequestsSpent}: the checks after that point did not run` : '';
  if (unchecked.length > 0) {
    const why = `the kit could not check ${plural(unchecked.length, 'MUST requirement')}: ${list(unchecked)}`;
    return noVerdict(budget ? `${why} (${budget})` : why);
  }
  if (budget) return noVerdict(budget);
  const checked = records.filter((r) => r.status !== 'not-applicable');
  const unselected = records.filter((r) => r.unselected).length;
  if (checked.length === 0) {
    return noVerdict(unselected > 0 ? 'no check ran: the selection (--requirement, --grep, --shard) matched no check that applies' : 'no check ran: every requirement was not applicable to this target');
  }
  const warnings = records.filter((r) => r.status === 'warn' && !known(r)).length;
  const partial = unselected > 0;
  const good = [
    knownFailures > 0 ? `no failure outside the baseline (${plural(knownFailures, 'known failure')})` : partial ? `every selected MUST requirement that applies passed (${plural(checked.length, 'requirement')} checked, ${unselected} not selected)` : 'every MUST requirement that applies passed',
    ...(knownFailures > 0 && partial ? [`${unselected} not selected`] : []),
    ...(warnings > 0 ? [plural(warnings, 'SHOULD warning')] : []),
    ...(uncheckedShould.length > 0 ? [`could not check ${plural(uncheckedShould.length, 'SHOULD requirement')}: ${list(uncheckedShould)}`] : []),
  ];
  return { ...base, verdict: partial ? 'partial' : 'conformant', exitCode: exit(0), reason: good.join('; ') };
}
