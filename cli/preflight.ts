// Before any test runs: can the target be reached, is it a Flow Service, and does it accept the credentials?
// Each failure is one line and exit code 2, so a typo in --target never looks like a non-conformant service.
// A 429 (or 503) is waited out as the suites' client does (Retry-After, else backoff), a bounded number of times: a
// rate limiter's refusal says nothing about the target, and taking its JSON body for a Flow Service answer would start
// a run against a target that is refusing every request.
import { DEFAULT_RETRY_POLICY, retryDelay, sleep, type RetryPolicy } from '../kit/retry.ts';
import type { Credentials } from '../kit/credentials.ts';
import { platformRequest, type PlatformAnswer } from './platform-http.ts';

export class PreflightError extends Error {}

/** The preflight is the only request in flight, so a 429 gets no more tries than a 503 (maxRetries). */
const PREFLIGHT_RETRIES: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxRateLimitRetries: DEFAULT_RETRY_POLICY.maxRetries };

export async function preflight(baseUrl: string, credentials: Credentials, sandbox: string, timeoutMs: number, policy: RetryPolicy = PREFLIGHT_RETRIES): Promise<void> {
  let answer: PlatformAnswer;
  for (let retries = 0; ; retries++) {
    try {
      answer = await platformRequest('GET', `${baseUrl}/connections?limit=1`, credentials, sandbox, timeoutMs);
    } catch (error) {
      throw new PreflightError(`cannot reach the target ${baseUrl}: ${describeError(error as Error & { code?: string }, timeoutMs)}`);
    }
    const wait = retryDelay({ method: 'GET', status: answer.status, headers: answer.retryAfter ? { 'retry-after': answer.retryAfter } : {} }, retries, policy);
    if (wait === undefined) {
      if (answer.status === 429) {
        const asked = answer.retryAfter ? ` (Retry-After: ${answer.retryAfter})` : '';
        throw new PreflightError(`the target is rate-limiting: GET /connections?limit=1 answered 429${asked} ${retries + 1} times in a row; try again later`);
      }
      break;
    }
    await sleep(wait);
  }
  const { status, text } = answer;
  if (status === 401 || status === 403) {
    throw new PreflightError(`the target refused the credentials: GET /connections?limit=1 answered ${status} (check AEP_ACCESS_TOKEN, AEP_API_KEY, AEP_ORG_ID)`);
  }
  if (status === 404) {
    throw new PreflightError(`no Flow Service at ${baseUrl}: GET /connections?limit=1 answered 404 (the URL must include the service base path, e.g. https://platform.adobe.io/data/foundation/flowservice)`);
  }
  if (status >= 300 && status < 400) {
    throw new PreflightError(`the target redirects (${status} to ${answer.location || 'nowhere'}); give the final URL as --target`);
  }
  if (status >= 500) throw new PreflightError(`the target is failing: GET /connections?limit=1 answered ${status}`);
  try {
    JSON.parse(text);
  } catch {
    throw new PreflightError(`the target does not answer JSON (${status}, ${answer.contentType || 'no content type'}): is ${baseUrl} a Flow Service base URL?`);
  }
}

function describeError(error: Error & { code?: string }, timeoutMs: number): string {
  const code = error.code;
  if (code === 'ETIMEDOUT') return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET') return 'connection reset';
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return `TLS error (${code})`;
  return error.message.split('\n')[0] ?? String(error);
}
