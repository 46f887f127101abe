// A small node:http client for the CLI's own calls outside the suites (preflight, ledger cleanup, sweep), and the
// credentials they send: Platform headers (kit/platform-headers.ts), a timeout, JSON answers. node:http rather than
// fetch, which refuses some ports outright.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Credentials } from '../kit/credentials.ts';
import { ImsError, resolveCredentials } from '../kit/ims.ts';
import { platformHeaders } from '../kit/platform-headers.ts';
import { UsageError } from './args.ts';

/**
 * The credentials a real target needs, from the environment, or a UsageError naming what is missing: a given token,
 * or an IMS exchange from client credentials (done now, so bad credentials stop the run here).
 */
export async function requireTargetCredentials(): Promise<Credentials> {
  const env = process.env;
  const hasToken = Boolean(env.AEP_ACCESS_TOKEN);
  const hasClient = Boolean(env.AEP_CLIENT_ID && env.AEP_CLIENT_SECRET);
  const missing = [
    ...(hasToken || hasClient ? [] : ['AEP_ACCESS_TOKEN (or AEP_CLIENT_ID and AEP_CLIENT_SECRET)']),
    ...(hasToken && !env.AEP_API_KEY && !env.AEP_CLIENT_ID ? ['AEP_API_KEY'] : []),
    ...(env.AEP_ORG_ID ? [] : ['AEP_ORG_ID']),
  ];
  if (missing.length > 0) throw new UsageError(`a real target needs credentials: set ${missing.join(', ')}`);
  try {
    const resolved = await resolveCredentials(env);
    return { accessToken: resolved.accessToken, apiKey: resolved.apiKey, orgId: resolved.orgId };
  } catch (error) {
    if (error instanceof ImsError) throw new UsageError(error.message);
    throw error;
  }
}

export interface PlatformAnswer {
  status: number;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  body: unknown;
  text: string;
  contentType: string;
  location: string;
  /** The Retry-After header, when the answer has one. */
  retryAfter?: string;
}

/** node:http rather than fetch: fetch refuses some ports outright ("bad port"), which would hide the real cause. */
export function platformRequest(method: string, url: string, credentials: Credentials, sandbox: string, timeoutMs = 15_000): Promise<PlatformAnswer> {
  return new Promise((resolve, reject) => {
    const headers = platformHeaders(credentials, sandbox);
    const request = (url.startsWith('https:') ? httpsRequest : httpRequest)(url, { method, headers, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        resolve({
          status: response.statusCode ?? 0, body, text,
          contentType: String(response.headers['content-type'] ?? ''),
          location: String(response.headers.location ?? ''),
          ...(response.headers['retry-after'] ? { retryAfter: String(response.headers['retry-after']) } : {}),
        });
      });
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    request.on('error', reject);
    request.end();
  });
}
