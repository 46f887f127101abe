// Broken target: the reference server for the preflight (`GET /connections?limit=1`), then 500 to every request.
// No requirement can be earned: every check's first request gets a 5xx.
import { createFlowService, DEFAULT_CREDENTIALS, type AppRequest, type AppResponse } from '../../server/app.ts';
import type { Justified } from './justified.ts';
import { json, serveTarget, type RunningTarget } from './serve.ts';

export async function startFailsAfterPreflight(): Promise<RunningTarget> {
  const reference = createFlowService({ credentials: DEFAULT_CREDENTIALS });
  let answered = 0;
  return serveTarget((request: AppRequest): Promise<AppResponse> | AppResponse =>
    answered++ === 0 ? reference.handle(request) : json(500, { error_code: '500', message: 'Internal Server Error' }));
}

export const FAILS_AFTER_PREFLIGHT_JUSTIFIED: Justified = {};
