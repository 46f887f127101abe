// Which operation a request is: the route table, built once, and the lookup of a path's segments in it.
import type { Caller, Reply } from './caller.ts';
import { exploreConnection, exploreConnectionSpec, testConnection } from './explore.ts';
import { header, parseBody, type AppRequest } from './http-request.ts';
import { createEntity } from './rules/create.ts';
import { deleteEntity } from './rules/delete.ts';
import { listEntities } from './rules/list.ts';
import { actOnEntity } from './rules/publish.ts';
import { getEntity } from './rules/read.ts';
import { patchEntity } from './rules/update.ts';
import { getRun, listRuns } from './runs.ts';
import { getSpec, listSpecs } from './specs.ts';
import { isKind, KINDS, type Kind } from './store.ts';

type Handler = (caller: Caller, ids: string[], params: URLSearchParams, request: AppRequest) => Reply | Promise<Reply>;
export interface Route {
  methods: Record<string, Handler>;
  needsJsonBody: Set<string>;
}

const NO_BODY = new Set<string>();

function specRoutes(collection: 'connectionSpecs' | 'flowSpecs') {
  return {
    list: { methods: { GET: (c, _i, p) => listSpecs(collection, p, c.seams) }, needsJsonBody: NO_BODY } satisfies Route,
    one: { methods: { GET: (c, i) => getSpec(collection, i[0]!, c.seams) }, needsJsonBody: NO_BODY } satisfies Route,
  };
}

function entityRoutes(kind: Kind) {
  return {
    collection: {
      methods: { GET: (c, _i, p) => listEntities(c, kind, p), POST: (c, _i, p, r) => createEntity(c, kind, parseBody(r, c), p.get('mode')) },
      needsJsonBody: new Set(['POST']),
    } satisfies Route,
    one: {
      methods: {
        GET: (c, i) => getEntity(c, kind, i[0]!),
        PATCH: (c, i, _p, r) => patchEntity(c, kind, i[0]!, parseBody(r, c), header(r, 'if-match')),
        DELETE: (c, i) => deleteEntity(c, kind, i[0]!),
      },
      needsJsonBody: new Set(['PATCH']),
    } satisfies Route,
    action: { methods: { POST: (c, i, p) => actOnEntity(c, kind, i[0]!, p.get('op')) }, needsJsonBody: NO_BODY } satisfies Route,
  };
}

/** Runs, outside the subset (runs.ts): read only here; tests add them through the admin route (run-admin.ts). */
const RUN_ROUTES = {
  list: { methods: { GET: (c, _i, p) => listRuns(c, p) }, needsJsonBody: NO_BODY } satisfies Route,
  one: { methods: { GET: (c, i) => getRun(c, i[0]!) }, needsJsonBody: NO_BODY } satisfies Route,
};

const SPEC_ROUTES = { connectionSpecs: specRoutes('connectionSpecs'), flowSpecs: specRoutes('flowSpecs') };
/** Explore and test (explore.ts): read-only GETs beside a connection or a connection spec. */
const EXPLORE_ROUTES = {
  connection: { methods: { GET: (c, i, p) => exploreConnection(c, i[0]!, p) }, needsJsonBody: NO_BODY } satisfies Route,
  connectionTest: { methods: { GET: (c, i) => testConnection(c, i[0]!) }, needsJsonBody: NO_BODY } satisfies Route,
  connectionSpec: { methods: { GET: (_c, i, p) => exploreConnectionSpec(i[0]!, p) }, needsJsonBody: NO_BODY } satisfies Route,
};
const ENTITY_ROUTES = Object.fromEntries(KINDS.map((kind) => [kind, entityRoutes(kind)])) as Record<Kind, ReturnType<typeof entityRoutes>>;

/** The route of a path below the base path, split into decoded segments, and the ids it names. */
export function route(segments: string[]): { route: Route; ids: string[] } | undefined {
  const [collection = '', id, action, ...rest] = segments;
  if (rest.length > 0) return undefined;
  if (collection === 'connectionSpecs' && id !== undefined && action === 'explore') return { route: EXPLORE_ROUTES.connectionSpec, ids: [id] };
  if (collection === 'connections' && id !== undefined && action === 'explore') return { route: EXPLORE_ROUTES.connection, ids: [id] };
  if (collection === 'connections' && id !== undefined && action === 'test') return { route: EXPLORE_ROUTES.connectionTest, ids: [id] };
  if (collection === 'connectionSpecs' || collection === 'flowSpecs') {
    if (action !== undefined) return undefined;
    const routes = SPEC_ROUTES[collection];
    return id === undefined ? { route: routes.list, ids: [] } : { route: routes.one, ids: [id] };
  }
  if (collection === 'runs') {
    if (action !== undefined) return undefined;
    return id === undefined ? { route: RUN_ROUTES.list, ids: [] } : { route: RUN_ROUTES.one, ids: [id] };
  }
  if (!isKind(collection)) return undefined;
  const routes = ENTITY_ROUTES[collection];
  if (id === undefined) return { route: routes.collection, ids: [] };
  if (action === undefined) return { route: routes.one, ids: [id] };
  return action === 'action' ? { route: routes.action, ids: [id] } : undefined;
}
