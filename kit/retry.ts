// When the kit asks a target again, and how long it waits first. Pure functions, so the policy is testable without
// a socket; FlowClient.send (suites/support/client.ts) applies them to every check's request, the CLI's preflight
// (cli/preflight.ts) to its one; the breaker and the hold use its transport-failure kinds and sleep.
//
// Which answers are retried, and why that is safe for every method:
// - 429 Too Many Requests (RFC 6585 §4) is a rate limiter refusing the request: it was not processed.
// - 503 Service Unavailable (RFC 9110 §15.6.4) says the server is "currently unable to handle the request"; Platform's
//   gateway answers it (and 429) before forwarding to Flow Service. A service that applied a write and then answered
//   503 would itself be wrong, and the check catches that anyway: the retried write would then conflict.
// So GET, DELETE, POST and PATCH alike are sent again after a 429 or 503: the first attempt provably changed nothing.
// A 429 gets more tries than a 503 (maxRateLimitRetries): a limit shared by several workers can refuse one request a
// few times in a row, while a 503 storm is an outage API-007 should report without waiting minutes for it.
// Every other 5xx (500, 502, 504) is final: the server may have applied a write before failing, and a 5xx is what
// API-007 exists to report, so retrying it would hide findings.
//
// Transport failures: only a connection reset on GET/HEAD is retried (a keep-alive socket the server closed while
// the kit reused it is the usual cause, and reading again is harmless). A reset POST/PATCH/DELETE may have been
// applied, so it is final. Refused connections, TLS and DNS failures and timeouts are never retried: they do not heal
// within seconds, and each retry would spend another full timeout.

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /**
   * Retries after a 429. A 429 was provably not processed and a retry costs only the wait, while several workers
   * sharing one limit can each be refused a few times in a row (four workers released together behind a limiter
   * that refuses every third request: 1 request in 81 refused four times), so rate limits get more tries than outages.
   */
  maxRateLimitRetries: number;
  /** First default wait when the answer carries no usable Retry-After; doubles per retry, with jitter. */
  baseDelayMs: number;
  /** Cap of any single wait, Retry-After included. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, maxRateLimitRetries: 10, baseDelayMs: 1_000, maxDelayMs: 30_000 };

export const RETRYABLE_STATUSES = new Set([429, 503]);
const READS = new Set(['GET', 'HEAD']);

export type TransportFailure = 'timeout' | 'connection refused' | 'connection reset' | 'TLS failure' | 'DNS failure' | 'network failure'
  /** Never sent: the run had already tripped (kit/breaker.ts). */
  | 'not sent';

/** What kind of transport failure an error message (Playwright's, Node's or undici's) describes. */
export function classifyTransportFailure(message: string): TransportFailure {
  if (/timeout|timed out|ETIMEDOUT|aborted due to timeout/i.test(message)) return 'timeout';
  if (/ECONNREFUSED/.test(message)) return 'connection refused';
  if (/ECONNRESET|socket hang up|EPIPE|ECONNABORTED|other side closed/i.test(message)) return 'connection reset';
  if (/EPROTO|SSL|TLS|certificate|CERT_|self[- ]signed|wrong version number|handshake/i.test(message)) return 'TLS failure';
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(message)) return 'DNS failure';
  return 'network failure';
}

/**
 * Milliseconds a Retry-After value asks for: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). Undefined when the
 * value is absent or unreadable; never negative (a date in the past means "now").
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/[a-z]/i.test(trimmed)) return undefined; // "-1", "1.5": neither form
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential default wait, jittered to 50–100 % so parallel workers do not retry in step. */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(full * (0.5 + random() / 2));
}

export interface Attempt {
  method: string;
  status?: number;
  headers?: Record<string, string>;
  /** Transport failure kind when there was no answer. */
  failure?: TransportFailure;
}

/**
 * How long to wait before asking again after attempt number `retriesSoFar + 1`, or undefined when its outcome is
 * final (success, a non-retryable answer or failure, or no retries left).
 */
export function retryDelay(attempt: Attempt, retriesSoFar: number, policy: RetryPolicy, now: number = Date.now(), random: () => number = Math.random): number | undefined {
  if (retriesSoFar >= (attempt.status === 429 ? policy.maxRateLimitRetries : policy.maxRetries)) return undefined;
  if (attempt.status !== undefined) {
    if (!RETRYABLE_STATUSES.has(attempt.status)) return undefined;
    const asked = parseRetryAfter(headerValue(attempt.headers, 'retry-after'), now);
    return Math.min(policy.maxDelayMs, asked ?? backoffMs(retriesSoFar, policy, random));
  }
  if (attempt.failure === 'connection reset' && READS.has(attempt.method.toUpperCase())) return backoffMs(retriesSoFar, policy, random);
  return undefined;
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
