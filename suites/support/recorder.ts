// Every exchange the kit makes passes through one recorder, which keeps a redacted copy as evidence and runs the
// checks that hold for every answer: no 5xx (API-007) and every 2xx body valid against its operation (API-008).
// A violation is recorded against its requirement, never against the test that happened to trigger it.
import { validateResponse } from '../../schemas/validators.ts';
import { pathOf, type Exchange } from '../../kit/exchange.ts';
import type { Redactor } from '../../kit/redact.ts';

export interface Violation {
  requirement: 'API-007' | 'API-008';
  message: string;
  exchange: Exchange;
}

/** How many recent exchanges a test keeps as evidence; the report shows at most a few hundred. */
export const KEPT_EXCHANGES = 1000;

/**
 * The recorded (redacted) copy of each exchange a client handed back, so that what a check learns about an exchange
 * (the step that sent it, the failure it caused) reaches the evidence without the check holding the recorder.
 */
const RECORDED = new WeakMap<Exchange, { copy: Exchange; redactor: Redactor }>();

/** Notes on the evidence which setup step sent `exchange`. */
export function labelStep(exchange: Exchange, step: string): void {
  const recorded = RECORDED.get(exchange);
  if (recorded && recorded.copy.step === undefined) recorded.copy.step = recorded.redactor.text(step);
}

/** Notes on the evidence that `exchange`'s answer broke a rule: `message`, the failure it caused, quotes the answer. */
export function blame(exchange: Exchange, message: string): void {
  const recorded = RECORDED.get(exchange);
  if (recorded) recorded.copy.broke = recorded.redactor.text(message);
}

export class Recorder {
  readonly exchanges: Exchange[] = [];
  readonly violations: Violation[] = [];
  /** How many exchanges each every-exchange check could judge: a pass needs at least one (cli/fold.ts). */
  readonly judged: Record<Violation['requirement'], number> = { 'API-007': 0, 'API-008': 0 };
  private cleaningUp = false;
  constructor(private readonly redactor: Redactor) {}

  /** The check is over: what it records from now on is its teardown deleting what it made. */
  startCleanup(): void {
    this.cleaningUp = true;
  }

  /** A secret learnt mid-run (a refreshed IMS token), redacted from every exchange recorded after it. */
  learnSecret(secret: string): void {
    this.redactor.add(secret);
  }

  /** When set, every recorded (redacted) copy also goes here: a model-based run's or a property case's own evidence. */
  sink: Exchange[] | undefined;

  /**
   * Records one exchange: only its final answer, so 429/503 answers that were retried are not API-007 findings;
   * `exchange.retries` says how many there were.
   */
  record(exchange: Exchange): void {
    const redacted = this.redact(exchange);
    if (this.cleaningUp) redacted.phase = 'cleanup';
    RECORDED.set(exchange, { copy: redacted, redactor: this.redactor });
    this.exchanges.push(redacted);
    this.sink?.push(redacted);
    // evidence is the recent past (violations keep their own exchange): a long model-based run must not grow the heap
    if (this.exchanges.length > 2 * KEPT_EXCHANGES) this.exchanges.splice(0, this.exchanges.length - KEPT_EXCHANGES);
    const response = exchange.response;
    if (!response) return;
    this.judged['API-007']++;
    const line = `${exchange.request.method} ${pathOf(redacted.request.url)}`;
    if (response.status >= 500) {
      this.violations.push({ requirement: 'API-007', message: `${line}: expected no 5xx, received ${response.status}${exchange.retries ? ` (after ${exchange.retries} retries)` : ''} [API-007]`, exchange: redacted });
    }
    if (response.status >= 200 && response.status < 300 && exchange.operationId) {
      const empty = response.text.trim() === '';
      if (!empty && response.body === undefined) {
        this.violations.push({ requirement: 'API-008', message: `${line}: expected a JSON body, received ${response.status} with a non-JSON body [API-008]`, exchange: redacted });
        return;
      }
      if (empty) return;
      this.judged['API-008']++;
      const result = validateResponse(exchange.operationId, response.status, response.body);
      if (!result.valid) {
        this.violations.push({
          requirement: 'API-008',
          message: `${line}: ${response.status} body does not match the ${exchange.operationId} schema: ${result.errors.slice(0, 3).join('; ')} [API-008]`,
          exchange: redacted,
        });
      }
    }
  }

  private redact(exchange: Exchange): Exchange {
    const r = this.redactor;
    const copy: Exchange = {
      operationId: exchange.operationId,
      durationMs: exchange.durationMs,
      ...(exchange.retries ? { retries: exchange.retries, retryWaitMs: exchange.retryWaitMs ?? 0 } : {}),
      request: {
        method: exchange.request.method,
        url: r.text(exchange.request.url),
        headers: r.headers(exchange.request.headers),
        ...(exchange.request.body === undefined ? {} : { body: r.json(exchange.request.body) }),
      },
    };
    if (exchange.error) copy.error = r.text(exchange.error);
    if (exchange.response) {
      copy.response = {
        status: exchange.response.status,
        headers: r.headers(exchange.response.headers),
        body: r.json(exchange.response.body),
        text: r.text(exchange.response.text).slice(0, 20_000),
      };
    }
    return copy;
  }
}
