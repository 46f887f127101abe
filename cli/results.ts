// results.json: the run's source of truth. junit.xml and index.html are views of it. Its JSON Schema is
// specs/results.schema.json.
import type { ModelFailure } from '../kit/annotations/model-failure.ts';
import type { SpecFlag } from '../kit/annotations/specs.ts';
import type { RequirementResult, Selection, Status } from './fold.ts';
import type { ReproFiles } from './repro/write-repros.ts';
import type { ShardIdentity } from './shard.ts';
import type { Verdict } from './verdict.ts';

export interface BaselineNote {
  /** The requirement failed and the baseline expected it: it does not fail the run. */
  expected?: { reason: string; expires?: string; link?: string };
  /** The baseline lists this requirement but it passed: the entry can go. (An `error` did not pass: never fixed.) */
  fixed?: boolean;
  /** The baseline entry's expiry date has passed. */
  expired?: boolean;
  /**
   * A model-based entry (ORD-007) records the counterexample it was written from. A pass of a run that did not replay
   * it is no news about that sequence: the entry stays, and this says so (with the counterexample to replay).
   */
  notRechecked?: Counterexample;
}

/** The model-based suite's seed and path (with its command log) that replay one shrunk failing sequence. */
export interface Counterexample {
  seed: number;
  path: string;
}

export interface ResultRecord extends RequirementResult {
  baseline?: BaselineNote;
}

export interface ModelRun {
  seed?: number;
  /** Set when the run replayed one sequence (--seed S --path P): S is then `seed`. */
  path?: string;
  runs?: number;
  steps?: number;
  /** A failing part's shrunk sequence, one label a step, and the command line that replays it. */
  failures?: ModelFailure[];
}

/** The model-failure annotation as the suite wrote it (kit/annotations/model-failure.ts), read by its one reader. */
export type { ModelFailure };

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
  /** A merged report: each shard's own Playwright report that exists, relative to the merged report dir. */
  playwrightReports?: { shard: string; href: string }[];
  /** A shard's identity (--shard I/N), so merge can tell a repeated shard and a shard of another run. */
  shard?: ShardIdentity;
  /** A merged report: the run's shards it holds, and those it lacks (then the verdict is no-verdict). */
  merged?: { runId?: string; shards: string[]; missing: string[] };
  /** Replay command for this run (no secrets). */
  command: string;
  /**
   * What the run created and deleted (`deleted`: by the end-of-run cleanup, after the checks' own); anything left
   * behind stays in ledger.jsonl, and `command` retries it (a --target run only: an embedded server ended with it).
   */
  cleanup?: { created: number; deleted: number; leftBehind: { kind: string; id: string; sandbox: string; reason: string }[]; command?: string };
  /** What the run selected (--requirement, --grep, --shard): merge reads it back from each shard. */
  selection?: Selection;
  /** The run was stopped by SIGINT or SIGTERM before every check ran. */
  interrupted?: boolean;
  /** --read-only: only GETs were sent. */
  readOnly?: boolean;
  maxRequests?: number;
  /** The embedded reference server's fault modes (--fault), in the order given; absent for a --target run. */
  faults?: string[];
  /** An embedded run: how to start the same server again, so the evidence's curls have something to answer them. */
  reproduce?: Reproduce;
  /** Every check (test) of the run, in the order they started: the report's timeline and slowest checks. */
  checks?: CheckRecord[];
  /** Each failing requirement's standalone repro (a curl script and a Playwright spec), by ID. */
  repros?: Record<string, ReproFiles>;
  /** Every spec the target listed, with its draft-support flag. */
  specs?: SpecFlag[];
}

export interface Reproduce {
  /** Starts a reference server with the run's fault modes (`npx flow-conformance serve`, from a clone or the installed package). */
  serve: string;
  /** What the served server's base URL will be; the report's curls of an embedded run use it. */
  baseUrl: string;
  /** The reference server's own test credentials (public values, never a user's), as the environment it reads. */
  credentials: Record<'AEP_ACCESS_TOKEN' | 'AEP_API_KEY' | 'AEP_ORG_ID', string>;
}

export interface CheckRecord {
  title: string;
  file?: string;
  line?: number;
  requirements: string[];
  /** As its requirement would read it: a failed check of a SHOULD outside --strict is `warn`. */
  status: Status;
  /** Milliseconds from the run's start; absent when the runner never started it. */
  startMs?: number;
  durationMs: number;
}
