// A pause every worker of a run honours. When the target tells one worker to wait (a 429 or 503 retried after its
// Retry-After or a backoff), the others hold their requests until then as well: a rate limit is the target's, not one
// connection's, and workers that kept sending meanwhile would only earn more 429s (and be impolite to a shared
// service). Workers are separate processes, so the "not before" instant (ms since the epoch, as text) lives in a small
// file the CLI names in the run setting holdFile (kit/run-settings.ts), for --target runs only (each embedded server
// serves one worker); the suites' client reads and extends it, the CLI removes it after the run. Reading it is one
// readFileSync per request, a few microseconds; writing it is a write and an atomic rename.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { sleep } from './retry.ts';

export class SharedHold {
  constructor(readonly file: string) {}

  /** The instant before which no request may be sent; 0 when there is none (no file yet, or unreadable). */
  until(): number {
    try {
      return Number(readFileSync(this.file, 'utf8')) || 0;
    } catch {
      return 0;
    }
  }

  /** Holds every worker until `until`, unless a later hold is already in place. */
  extend(until: number): void {
    if (until <= this.until()) return;
    // a reader sees the old instant or the new one, never a half-written file
    const temporary = `${this.file}.${process.pid}`;
    writeFileSync(temporary, String(Math.ceil(until)));
    renameSync(temporary, this.file);
  }

  /** Waits out the hold (and any extension made meanwhile); resolves with the milliseconds waited. */
  async wait(now: () => number = Date.now): Promise<number> {
    let waited = 0;
    for (;;) {
      const ms = this.until() - now();
      if (ms <= 0) return waited;
      await sleep(ms);
      waited += ms;
    }
  }
}

const holds = new Map<string, SharedHold>();

/** One SharedHold per file in this process. */
export function sharedHold(file: string | undefined): SharedHold | undefined {
  if (!file) return undefined;
  let hold = holds.get(file);
  if (!hold) holds.set(file, (hold = new SharedHold(file)));
  return hold;
}
