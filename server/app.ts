// The reference server without a socket: `createFlowService` builds one instance (its store, its fault seams, the
// credentials it accepts); `handle` answers a plain request object (tests, the CLI's embedded default) and `listener`
// plugs into node:http. The handler is request-handler.ts, authentication authenticate.ts, the routes routes.ts and
// the rules rules/, one module per area.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Credentials } from './authenticate.ts';
import { FaultSeams } from './fault-seams.ts';
import { Faults } from './faults.ts';
import type { AppRequest, AppResponse } from './http-request.ts';
import { handleNodeRequest, handleRequest, type ServiceState } from './request-handler.ts';
import { Store } from './store.ts';

export { BASE_PATH, type AppRequest, type AppResponse } from './http-request.ts';
export { DEFAULT_SANDBOX, type Credentials } from './authenticate.ts';
import { DEFAULT_CREDENTIALS } from './defaults.ts';
export { DEFAULT_CREDENTIALS };

export const DEFAULT_BODY_LIMIT = 1024 * 1024;


export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): Credentials {
  return {
    accessToken: env.AEP_ACCESS_TOKEN || DEFAULT_CREDENTIALS.accessToken,
    apiKey: env.AEP_API_KEY || DEFAULT_CREDENTIALS.apiKey,
    orgId: env.AEP_ORG_ID || DEFAULT_CREDENTIALS.orgId,
  };
}

export interface FlowServiceOptions {
  faults?: Iterable<string>;
  credentials?: Credentials;
  bodyLimit?: number;
}

export interface FlowService {
  handle(request: AppRequest): Promise<AppResponse>;
  listener(req: IncomingMessage, res: ServerResponse): void;
  readonly store: Store;
  readonly faults: Faults;
  readonly credentials: Credentials;
}

export function createFlowService(options: FlowServiceOptions = {}): FlowService {
  const faults = new Faults(options.faults);
  const state: ServiceState = {
    store: new Store(),
    seams: new FaultSeams(faults),
    credentials: options.credentials ?? credentialsFromEnv(),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    requestCount: 0,
  };
  return {
    handle: (request) => handleRequest(state, request),
    listener: (req, res) => handleNodeRequest(state, req, res),
    store: state.store,
    faults,
    credentials: state.credentials,
  };
}
