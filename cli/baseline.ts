// Baselines for CI gating: known failures with a reason, an optional expiry and link. A known failure does not fail
// the run; an expired entry does; an entry whose requirement now passes is reported (and fails under --strict), so
// the list only shrinks. An entry covers a fail or warn only: an `error` (the kit could not check) is neither a known
// failure nor fixed, since it did not pass, and --write-baseline never writes one.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { ResultRecord } from './results.ts';

export interface BaselineEntry {
  id: string;
  reason: string;
  expires?: string;
  link?: string;
}

export interface Baseline {
  knownFailures: BaselineEntry[];
}

export class BaselineError extends Error {}

export function readBaseline(file: string, knownIds: Set<string>): Baseline {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BaselineError(`cannot read baseline ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const entries = (raw as { knownFailures?: unknown } | null)?.knownFailures;
  if (!Array.isArray(entries)) throw new BaselineError(`baseline ${file} has no knownFailures list`);
  return {
    knownFailures: entries.map((entry: unknown, i) => {
      const e = entry as Partial<BaselineEntry>;
      if (typeof e?.id !== 'string' || !knownIds.has(e.id)) throw new BaselineError(`baseline ${file}: entry ${i + 1} names no catalogue requirement (${String(e?.id)})`);
      if (typeof e.reason !== 'string' || e.reason.trim() === '') throw new BaselineError(`baseline ${file}: entry ${e.id} needs a reason`);
      if (e.expires !== undefined && Number.isNaN(Date.parse(String(e.expires)))) throw new BaselineError(`baseline ${file}: entry ${e.id} has an invalid expiry date ${String(e.expires)}`);
      return { id: e.id, reason: e.reason, ...(e.expires ? { expires: String(e.expires) } : {}), ...(e.link ? { link: e.link } : {}) };
    }),
  };
}

export interface Gate {
  /** Failures not covered by a live baseline entry. */
  unexpected: string[];
  expired: string[];
  fixed: string[];
}

/** Annotates results in place and says what the gate makes of them. */
export function applyBaseline(records: ResultRecord[], baseline: Baseline | undefined, now = new Date()): Gate {
  const gate: Gate = { unexpected: [], expired: [], fixed: [] };
  const byId = new Map((baseline?.knownFailures ?? []).map((e) => [e.id, e]));
  for (const record of records) {
    const entry = byId.get(record.id);
    const failing = record.status === 'fail';
    if (!entry) {
      if (failing) gate.unexpected.push(record.id);
      continue;
    }
    const expired = entry.expires !== undefined && Date.parse(entry.expires) < now.getTime();
    if (record.status === 'fail' || record.status === 'warn') {
      record.baseline = { expected: { reason: entry.reason, ...(entry.expires ? { expires: entry.expires } : {}), ...(entry.link ? { link: entry.link } : {}) }, ...(expired ? { expired: true } : {}) };
      if (expired) gate.expired.push(record.id);
    } else if (record.status === 'pass') {
      // only a pass fixes an entry: an error was not checked, a not-applicable was not asked
      record.baseline = { fixed: true };
      gate.fixed.push(record.id);
    }
  }
  return gate;
}

export function writeBaseline(file: string, records: ResultRecord[]): number {
  const failing = records.filter((r) => r.status === 'fail' || r.status === 'warn');
  const lines = ['# Known failures for flow-conformance --baseline. Give each a reason; add expires: YYYY-MM-DD and link: to keep the list honest.', 'knownFailures:'];
  for (const r of failing) lines.push(`  - id: ${r.id}`, `    reason: ${JSON.stringify(r.reason.split('\n')[0]!.slice(0, 200))}`);
  if (failing.length === 0) lines[1] = 'knownFailures: []';
  writeFileSync(file, lines.join('\n') + '\n');
  return failing.length;
}
