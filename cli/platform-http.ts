// A small node:http client for the CLI's own calls outside the suites (ledger cleanup, sweep): Platform headers,
// a timeout, JSON answers. node:http rather than fetch, which refuses some ports outright.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface PlatformCredentials {
  accessToken: string;
  apiKey: string;
  orgId: string;
  sandbox: string;
}

export interface PlatformAnswer {
  status: number;
  body: unknown;
}

export function platformRequest(method: string, url: string, credentials: PlatformCredentials, timeoutMs = 15_000): Promise<PlatformAnswer> {
  return new Promise((resolve, reject) => {
    const headers = {
      authorization: `Bearer ${credentials.accessToken}`,
      'x-api-key': credentials.apiKey,
      'x-gw-ims-org-id': credentials.orgId,
      'x-sandbox-name': credentials.sandbox,
      accept: 'application/json',
    };
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
        resolve({ status: response.statusCode ?? 0, body });
      });
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    request.on('error', reject);
    request.end();
  });
}
