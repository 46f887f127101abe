// The cleanup ledger's format: every entity the kit creates is appended (one JSON line) the moment its id is known,
// and marked when deleted. Written by the suites' fixtures (suites/support/fixtures.ts) and by the CLI's cleanup as
// it deletes; read by the CLI after a run and by `flow-conformance cleanup --ledger FILE` (cli/ledger-cleanup.ts).
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

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
