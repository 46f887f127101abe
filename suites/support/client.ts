// The kit's only way to talk to a target. Tests ask it for operations and assert on status classes, fields and
// state; it never parses error text. Every exchange goes through the recorder.
import type { APIRequestContext } from '@playwright/test';
import { kindLabel, operationOf, type Kind } from './operations.ts';
import type { Exchange, Recorder } from './recorder.ts';
import type { Target } from './target.ts';

export interface SendOptions {
  body?: unknown;
  /** A body sent byte for byte (malformed JSON, other content types). */
  rawBody?: string;
  /** Extra headers; `undefined` removes a Platform header. */
  headers?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/** States the real service passes through on its way to a settled state (OAS descriptions, error catalogue). */
export const TRANSITIONAL_STATES = new Set(['inProgress', 'updating', 'enabling', 'disabling', 'initializing', 'pending', 'enabled-finalizing']);

export class TransportError extends Error {}

export class FlowClient {
  constructor(
    private readonly context: APIRequestContext,
    readonly target: Target,
    readonly recorder: Recorder,
    readonly sandbox: string = target.sandbox,
    private readonly onCreated: (kind: Kind, id: string, client: FlowClient) => void = () => {},
  ) {}

  /** The same client, speaking to another sandbox of the same org. */
  inSandbox(sandbox: string): FlowClient {
    return new FlowClient(this.context, this.target, this.recorder, sandbox, this.onCreated);
  }

  platformHeaders(): Record<string, string> {
    const { credentials } = this.target;
    return {
      authorization: `Bearer ${credentials.accessToken}`,
      'x-api-key': credentials.apiKey,
      'x-gw-ims-org-id': credentials.orgId,
      'x-sandbox-name': this.sandbox,
      accept: 'application/json',
    };
  }

  async send(method: string, path: string, options: SendOptions = {}): Promise<Exchange> {
    const headers: Record<string, string | undefined> = this.platformHeaders();
    // a Buffer, because Playwright re-serialises a string body when the Content-Type says JSON
    let data: Buffer | undefined = options.rawBody === undefined ? undefined : Buffer.from(options.rawBody);
    if (options.body !== undefined) {
      data = Buffer.from(JSON.stringify(options.body));
      headers['content-type'] = 'application/json';
    }
    Object.assign(headers, options.headers);
    const sent: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) sent[name] = value;
    const url = this.target.baseUrl + path;
    const exchange: Exchange = {
      operationId: operationOf(method, path),
      request: { method, url, headers: sent, ...(options.body !== undefined ? { body: options.body } : options.rawBody !== undefined ? { body: options.rawBody } : {}) },
      durationMs: 0,
    };
    const started = performance.now();
    try {
      const response = await this.context.fetch(url, {
        method,
        headers: sent,
        ...(data === undefined ? {} : { data }),
        failOnStatusCode: false,
        maxRedirects: 0,
        timeout: options.timeoutMs ?? this.target.config.requestTimeoutMs ?? 30_000,
      });
      const text = await response.text();
      let body: unknown;
      try {
        body = text.trim() === '' ? undefined : JSON.parse(text);
      } catch {
        body = undefined;
      }
      exchange.response = { status: response.status(), headers: response.headers(), body, text };
    } catch (error) {
      exchange.error = (error as Error).message.split('\n')[0] ?? String(error);
    }
    exchange.durationMs = Math.round(performance.now() - started);
    this.recorder.record(exchange);
    if (exchange.error) throw new TransportError(`${method} ${path}: no answer from the target (${exchange.error})`);
    return exchange;
  }

  async create(kind: Kind, body: unknown, mode: string | null = 'draft'): Promise<Exchange> {
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

  patch(kind: Kind, id: string, instructions: unknown, ifMatch: string | undefined): Promise<Exchange> {
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

export function isSuccess(exchange: Exchange): boolean {
  const status = exchange.response?.status ?? 0;
  return status >= 200 && status < 300;
}

export function firstItem(exchange: Exchange): Record<string, unknown> | undefined {
  const items = (exchange.response?.body as { items?: unknown } | undefined)?.items;
  const first = Array.isArray(items) ? items[0] : undefined;
  return first && typeof first === 'object' ? (first as Record<string, unknown>) : undefined;
}

export function bodyOf(exchange: Exchange): Record<string, unknown> {
  const body = exchange.response?.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
