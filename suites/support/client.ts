// The kit's only way to talk to a target. Tests ask it for operations and assert on status classes, fields and
// state; it never parses error text. Every exchange goes through the recorder.
import { test } from '@playwright/test';
import { describeNoAnswer, sharedBreaker } from '../../kit/breaker.ts';
import { sharedHold } from '../../kit/hold.ts';
import { kindLabel, type Kind } from '../../kit/kinds.ts';
import { platformHeaders } from '../../kit/platform-headers.ts';
import { operationOf } from './operations.ts';
import type { Exchange } from '../../kit/exchange.ts';
import type { Recorder } from './recorder.ts';
import type { SentBody } from './bodies.ts';
import { classifyTransportFailure, DEFAULT_RETRY_POLICY, retryDelay, sleep, type RetryPolicy, type TransportFailure } from '../../kit/retry.ts';
import type { Target } from './target.ts';
import type { Transport } from './transport.ts';
import { CouldNotCheck } from './verdicts.ts';

export interface SendOptions {
  body?: SentBody;
  /** A body sent byte for byte (malformed JSON, other content types). */
  rawBody?: string;
  /** Extra headers; `undefined` removes a Platform header. */
  headers?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/** States the real service passes through on its way to a settled state (OAS descriptions, error catalogue). */
export const TRANSITIONAL_STATES = new Set(['inProgress', 'updating', 'enabling', 'disabling', 'initializing', 'pending', 'enabled-finalizing']);

/**
 * No answer from the target: `kind` says why (timeout, connection refused or reset, TLS, DNS). A CouldNotCheck, so
 * the check it interrupts is folded as `error`: no answer says nothing about the rule being checked.
 */
export class TransportError extends CouldNotCheck {
  constructor(
    message: string,
    readonly kind: TransportFailure = 'network failure',
  ) {
    super(message);
  }
}

export class FlowClient {
  constructor(
    readonly transport: Transport,
    readonly target: Target,
    readonly recorder: Recorder,
    readonly sandbox: string = target.sandbox,
    private readonly onCreated: (kind: Kind, id: string, client: FlowClient) => void = () => {},
  ) {}

  /** The same client, speaking to another sandbox of the same org. */
  inSandbox(sandbox: string): FlowClient {
    return new FlowClient(this.transport, this.target, this.recorder, sandbox, this.onCreated);
  }

  /** `accessToken`: the token to send (default: the target's; send() passes the current one of a refreshing source). */
  platformHeaders(accessToken: string = this.target.credentials.accessToken): Record<string, string> {
    return platformHeaders(this.target.credentials, this.sandbox, accessToken);
  }

  /**
   * One exchange: sent, retried after 429/503 as kit/retry.ts allows (waiting out Retry-After), and
   * recorded once with its final answer and retry count. Throws TransportError when no answer came, and
   * CouldNotCheck when the target still answered 429 after the last retry (a rate limit says nothing about a rule).
   * Against a --target, every worker holds its requests while any of them was told to wait (kit/hold.ts),
   * and once the target stopped answering (kit/breaker.ts) nothing more is sent: a TransportError at once.
   */
  async send(method: string, path: string, options: SendOptions = {}): Promise<Exchange> {
    // a Buffer, because the Playwright transport re-serialises a string body when the Content-Type says JSON
    let data: Buffer | undefined = options.rawBody === undefined ? undefined : Buffer.from(options.rawBody);
    if (options.body !== undefined) data = Buffer.from(JSON.stringify(options.body));
    const url = this.target.baseUrl + path;
    const timeout = options.timeoutMs ?? this.target.config.requestTimeoutMs ?? 30_000;
    const policy = this.retryPolicy();
    const started = performance.now();
    let retries = 0;
    let retryWaitMs = 0;
    const hold = sharedHold(this.target.holdFile);
    const breaker = sharedBreaker(this.target.breakerFile);
    for (;;) {
      if (hold) allowForWaiting(await hold.wait());
      const stopped = breaker?.tripped();
      if (stopped) throw new TransportError(`${method} ${path}: not sent: ${stopped}`, 'not sent');
      const sent = await this.requestHeaders(options);
      const exchange: Exchange = {
        operationId: operationOf(method, path),
        request: { method, url, headers: sent, ...(options.body !== undefined ? { body: options.body } : options.rawBody !== undefined ? { body: options.rawBody } : {}) },
        durationMs: 0,
      };
      let failure: TransportFailure | undefined;
      try {
        const response = await this.transport.send({ method, url, headers: sent, ...(data === undefined ? {} : { body: data }), timeoutMs: timeout });
        let body: unknown;
        try {
          body = response.text.trim() === '' ? undefined : JSON.parse(response.text);
        } catch {
          body = undefined;
        }
        exchange.response = { status: response.status, headers: response.headers, body, text: response.text };
      } catch (error) {
        const message = (error as Error).message.split('\n')[0] ?? String(error);
        exchange.error = message;
        failure = classifyTransportFailure(message);
      }
      if (failure) breaker?.noAnswer(describeNoAnswer(method, path, failure, timeout));
      else breaker?.answered();
      let wait = retryDelay(
        { method, ...(exchange.response ? { status: exchange.response.status, headers: exchange.response.headers } : {}), ...(failure ? { failure } : {}) },
        retries,
        policy,
      );
      // a retry the run has tripped meanwhile is not sent: this attempt's own failure is the answer
      if (wait !== undefined && failure && breaker?.tripped()) wait = undefined;
      if (wait === undefined) {
        // to 0.01 ms: against a local target most exchanges take well under a millisecond
        exchange.durationMs = Math.round((performance.now() - started) * 100) / 100;
        if (retries > 0) {
          exchange.retries = retries;
          exchange.retryWaitMs = retryWaitMs;
        }
        this.recorder.record(exchange);
        const after = retries > 0 ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
        if (exchange.error) {
          const detail = failure === 'timeout' ? `timeout: no answer within ${timeout} ms` : `${failure}: ${exchange.error.replace(/^apiRequestContext\.fetch: /, '')}`;
          throw new TransportError(`${method} ${path}: no answer from the target${after} (${detail})`, failure);
        }
        if (exchange.response?.status === 429) {
          throw new CouldNotCheck(`${method} ${path}: could not check: the target still answered 429 Too Many Requests${after} (${retryWaitMs} ms waited in all)`);
        }
        return exchange;
      }
      retries++;
      retryWaitMs += wait;
      // the other workers wait as long (a failure without an answer told nobody to wait)
      if (exchange.response) hold?.extend(Date.now() + wait);
      allowForWaiting(wait);
      await sleep(wait);
    }
  }

  private retryPolicy(): RetryPolicy {
    const config = this.target.config;
    const maxRetries = config.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries;
    return {
      maxRetries,
      // maxRetries 0 turns retries off altogether; otherwise a rate limit gets at least its own default of tries
      maxRateLimitRetries: maxRetries === 0 ? 0 : Math.max(maxRetries, DEFAULT_RETRY_POLICY.maxRateLimitRetries),
      baseDelayMs: config.retryBaseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
      maxDelayMs: config.maxRetryDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    };
  }

  /** Platform headers with the current token (an IMS source refreshes it before expiry), then the test's own. */
  private async requestHeaders(options: SendOptions): Promise<Record<string, string>> {
    const refresh = this.target.credentials.getAccessToken;
    let token = this.target.credentials.accessToken;
    if (refresh) {
      token = await refresh();
      this.recorder.learnSecret(token);
    }
    const headers: Record<string, string | undefined> = this.platformHeaders(token);
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, options.headers);
    const sent: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) sent[name] = value;
    return sent;
  }

  async create(kind: Kind, body: SentBody, mode: string | null = 'draft'): Promise<Exchange> {
    const exchange = await this.send('POST', `/${kind}${mode === null ? '' : `?mode=${encodeURIComponent(mode)}`}`, { body });
    const id = (exchange.response?.body as { id?: unknown } | undefined)?.id;
    if (isSuccess(exchange) && typeof id === 'string' && id !== '') this.onCreated(kind, id, this);
    return exchange;
  }

  get(kind: Kind, id: string): Promise<Exchange> {
    return this.send('GET', `/${kind}/${encodeURIComponent(id)}`);
  }

  list(kind: Kind, query: string): Promise<Exchange> {
    return this.send('GET', `/${kind}${query ? `?${query}` : ''}`);
  }

  patch(kind: Kind, id: string, instructions: SentBody, ifMatch: string | undefined): Promise<Exchange> {
    return this.send('PATCH', `/${kind}/${encodeURIComponent(id)}`, {
      body: instructions,
      ...(ifMatch === undefined ? {} : { headers: { 'if-match': ifMatch } }),
    });
  }

  remove(kind: Kind, id: string): Promise<Exchange> {
    return this.send('DELETE', `/${kind}/${encodeURIComponent(id)}`);
  }

  action(kind: Kind, id: string, op: string): Promise<Exchange> {
    return this.send('POST', `/${kind}/${encodeURIComponent(id)}/action?op=${encodeURIComponent(op)}`);
  }

  /** GET, waiting out transitional states within the configured bound; the entity as `items[0]`. */
  async settled(kind: Kind, id: string): Promise<{ exchange: Exchange; item: Record<string, unknown> | undefined; waitedMs: number }> {
    const deadline = Date.now() + this.target.config.settleTimeoutMs;
    const started = Date.now();
    for (;;) {
      const exchange = await this.get(kind, id);
      const item = firstItem(exchange);
      const state = item?.state;
      if (typeof state !== 'string' || !TRANSITIONAL_STATES.has(state) || Date.now() >= deadline) {
        return { exchange, item, waitedMs: Date.now() - started };
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  describe(kind: Kind): string {
    return kindLabel(kind);
  }
}

/**
 * Time spent waiting because the target asked for it is added to the running test's timeout: a check is bounded by
 * its own work, never by how often a rate limiter said "later". Outside a test (discovery, cleanup) there is none.
 */
function allowForWaiting(ms: number): void {
  if (ms <= 0) return;
  let info: ReturnType<typeof test.info>;
  try {
    info = test.info();
  } catch {
    return;
  }
  if (info.timeout > 0) info.setTimeout(info.timeout + ms);
}

export function isSuccess(exchange: Exchange): boolean {
  const status = exchange.response?.status ?? 0;
  return status >= 200 && status < 300;
}

// Answers stay unknown: they are what the target sent, and a check trusts a field only once it has read it (typeof)
// or validated the body (schemas/validators.ts); a generated type here would assert what only validation shows.
export function firstItem(exchange: Exchange): Record<string, unknown> | undefined {
  const items = (exchange.response?.body as { items?: unknown } | undefined)?.items;
  const first = Array.isArray(items) ? items[0] : undefined;
  return first && typeof first === 'object' ? (first as Record<string, unknown>) : undefined;
}

export function bodyOf(exchange: Exchange): Record<string, unknown> {
  const body = exchange.response?.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
