// What every operation gets from the request handler (request-handler.ts) and answers it: the caller's scope, the
// store, the fault seams, and a status with a body.
import type { FaultSeams } from './fault-seams.ts';
import type { Scope, Store } from './store.ts';

export interface Reply {
  status: number;
  body?: unknown;
  /** The body already serialised (a cached GET view); wins over `body`. */
  json?: string;
  headers?: Record<string, string>;
}

export interface Caller {
  /** The (org, sandbox) the request's headers select. */
  scope: Scope;
  store: Store;
  /** Where fault modes bend the rules (fault-seams.ts); rules ask these, never the fault set. */
  seams: FaultSeams;
  clientId: string;
  basePath: string;
}
