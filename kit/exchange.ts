// One request and its answer as the kit keeps them (redacted) for evidence: the recorder (suites/support/recorder.ts)
// records them as each test's evidence (kit/exchanges-file.ts) and in its violation annotations; the CLI's reports
// (cli/evidence.ts, the HTML report) read them back from the outcomes.

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  body: unknown;
  text: string;
}

export interface Exchange {
  operationId: string | undefined;
  request: RecordedRequest;
  response?: RecordedResponse;
  /** Transport failure: refused, reset, timed out. */
  error?: string;
  /** Whole exchange, waits between attempts included. */
  durationMs: number;
  /** Attempts before this one that were answered 429/503 (or reset, on a read) and sent again; absent when none. */
  retries?: number;
  /** Time spent waiting between those attempts (Retry-After or backoff). */
  retryWaitMs?: number;
  /** The setup step of the Steps helper that sent it ("create a draft source connection"). */
  step?: string;
  /** Sent by the test's teardown, deleting what the test made: after the check, never part of it. */
  phase?: 'cleanup';
  /** The check failure its answer caused (the RequirementFailure's message): the report marks it and opens it first. */
  broke?: string;
}

/** The path and query of a URL, as the evidence names a request: "POST /flows?mode=draft". */
export function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}
