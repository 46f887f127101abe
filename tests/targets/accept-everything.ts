// Broken target: accepts everything. Every write answers 2xx with one constant id and one constant etag, whatever was
// sent (no credentials checked, no body read), and every entity GET or list answers the same canned draft. Nothing is
// ever stored. Specs are the reference server's, so the kit gets past discovery and into the writes.
import { createFlowService, DEFAULT_CREDENTIALS, type AppRequest, type AppResponse } from '../../server/app.ts';
import { cannedEntities, frozen } from './canned.ts';
import { json, routeOf, serveTarget, withKitCredentials, type RunningTarget } from './serve.ts';
import type { Justified } from './justified.ts';

export const CONSTANT_ID = '11111111-2222-4333-8444-555555555555';
export const CONSTANT_ETAG = '"0a000000-0000-0200-0000-000000000000"';

export async function startAcceptEverything(): Promise<RunningTarget> {
  const specs = createFlowService({ credentials: DEFAULT_CREDENTIALS });
  const canned = await cannedEntities('draft');
  const entity = (collection: string) => frozen(canned[collection as keyof typeof canned] ?? canned.connections, CONSTANT_ID, CONSTANT_ETAG);
  return serveTarget(async (request: AppRequest): Promise<AppResponse> => {
    const route = routeOf(request);
    if (route?.spec) return specs.handle(withKitCredentials(request));
    const collection = route?.collection ?? 'connections';
    if (request.method === 'GET') return json(200, { items: [entity(collection)], _links: {} });
    const created = request.method === 'POST' && !route?.id;
    return json(created ? 201 : 200, { id: CONSTANT_ID, etag: CONSTANT_ETAG });
  });
}

/**
 * Nothing is ever stored, so no requirement about what a create, update, publish or delete does is met: every id it
 * answers names the one canned entity, never the kit's (DRAFT-001..004 included: the id of a create must name what
 * was created). What it does meet: the specs (the reference's) and what holds of every answer.
 */
export const ACCEPT_EVERYTHING_JUSTIFIED: Justified = {
  'SPEC-001': 'the specs are the reference server\'s: GET /connectionSpecs/{id} answers that spec',
  'SPEC-002': 'the specs are the reference server\'s, name filter included',
  'SPEC-003': 'every spec served is the reference server\'s, with a boolean flag',
  'ETAG-004': 'the one etag it ever answers is quoted',
  'API-007': 'it never answers 5xx',
  'API-008': 'every 2xx body is schema-valid: {id, etag} for writes, a reference-made entity for reads',
};
