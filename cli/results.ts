// results.json: the run's source of truth. junit.xml and index.html are views of it. Its JSON Schema is
// specs/results.schema.json.
import type { RequirementResult, Selection, Status } from './fold.ts';
import type { Verdict } from './verdict.ts';

export interface BaselineNote {
  /** The requirement failed and the baseline expected it: it does not fail the run. */
  expected?: { reason: string; expires?: string; link?: string };
  /** The baseline lists this requirement but it passed: the entry can go. (An `error` did not pass: never fixed.) */
  fixed?: boolean;
  /** The baseline entry's expiry date has passed. */
  expired?: boolean;
}

export interface ResultRecord extends RequirementResult {
  baseline?: BaselineNote;
}

export interface ModelRun {
  seed?: number;
  runs?: number;
  steps?: number;
  /** A failing part's shrunk sequence, one label a step, and the command line that replays it. */
  failures?: ModelFailure[];
}

export interface ModelFailure {
  part: number;
  seed: number;
  path: string;
  steps: string[];
  replay: string;
}

export interface Results {
  kit: { name: string; version: string };
  target: string;
  embedded: boolean;
  startedAt: string;
  finishedAt: string;
  strict: boolean;
  seed: number | null;
  /** decideVerdict's answer (cli/verdict.ts): every view shows this one, never one of its own. */
  verdict: Verdict;
  /** Why, in one line: the headline of the summary and the HTML report. */
  verdictReason: string;
  /** What every view prints as the verdict: its word, and how many failures the baseline forgave (headlineOf). */
  headline: string;
  /** Failures and warnings a live baseline entry covers: counted here so no view counts them again. */
  knownFailures: number;
  summary: Record<Status, number>;
  requirements: ResultRecord[];
  areas: Record<string, string>;
  model?: ModelRun;
  /** The Playwright HTML report, relative to the report dir, if written. */
  playwrightReport?: string;
  /** Replay command for this run (no secrets). */
  command: string;
  /** What the run created and deleted; anything left behind stays in ledger.jsonl for `flow-conformance cleanup`. */
  cleanup?: { created: number; deleted: number; leftBehind: { kind: string; id: string; sandbox: string; reason: string }[] };
  /** What the run selected (--requirement, --grep, --shard): merge reads it back from each shard. */
  selection?: Selection;
  /** The run was stopped by SIGINT or SIGTERM before every check ran. */
  interrupted?: boolean;
  /** --read-only: only GETs were sent. */
  readOnly?: boolean;
  maxRequests?: number;
  /** Every spec the target listed, with its draft-support flag. */
  specs?: { collection: string; id: unknown; name: unknown; isDraftModeSupported: unknown }[];
}
