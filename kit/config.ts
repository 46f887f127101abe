// The kit's typed configuration (`flow-conformance.config.ts`): which specs to exercise on the target and the
// fixtures a real target needs. Every field is optional; the defaults fit the reference server and the draft tutorial.
// Users write it (through `defineConfig`, exported by the package); kit/config-file.ts loads and checks it for the CLI,
// and the workers read the checked copy (suites/support/target.ts).
import { DEFAULT_RETRY_POLICY } from './retry.ts';

export interface KitConfig {
  /** Connection spec of the base and source connections (default: Azure File Storage, as in the draft tutorial). */
  sourceConnectionSpecId?: string;
  /** Connection spec of the target connections (default: the Data Lake target spec). */
  targetConnectionSpecId?: string;
  /** Flow spec of the flows (default: CloudStorageToAEP). */
  flowSpecId?: string;
  /** Auth spec name and params for base connections; generated from the spec's authSpec when absent. */
  auth?: { specName?: string; params?: Record<string, unknown> };
  /** `params` and `data` of source connections. */
  sourceParams?: Record<string, unknown>;
  sourceData?: Record<string, unknown>;
  /** Target connections: dataset and XDM schema they write to. */
  targetParams?: Record<string, unknown>;
  targetSchema?: { id: string; version: string };
  /** Whether target connections need a base connection of their own (destinations do; the Data Lake does not). */
  targetNeedsBaseConnection?: boolean;
  /** Extra fields for flows (scheduleParams, transformations...). */
  flowExtras?: Record<string, unknown>;
  /** How long to poll an entity in a transitional state (inProgress, enabling, updating) before giving up. */
  settleTimeoutMs?: number;
  /** Per-request timeout (each attempt, when a request is retried). */
  requestTimeoutMs?: number;
  /** Retries of a request answered 429 or 503 (see kit/retry.ts for which requests are retried). */
  maxRetries?: number;
  /** Default wait before a retry when the answer has no Retry-After; doubles per retry, jittered. */
  retryBaseDelayMs?: number;
  /** Cap of a single wait before a retry, Retry-After included. */
  maxRetryDelayMs?: number;
  /** Concurrent PATCHes in the ETAG-003 race. */
  concurrentWriters?: number;
  /**
   * Budget and replay of the model-based suite (ORD-007): `runs` in all (default 50, split over its parts), steps a run
   * (`maxCommands`, default 30), and `timeBudgetMs`, the wall time the suite may spend making runs (default 40 s,
   * 10 min on the embedded server; spread over the parts that run side by side): past it a part reports the runs it
   * covered, never a failure.
   */
  model?: { runs?: number; seed?: number; path?: string; maxCommands?: number; timeBudgetMs?: number };
}

export const DEFAULTS = {
  sourceConnectionSpecId: 'be5ec48c-5b78-49d5-b8fa-7c89ec4569b8',
  targetConnectionSpecId: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c',
  flowSpecId: '9753525b-82c7-4dce-8a9b-5ccfce2b9876',
  sourceParams: { path: '/conformance/kit/account.csv', type: 'file' },
  sourceData: { format: 'delimited' },
  targetParams: { dataSetId: '000000000000000000000000' },
  targetSchema: { id: 'https://ns.adobe.com/conformance/schemas/kit', version: 'application/vnd.adobe.xed-full+json;version=1' },
  targetNeedsBaseConnection: false,
  settleTimeoutMs: 30_000,
  requestTimeoutMs: 30_000,
  maxRetries: DEFAULT_RETRY_POLICY.maxRetries,
  retryBaseDelayMs: DEFAULT_RETRY_POLICY.baseDelayMs,
  maxRetryDelayMs: DEFAULT_RETRY_POLICY.maxDelayMs,
  concurrentWriters: 8,
};

/** Identity helper, like Playwright's, so a config file gets type checking and completion. */
export function defineConfig(config: KitConfig): KitConfig {
  return config;
}
