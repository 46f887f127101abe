// Adobe IMS OAuth server-to-server: the client-credentials exchange of the Developer Console docs
// (flow-service-facts.md §7), so a run needs a client id and secret instead of a hand-copied 24-hour token.
// The token is fetched lazily, kept, and fetched again shortly before `expires_in` runs out, so a long run survives
// expiry. A token given in AEP_ACCESS_TOKEN wins over the exchange. Failures become one-line ImsErrors that never
// contain the client secret. Both sides exchange: the CLI once for its own calls (preflight, cleanup), each worker
// for its own requests (suites/support/target.ts), refreshing as it goes.
import type { Credentials } from './credentials.ts';

export const IMS_ENV = {
  clientId: 'AEP_CLIENT_ID',
  clientSecret: 'AEP_CLIENT_SECRET',
  scopes: 'AEP_SCOPES',
  imsUrl: 'AEP_IMS_URL',
  token: 'AEP_ACCESS_TOKEN',
  apiKey: 'AEP_API_KEY',
  org: 'AEP_ORG_ID',
} as const;

export const DEFAULT_IMS_URL = 'https://ims-na1.adobelogin.com';
export const TOKEN_PATH = '/ims/token/v3';
/** The Platform scopes of Adobe's Postman environment template; the Developer Console shows a credential's own. */
export const DEFAULT_SCOPES = 'openid,session,AdobeID,read_organizations,additional_info.projectedProductContext';
export const DEFAULT_IMS_TIMEOUT_MS = 10_000;
/** v3 documents 86399 s; used when an answer omits expires_in. */
const DEFAULT_LIFETIME_S = 86_399;
const MAX_MARGIN_MS = 5 * 60_000;
const MAX_DESCRIPTION = 200;

export class ImsError extends Error {
  override readonly name = 'ImsError';
  constructor(
    message: string,
    /** HTTP status of IMS's answer, when there was one. */
    readonly status?: number,
    /** IMS's `error` code, when it sent one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface ImsOptions {
  clientId: string;
  clientSecret: string;
  /** Comma-separated, as the Developer Console lists them. */
  scopes: string;
  /** IMS origin (a full token URL is accepted too). */
  imsUrl?: string;
  timeoutMs?: number;
  /** Clock, for tests. */
  now?: () => number;
  /** Called with every new token, so redaction learns it. */
  onToken?: (token: string) => void;
}

export class ImsTokenSource {
  readonly tokenUrl: string;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private token: string | undefined;
  private expires = 0;
  private refreshAt = 0;
  private inFlight: Promise<string> | undefined;

  constructor(private readonly options: ImsOptions) {
    this.tokenUrl = tokenUrlOf(options.imsUrl ?? DEFAULT_IMS_URL);
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_IMS_TIMEOUT_MS;
    if (!options.clientId) throw new ImsError(`IMS token exchange impossible: ${IMS_ENV.clientId} is empty`);
    if (!options.clientSecret) throw new ImsError(`IMS token exchange impossible: ${IMS_ENV.clientSecret} is empty`);
  }

  /** The value of `x-api-key`: the credential's client id. */
  get apiKey(): string {
    return this.options.clientId;
  }

  /** Epoch milliseconds at which the current token expires (undefined before the first exchange). */
  get expiresAt(): number | undefined {
    return this.token === undefined ? undefined : this.expires;
  }

  /** A token valid for a while yet: the kept one, or a new one once the refresh margin is reached. */
  async getAccessToken(): Promise<string> {
    const now = this.now();
    if (this.token !== undefined && now < this.refreshAt) return this.token;
    this.inFlight ??= this.exchange().finally(() => (this.inFlight = undefined));
    try {
      return await this.inFlight;
    } catch (error) {
      // IMS failing during the margin is no reason to stop a run whose token still works: keep it, try again later.
      if (this.token !== undefined && this.now() < this.expires) {
        this.refreshAt = this.now() + Math.min(30_000, (this.expires - this.now()) / 2);
        return this.token;
      }
      throw error;
    }
  }

  private async exchange(): Promise<string> {
    const { clientId, clientSecret, scopes } = this.options;
    const form = new URLSearchParams({ client_id: clientId, client_secret: clientSecret, grant_type: 'client_credentials', scope: scopes });
    const fail = (what: string, status?: number, code?: string): ImsError =>
      new ImsError(oneLine(`IMS token exchange failed: ${what} at ${this.tokenUrl}`, clientSecret), status, code);
    const started = this.now();
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const e = (error ?? {}) as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string } };
      if (e.name === 'TimeoutError' || e.name === 'AbortError') throw fail(`no answer within ${this.timeoutMs} ms`);
      // undici says "fetch failed" and puts the reason (ECONNREFUSED, ENOTFOUND, a TLS code) in `cause`
      const detail = e.cause?.code ?? e.code ?? e.cause?.message ?? e.message ?? String(error);
      throw fail(`network error (${detail})`);
    }
    const status = response.status;
    let body: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      body = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      body = undefined;
    }
    if (body === undefined) {
      const type = response.headers.get('content-type') ?? 'no content type';
      throw fail(`${status} non-JSON answer (${type}: ${JSON.stringify(text.slice(0, 80))})`, status);
    }
    if (status !== 200) {
      const code = typeof body.error === 'string' ? body.error : undefined;
      const description = typeof body.error_description === 'string' ? body.error_description : undefined;
      throw fail(`${status} ${code ?? 'error'}${description ? ` (${description.slice(0, MAX_DESCRIPTION)})` : ''}`, status, code);
    }
    const token = body.access_token;
    if (typeof token !== 'string' || token === '') throw fail(`${status} answer without an access_token`, status);
    // v3 answers seconds; the retired JWT exchange answered milliseconds. A lifetime over 30 days in seconds can
    // only be milliseconds.
    let lifetimeMs = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in * 1000 : DEFAULT_LIFETIME_S * 1000;
    if (lifetimeMs > 30 * 86_400_000) lifetimeMs /= 1000;
    this.token = token;
    this.expires = started + lifetimeMs;
    this.refreshAt = this.expires - Math.min(MAX_MARGIN_MS, lifetimeMs / 10);
    this.options.onToken?.(token);
    return token;
  }
}

/** The token endpoint for an IMS origin. Plain http only to the loopback interface: the form carries the secret. */
export function tokenUrlOf(imsUrl: string): string {
  let url: URL;
  try {
    url = new URL(imsUrl);
  } catch {
    throw new ImsError(`IMS token exchange impossible: ${IMS_ENV.imsUrl} is not a URL: ${JSON.stringify(imsUrl)}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw new ImsError(`IMS token exchange refused: ${url.origin} is not https (the client secret would travel in clear)`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  return url.origin + (path.endsWith(TOKEN_PATH) ? path : path + TOKEN_PATH);
}

/** Credentials as resolved from the environment, with what the caller needs besides. */
export interface ResolvedCredentials extends Credentials {
  /** Epoch milliseconds at which an IMS token expires. */
  expiresAt?: number;
  /** Strings redaction must know: the client secret (the tokens themselves are known to the caller). */
  secrets: string[];
}

export interface ResolveOptions {
  timeoutMs?: number;
  now?: () => number;
  onToken?: (token: string) => void;
}

/**
 * Credentials from the environment: AEP_ACCESS_TOKEN when set, else an IMS exchange when AEP_CLIENT_ID and
 * AEP_CLIENT_SECRET are set (done now, so bad credentials fail before any test runs), else none.
 * `x-api-key` is AEP_API_KEY, else the client id. Throws ImsError.
 */
export async function resolveCredentials(env: NodeJS.ProcessEnv = process.env, options: ResolveOptions = {}): Promise<ResolvedCredentials> {
  const clientId = env[IMS_ENV.clientId] ?? '';
  const clientSecret = env[IMS_ENV.clientSecret] ?? '';
  const orgId = env[IMS_ENV.org] ?? '';
  const apiKey = env[IMS_ENV.apiKey] || clientId;
  const secrets = clientSecret ? [clientSecret] : [];
  const given = env[IMS_ENV.token];
  if (given) return { accessToken: given, apiKey, orgId, tokenSource: 'env', secrets };
  if (!clientId && !clientSecret) return { accessToken: '', apiKey, orgId, secrets };
  const source = new ImsTokenSource({
    clientId,
    clientSecret,
    scopes: env[IMS_ENV.scopes] || DEFAULT_SCOPES,
    imsUrl: env[IMS_ENV.imsUrl] || DEFAULT_IMS_URL,
    ...options,
  });
  const accessToken = await source.getAccessToken();
  return {
    accessToken,
    apiKey,
    orgId,
    tokenSource: 'ims',
    ...(source.expiresAt === undefined ? {} : { expiresAt: source.expiresAt }),
    getAccessToken: () => source.getAccessToken(),
    secrets,
  };
}

function oneLine(message: string, secret: string): string {
  const flat = message.replace(/\s+/g, ' ').trim();
  return secret.length >= 4 ? flat.split(secret).join('[redacted]') : flat;
}

/** A URL on this machine: 127.0.0.0/8, localhost or [::1]. */
export function isLoopback(url: URL): boolean {
  return /^127\.\d+\.\d+\.\d+$/.test(url.hostname) || url.hostname === 'localhost' || url.hostname === '[::1]';
}
