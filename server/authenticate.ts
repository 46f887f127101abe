// The gateway's checks, before any route: who may call, and which (org, sandbox) store a request reaches.
import type { Caller } from './caller.ts';
import { ApiError } from './errors.ts';
import type { FaultSeams } from './fault-seams.ts';
import { BASE_PATH, header, type AppRequest } from './http-request.ts';
import type { Store } from './store.ts';

export interface Credentials {
  accessToken: string;
  apiKey: string;
  orgId: string;
}

import { DEFAULT_SANDBOX } from './defaults.ts';

export { DEFAULT_SANDBOX };

/**
 * API-001: a missing or wrong bearer token answers 403 or 401; API-002: a missing or wrong x-api-key 403; API-003: a
 * missing x-gw-ims-org-id 400, a wrong one 403. In the gateway's order; undefined when the request may proceed.
 */
export function authenticate(request: AppRequest, credentials: Credentials, seams: FaultSeams): ApiError | undefined {
  if (seams.checksToken()) {
    const authorization = header(request, 'authorization');
    if (!authorization) return new ApiError('token-missing', 'Oauth token is missing.');
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (!match || match[1] !== credentials.accessToken) return new ApiError('token-invalid', 'Oauth token is not valid');
  }
  if (seams.checksApiKey()) {
    const apiKey = header(request, 'x-api-key');
    if (!apiKey) return new ApiError('api-key-missing', 'Api Key is required');
    if (apiKey !== credentials.apiKey) return new ApiError('api-key-invalid', 'Api Key is invalid');
  }
  if (seams.checksOrg()) {
    const org = header(request, 'x-gw-ims-org-id');
    if (!org) return new ApiError('org-missing', 'The header x-gw-ims-org-id is missing in the request.');
    if (org !== credentials.orgId) return new ApiError('org-not-entitled', 'Profile is not valid');
  }
  return undefined;
}

/** API-004: each (org, sandbox) is its own store; an entity of one sandbox is not found through another. */
export function callerOf(request: AppRequest, store: Store, credentials: Credentials, seams: FaultSeams): Caller {
  const org = header(request, 'x-gw-ims-org-id') ?? credentials.orgId;
  const sandbox = seams.sandboxOf(header(request, 'x-sandbox-name') || DEFAULT_SANDBOX, DEFAULT_SANDBOX);
  return { scope: store.scope(org, sandbox), store, seams, clientId: credentials.apiKey, basePath: BASE_PATH };
}
