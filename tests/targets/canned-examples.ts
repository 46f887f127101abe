// Broken target: a stateless echo of documented examples, as an OpenAPI mock serves them. Every operation answers its
// one example whatever was asked: a create answers the create example's id, a GET by id answers the item example (an
// id the kit never saw), a spec read answers the one example spec whichever id or name was asked, and a list's
// `_links.next` is the documented example href, which answers the same page again. As a mock would, it checks only
// that the three credential headers are present.
import { CONNECTION_SPECS, FLOW_SPECS, AZURE_FILE_STORAGE, CLOUD_STORAGE_TO_AEP } from '../../server/catalog.ts';
import type { AppRequest, AppResponse } from '../../server/app.ts';
import { cannedEntities, frozen, type Entity } from './canned.ts';
import { header, json, routeOf, serveTarget, type RunningTarget } from './serve.ts';
import type { Justified } from './justified.ts';

/** Example ids and etags of the draft tutorial and the update tutorials. */
const CREATE_EXAMPLE = { id: 'a9b1e6b1-7b0f-4c68-b1e6-b17b0f1c6852', etag: '"0c0266b4-0000-0200-0000-6091b0c10000"' };
const ITEM_EXAMPLE_ID: Record<string, string> = {
  connections: '139f6a5f-a78b-4744-9f6a-5fa78bd74431',
  sourceConnections: '9e3e4ab7-3a0c-4d2f-bebc-d6b84a6f7e26',
  targetConnections: '2e8a0b5c-1d9f-4e5a-8a0b-5c1d9f2e5a0c',
  flows: 'c0a54d4d-5a1f-4c49-a54d-4d5a1f9c4911',
};
const ITEM_ETAG = '"1400dd53-0000-0200-0000-5f3f23450000"';
const NEXT_EXAMPLE = '/connections?continuationToken=abcdefghijkLMNOPqrstupWXKYZ';

export async function startCannedExamples(): Promise<RunningTarget> {
  const canned = await cannedEntities('draft');
  // the docs' examples: the source connection read back in filter.md is a draft, the others are enabled
  const states: Record<string, string> = { connections: 'enabled', sourceConnections: 'draft', targetConnections: 'enabled', flows: 'enabled' };
  const item = (collection: string): Entity => {
    const kind = (collection in canned ? collection : 'connections') as keyof typeof canned;
    return frozen(canned[kind], ITEM_EXAMPLE_ID[kind]!, ITEM_ETAG, { state: states[kind] });
  };
  const connectionSpec = CONNECTION_SPECS.find((s) => s.id === AZURE_FILE_STORAGE);
  const flowSpec = FLOW_SPECS.find((s) => s.id === CLOUD_STORAGE_TO_AEP);
  return serveTarget((request: AppRequest): AppResponse => {
    if (!header(request, 'authorization') || !header(request, 'x-api-key') || !header(request, 'x-gw-ims-org-id')) {
      return json(401, { type: 'https://stoplight.io/prism/errors#UNAUTHORIZED', title: 'Invalid security scheme used', status: 401 });
    }
    const route = routeOf(request);
    if (!route) return json(404, { title: 'Route not resolved, no path matched', status: 404 });
    if (route.collection === 'connectionSpecs') return json(200, { items: [connectionSpec] });
    if (route.collection === 'flowSpecs') return json(200, { items: [flowSpec] });
    if (request.method === 'GET' && route.id) return json(200, { items: [item(route.collection)] });
    if (request.method === 'GET') return json(200, { items: [item(route.collection)], _links: { next: { href: NEXT_EXAMPLE } }, count: 1 });
    if (request.method === 'DELETE') return { status: 204, headers: {}, body: '' };
    return json(request.method === 'POST' && !route.id ? 201 : 200, CREATE_EXAMPLE);
  });
}

/**
 * Stateless, so nothing a create, update, publish or delete does is met (every read-back is an example with another
 * id), and spec reads answer one spec whatever was asked (SPEC-001 and SPEC-002 unearned). Earned: what holds of
 * every answer, and the header-presence checks a mock makes.
 */
export const CANNED_EXAMPLES_JUSTIFIED: Justified = {
  'SPEC-003': 'the only spec of each collection it serves has a boolean isDraftModeSupported',
  'ETAG-004': 'every etag it answers is quoted',
  'API-002': 'a request without x-api-key answers 401, the same request with it 2xx',
  'API-003': 'a request without x-gw-ims-org-id answers 401, the same request with it 2xx',
  'API-007': 'it never answers 5xx',
  'API-008': 'every 2xx body is schema-valid: reference-made examples',
};
