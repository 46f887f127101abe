import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
// Before any test runs: can the target be reached, is it a Flow Service, and does it accept the credentials?
// Each failure is one line and exit code 2, so a typo in --target never looks like a non-conformant service.

export class PreflightError extends Error {}

export interface PreflightCredentials {
  accessToken: string;
  apiKey: string;
  orgId: string;
  sandbox: string;
}

interface Answer {
  status: number;
  contentType: string;
  location: string;
  text: string;
}

/** node:http rather than fetch: fetch refuses some ports outright ("bad port"), which would hide the real cause. */
function get(url: string, headers: Record<string, string>, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = (url.startsWith('https:') ? httpsRequest : httpRequest)(url, { headers, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({
        status: response.statusCode ?? 0,
        contentType: String(response.headers['content-type'] ?? ''),
        location: String(response.headers.location ?? ''),
        text: Buffer.concat(chunks).toString('utf8'),
      }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    request.on('error', reject);
    request.end();
  });
}

export async function preflight(baseUrl: string, credentials: PreflightCredentials, timeoutMs: number): Promise<void> {
  let answer: Answer;
  try {
    answer = await get(`${baseUrl}/connections?limit=1`, {
      authorization: `Bearer ${credentials.accessToken}`,
      'x-api-key': credentials.apiKey,
      'x-gw-ims-org-id': credentials.orgId,
      'x-sandbox-name': credentials.sandbox,
      accept: 'application/json',
    }, timeoutMs);
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
