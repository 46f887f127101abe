// A failure found in CI, reproducible by someone who never installed the kit: for each failing requirement whose
// evidence names the exchange that broke the rule, `repro/<ID>.sh` (curl and jq) and `repro/<ID>.spec.ts`
// (@playwright/test alone) replay the check's requests against any target and end on that answer. Evidence is
// already redacted, and the plan takes every masked value from the environment by name: no file holds a secret.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCurlScript } from './curl-script.ts';
import { planRepro, type ReproExchange } from './plan.ts';
import { renderStandaloneSpec } from './standalone-spec.ts';

export const REPRO_DIR = 'repro';

export interface ReproFiles {
  /** Paths relative to the report dir. */
  script: string;
  spec: string;
  /** Requests the replay sends. */
  steps: number;
}

interface FailedRecord {
  id: string;
  status: string;
  evidence?: { test: string; message?: string; culprit?: number; exchanges?: unknown[] }[];
}

/** Writes the repros of every failed (or warned) requirement that has a culprit; answers what it wrote, by ID. */
export function writeRepros(reportDir: string, records: FailedRecord[]): Record<string, ReproFiles> {
  const written: Record<string, ReproFiles> = {};
  for (const record of records) {
    if (record.status !== 'fail' && record.status !== 'warn') continue;
    const evidence = record.evidence?.find((e) => e.culprit !== undefined && Array.isArray(e.exchanges));
    if (!evidence) continue;
    let plan;
    try {
      plan = planRepro(record.id, evidence.test, evidence.message ?? '', evidence.exchanges as ReproExchange[], evidence.culprit!);
    } catch {
      continue; // evidence a replay cannot stand on (no recorded answer, a URL outside the service): the report's curls remain
    }
    mkdirSync(join(reportDir, REPRO_DIR), { recursive: true });
    const script = `${REPRO_DIR}/${record.id}.sh`;
    const spec = `${REPRO_DIR}/${record.id}.spec.ts`;
    writeFileSync(join(reportDir, script), renderCurlScript(plan), { mode: 0o755 });
    writeFileSync(join(reportDir, spec), renderStandaloneSpec(plan));
    written[record.id] = { script, spec, steps: plan.steps.length };
  }
  return written;
}
