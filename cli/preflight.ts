// Before any test runs: can the target be reached, is it a Flow Service, and does it accept the credentials?
// Each failure is one line and exit code 2, so a typo in --target never looks like a non-conformant service.
import { platformRequest, type PlatformAnswer, type PlatformCredentials } from './platform-http.ts';

export class PreflightError extends Error {}

export async function preflight(baseUrl: string, credentials: PlatformCredentials, timeoutMs: number): Promise<void> {
  let answer: PlatformAnswer;
  try {
    answer = await platformRequest('GET', `${baseUrl}/connections?limit=1`, credentials, timeoutMs);
  } catch (error) {
    throw new PreflightError(`cannot reach the target ${baseUrl}: ${describeError(error as Error & { code?: string }, timeoutMs)}`);
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
