// The headers every Platform API call carries, built in one place: the suites' client (suites/support/client.ts)
// sends them on every check's request, the CLI (cli/platform-http.ts) on its preflight, cleanup and sweep.
import type { Credentials } from './credentials.ts';

/** `accessToken` overrides the credentials' own (the current one of a refreshing IMS source). */
export function platformHeaders(credentials: Credentials, sandbox: string, accessToken: string = credentials.accessToken): Record<string, string> {
  return {
    authorization: `Bearer ${accessToken}`,
    'x-api-key': credentials.apiKey,
    'x-gw-ims-org-id': credentials.orgId,
    'x-sandbox-name': sandbox,
    accept: 'application/json',
  };
}
