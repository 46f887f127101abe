// Broken target: refuses every write. Credentials are checked as the gateway does and reads work (the specs, empty
// lists, 404 for any id), but every POST, PATCH, DELETE and action answers 4xx: 422 to creates, 400 to actions and
// PATCHes (JSON bodies), and 405 to DELETE with the plain-text body a router gives when no method matched. Nothing can
// ever be created, so no check of an entity's behaviour can be earned here.
import { createFlowService, DEFAULT_CREDENTIALS, type AppRequest, type AppResponse } from '../../server/app.ts';
import { json, refusedCredentials, routeOf, serveTarget, text, type RunningTarget } from './serve.ts';
import type { Justified } from './justified.ts';

export async function startRefuseEverything(): Promise<RunningTarget> {
  // an empty reference server: its reads are the right answers for a store nobody can write to
  const reads = createFlowService({ credentials: DEFAULT_CREDENTIALS });
  return serveTarget(async (request: AppRequest): Promise<AppResponse> => {
    const refused = refusedCredentials(request);
    if (refused) return refused;
    if (request.method === 'GET') return reads.handle(request);
    const route = routeOf(request);
    if (request.method === 'DELETE') return text(405, 'Method Not Allowed');
    if (request.method === 'POST' && !route?.id) return json(422, { type: 'validation', title: 'Unprocessable entity', detail: 'The request could not be processed.' });
    return json(400, { type: 'bad-request', title: 'Bad request', detail: 'Operation not supported.' });
  });
}

/**
 * A refusal here counts for no rule: the same request without the rule's trigger is refused too (GATE, DRAFT-010/011,
 * REF, API-005/010/011, UPD-004, ETAG-001/002, PUB-008, DEL-002 are all unearned). Earned: what reads show, and the
 * credential checks, whose 401/403 differ from the 200 the same GET gets with credentials.
 */
export const REFUSE_EVERYTHING_JUSTIFIED: Justified = {
  'SPEC-001': 'spec reads are the reference server\'s',
  'SPEC-002': 'spec reads are the reference server\'s, name filter included',
  'SPEC-003': 'every spec served carries a boolean flag',
  'API-001': 'a missing or invalid token answers 401 on every request, where the kit\'s token gets 200 on GETs; nothing can change',
  'API-002': 'a missing x-api-key answers 403 on every request, where the same GET with it answers 200',
  'API-003': 'a missing x-gw-ims-org-id answers 403 on every request, where the same GET with it answers 200',
  'API-006': 'GET of any id answers 404 (an empty store)',
  'API-007': 'it never answers 5xx',
  'API-008': 'its only 2xx answers are the reference server\'s spec reads and empty lists',
};
