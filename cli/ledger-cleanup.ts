// What the ledger (kit/ledger.ts) still lists after a run, also an interrupted one, is deleted here in reverse
// dependency order; `flow-conformance cleanup --ledger FILE` retries later if the target was not answering.
import type { Credentials } from '../kit/credentials.ts';
import { deleteRankOf, isGone } from '../kit/kinds.ts';
import { appendLedger, readLedger, type LedgerState } from '../kit/ledger.ts';
import { platformRequest } from './platform-http.ts';

export interface CleanupReport {
  deleted: number;
  leftBehind: { kind: string; id: string; sandbox: string; reason: string }[];
  /** Set when the cleanup stopped asking because the target did not answer: what it last got. */
  gaveUp?: string;
}

export interface CleanupOptions {
  /** Each DELETE's timeout (default 15 s). */
  timeoutMs?: number;
  /**
   * DELETEs in a row with no answer after which the rest are not tried (default 3): against a target that stopped
   * answering, every entity would cost a timeout, twice. Left behind, they stay in the ledger for `cleanup --ledger`.
   */
  giveUpAfter?: number;
}

/**
 * Deletes what the ledger still lists (`state`: the file as already read) and marks each deletion in it; 404 counts
 * as gone. Two rounds, since a parent may wait for its children.
 */
export async function cleanUpLedger(file: string, baseUrl: string, credentials: Credentials, state: LedgerState = readLedger(file), options: CleanupOptions = {}): Promise<CleanupReport> {
  const { pending } = state;
  const giveUpAfter = options.giveUpAfter ?? 3;
  const report: CleanupReport = { deleted: 0, leftBehind: [] };
  let remaining = [...pending].sort((a, b) => deleteRankOf(a.kind) - deleteRankOf(b.kind));
  const reasons = new Map<string, string>();
  let silent = 0;
  for (let round = 0; round < 2 && remaining.length > 0 && report.gaveUp === undefined; round++) {
    const next: typeof remaining = [];
    for (const entry of remaining) {
      if (report.gaveUp !== undefined) {
        reasons.set(entry.id, `not tried: the target did not answer the cleanup (${report.gaveUp})`);
        next.push(entry);
        continue;
      }
      const url = `${baseUrl}/${entry.kind}/${encodeURIComponent(entry.id)}`;
      try {
        const answer = await platformRequest('DELETE', url, credentials, entry.sandbox, options.timeoutMs);
        silent = 0;
        if (isGone(answer.status)) {
          appendLedger(file, { op: 'deleted', kind: entry.kind, id: entry.id, sandbox: entry.sandbox });
          report.deleted++;
          continue;
        }
        reasons.set(entry.id, `DELETE answered ${answer.status}`);
      } catch (error) {
        const why = `no answer (${(error as Error).message.split('\n')[0]})`;
        reasons.set(entry.id, why);
        if (++silent >= giveUpAfter) report.gaveUp = `${silent === 1 ? 'a DELETE' : `${silent} DELETEs in a row`} got ${why}`;
      }
      next.push(entry);
    }
    remaining = next;
  }
  report.leftBehind = remaining.map((e) => ({ kind: e.kind, id: e.id, sandbox: e.sandbox, reason: reasons.get(e.id) ?? 'unknown' }));
  return report;
}
