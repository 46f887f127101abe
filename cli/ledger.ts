// The cleanup ledger: every entity the kit creates is appended (one JSON line) the moment its id is known, and
// marked when deleted. After a run, also an interrupted one, whatever is still listed is deleted in reverse
// dependency order; `flow-conformance cleanup --ledger FILE` retries later if the target was not answering.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { DELETE_ORDER } from '../suites/support/operations.ts';
import { isGone, platformRequest, type PlatformCredentials } from './platform-http.ts';

export const LEDGER_FILE = 'ledger.jsonl';

export type LedgerLine =
  | { op: 'run'; target: string; at: string }
  | { op: 'created'; kind: string; id: string; sandbox: string; name?: string }
  | { op: 'deleted'; kind: string; id: string; sandbox: string };

export function appendLedger(file: string | undefined, line: LedgerLine): void {
  // the newline goes first: a line cut short by an interruption is then closed by the next one, not merged with it
  if (file) appendFileSync(file, `\n${JSON.stringify(line)}`);
}

export interface LedgerState {
  target?: string;
  pending: { kind: string; id: string; sandbox: string; name?: string }[];
  created: number;
  /** Lines that were not ledger lines (cut short by an interruption, or not a ledger at all). */
  unreadable: number;
}

export function readLedger(file: string): LedgerState {
  if (!existsSync(file)) return { pending: [], created: 0, unreadable: 0 };
  const state = new Map<string, { kind: string; id: string; sandbox: string; name?: string }>();
  let target: string | undefined;
  let created = 0;
  let unreadable = 0;
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (!text.trim()) continue;
    let line: LedgerLine;
    try {
      line = JSON.parse(text) as LedgerLine;
    } catch {
      unreadable++; // a line cut short by an interruption, or not a ledger at all: the caller says so
      continue;
    }
    if (!isLedgerLine(line)) {
      unreadable++;
      continue;
    }
    if (line.op === 'run') target = line.target;
    else if (line.op === 'created') {
      created++;
      state.set(`${line.sandbox}/${line.kind}/${line.id}`, line);
    } else state.delete(`${line.sandbox}/${line.kind}/${line.id}`);
  }
  return { ...(target ? { target } : {}), pending: [...state.values()], created, unreadable };
}

function isLedgerLine(value: unknown): value is LedgerLine {
  if (!value || typeof value !== 'object') return false;
  const line = value as Record<string, unknown>;
  if (line.op === 'run') return typeof line.target === 'string';
  return (line.op === 'created' || line.op === 'deleted') && typeof line.kind === 'string' && typeof line.id === 'string' && typeof line.sandbox === 'string';
}

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
export async function cleanUpLedger(file: string, baseUrl: string, credentials: Omit<PlatformCredentials, 'sandbox'>, state: LedgerState = readLedger(file), options: CleanupOptions = {}): Promise<CleanupReport> {
  const { pending } = state;
  const giveUpAfter = options.giveUpAfter ?? 3;
  const report: CleanupReport = { deleted: 0, leftBehind: [] };
  let remaining = [...pending].sort((a, b) => (DELETE_ORDER as readonly string[]).indexOf(a.kind) - (DELETE_ORDER as readonly string[]).indexOf(b.kind));
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
        const answer = await platformRequest('DELETE', url, { ...credentials, sandbox: entry.sandbox }, options.timeoutMs);
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
