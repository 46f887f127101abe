// A circuit breaker for a target that stops answering mid-run (a killed process, a hung one, a dropped route). Without
// it every later request waits out its own timeout: a run of a few hundred requests at the default 30 s would take
// hours and prove nothing. After STOPPED_AFTER requests in a row got no answer at all (refused, reset, timed out,
// TLS, DNS; any HTTP status, 429 and 5xx included, is an answer), the run trips: every later request fails at once
// with the one line that says so, the remaining checks end as `error`, and the CLI gives no verdict.
//
// "In a row" is counted across the run's workers, which are separate processes, through files the CLI names in the
// run setting breakerFile (kit/run-settings.ts; --target runs only, as hold.ts's file): the suites' client writes
// them, the CLI and its reporter read the trip. The count file holds one line per failure since the last answer:
// appends never lose one another (O_APPEND), so four workers whose requests time out in the same millisecond count
// four; an answer empties it. The trip itself is latched in a second file, created once (O_EXCL) with the line, so an
// answer to a request sent before the trip cannot untrip it, and the CLI reads the line back for the verdict.
//
// Why 3: a check's requests are sequential, so a target that stops answering costs a single worker at most three
// timeouts before the trip (the run's bound, 3 × --timeout); with 4 workers in flight it usually trips on the first
// round of timeouts. A single slow request or a dropped connection is followed by an answer that resets the count; a
// slow target that answers within the timeout never counts at all. Three silent requests in a row with no answer in
// between, each given a full timeout, is a target that is not answering.
import { appendFileSync, existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import type { TransportFailure } from './retry.ts';

/** Requests in a row with no answer, across all workers, that trip the run. */
export const STOPPED_AFTER = 3;

/** The file holding the tripped line, beside the count file. */
export function trippedFileOf(file: string): string {
  return `${file}.tripped`;
}

/**
 * The file the CLI creates when the user interrupts the run (SIGINT, SIGTERM). From then on the requests the stop
 * cuts off (connections reset as workers end) are the interruption's doing, not the target's, so they no longer
 * trip the run: a trip would read as "the target stopped answering" and skip the cleanup's prefix sweep.
 */
export function interruptedFileOf(file: string): string {
  return `${file}.interrupted`;
}

/** Why the run tripped: "3 requests in a row got no answer (last: POST /flows timed out after 2 s)". */
export function noAnswerDetail(count: number, last: string): string {
  return `${count} requests in a row got no answer (last: ${last})`;
}

/** What a request not sent after the trip says. */
export function stoppedLine(detail: string): string {
  return `the target stopped answering: ${detail}`;
}

/** One request's failure as the line names it: "POST /flows timed out after 2 s", "GET /connections: connection refused". */
export function describeNoAnswer(method: string, path: string, failure: TransportFailure, timeoutMs: number): string {
  if (failure === 'timeout') return `${method} ${path} timed out after ${timeoutMs % 1000 === 0 ? `${timeoutMs / 1000} s` : `${timeoutMs} ms`}`;
  return `${method} ${path}: ${failure}`;
}

export class Breaker {
  constructor(
    readonly file: string,
    readonly threshold: number = STOPPED_AFTER,
  ) {}

  /** The trip's line ("the target stopped answering: …"), or undefined while the target answers. */
  tripped(): string | undefined {
    const detail = readStoppedAnswering(this.file);
    return detail === undefined ? undefined : stoppedLine(detail);
  }

  /** A request got no answer; trips the run when it is the threshold-th in a row. */
  noAnswer(description: string): void {
    let count: number;
    try {
      appendFileSync(this.file, `${description.replace(/\n/g, ' ')}\n`);
      count = readFileSync(this.file, 'utf8').split('\n').filter(Boolean).length;
    } catch {
      return; // bookkeeping that failed must not fail the request: the run just does not trip
    }
    if (count < this.threshold || existsSync(interruptedFileOf(this.file))) return;
    try {
      // the first worker to get here writes the line; the others find it there
      writeFileSync(trippedFileOf(this.file), noAnswerDetail(this.threshold, description), { flag: 'wx' });
    } catch {
      // already tripped
    }
  }

  /** A request got an answer (any status): the count starts again. A stat when there is nothing to reset. */
  answered(): void {
    try {
      // no file (no failure yet) is the usual case: a stat that does not throw
      if ((statSync(this.file, { throwIfNoEntry: false })?.size ?? 0) > 0) truncateSync(this.file, 0);
    } catch {
      // bookkeeping only
    }
  }
}

/** Why the run tripped (noAnswerDetail), if it did: one small read per request, as the hold's. */
export function readStoppedAnswering(file: string | undefined): string | undefined {
  // existsSync first: a run that answers asks this before every request, and a missing file costs no exception then
  if (!file || !existsSync(trippedFileOf(file))) return undefined;
  try {
    return readFileSync(trippedFileOf(file), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

const breakers = new Map<string, Breaker>();

/** One Breaker per file in this process. */
export function sharedBreaker(file: string | undefined): Breaker | undefined {
  if (!file) return undefined;
  let breaker = breakers.get(file);
  if (!breaker) breakers.set(file, (breaker = new Breaker(file)));
  return breaker;
}
