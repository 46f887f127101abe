// The operations on the four kinds of entity. Each takes a parsed request and answers a status and body; rules come
// from lifecycle.ts, storage from store.ts, what a read shows from entity-view.ts, and each fault bends exactly the
// answer its name says.
import { ApiError } from './errors.ts';
import type { Faults } from './faults.ts';
import { applyPatch, parsePatch, patchInstructions, type PatchInstruction } from './json-patch.ts';
import {
  checkDocument, checkParents, DRAFT, ENABLED, IMMUTABLE_FIELDS, incompleteness, publishBlocker, secretParamNames,
  SERVER_FIELDS, specOf, supportsDrafts, TRANSITIONS,
} from './lifecycle.ts';
import { isSortableField } from './sortable-fields.ts';
import { encodeToken, matches, parseListQuery, readPath, sortBy, type FieldReader } from './list-query.ts';
import { changeFlowState, stateOpOf } from './flow-state.ts';
import { inheritedAttributes } from './inherited-attributes.ts';
import { bareTag, entityScopes, MASK, ownView, readEntityField, render, shownEtag } from './entity-view.ts';
import { idList, newEtag, type Entity, type Json, type JsonObject, type Kind, type Scope, type Store } from './store.ts';

export interface Reply {
  status: number;
  body?: unknown;
  /** The body already serialised (a cached GET view); wins over `body`. */
  json?: string;
  headers?: Record<string, string>;
}

export interface Caller {
  scope: Scope;
  store: Store;
  faults: Faults;
  clientId: string;
  basePath: string;
}

export function createEntity(caller: Caller, kind: Kind, body: Json, mode: string | null): Reply {
  const { scope, faults } = caller;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ApiError('validation', 'The create body must be a JSON object.');
  let isDraft = mode === 'draft';
  if (mode !== null && mode !== 'draft') {
    if (!faults.has('unknown-mode-ignored')) throw new ApiError('unknown-mode', `Unsupported mode '${mode}'; the only mode is 'draft'.`);
    isDraft = false;
  }
  if (mode === null && faults.has('create-without-mode-makes-draft')) isDraft = true;
  let state = isDraft ? DRAFT : ENABLED;
  if ('state' in body) {
    if (!faults.has('create-honours-state-field')) throw new ApiError('state-in-create', 'State is not allowed in the create request.');
    if (typeof body.state === 'string') state = body.state;
  }
  // fromEntries defines own properties, so a "__proto__" key in the body stays a plain field, and the result is an
  // ordinary object (V8's fast shape), which every GET copies
  const doc = Object.fromEntries(Object.entries(body).filter(([key]) => !SERVER_FIELDS.has(key))) as JsonObject;
  checkDocument(kind, doc, true, faults);
  crashOnUnicodeName(doc, faults);
  const spec = specOf(kind, doc, faults);
  const gateIgnored = kind === 'flows' ? faults.has('draft-flows-ignore-spec-flag') : faults.has('draft-connections-ignore-spec-flag');
  if (mode === 'draft' && spec && !supportsDrafts(spec) && !gateIgnored) {
    throw new ApiError('draft-not-supported', `The spec '${spec.id}' does not support draft mode (attributes.isDraftModeSupported is not true).`);
  }
  const bornUnderDraftParent = checkParents(scope, kind, doc, state === DRAFT, faults);
  // the fault holds a draft base connection to a live one's auth completeness
  const incomplete = state !== DRAFT || (kind === 'connections' && faults.has('draft-requires-complete-auth')) ? incompleteness(kind, doc) : undefined;
  if (incomplete) throw incomplete;

  const now = Date.now();
  const etag = newEtag();
  const entity: Entity = {
    kind, id: crypto.randomUUID(), seq: caller.store.nextSeq(), doc, state, etag, previousEtag: etag, createdAt: now, updatedAt: now,
    // filter.md shows `"operation": "draft_create"` on a draft, update-dataflows.md `"create"` on a live flow
    lastOperation: { started: now, updated: 0, operation: state === DRAFT ? 'draft_create' : 'create' },
  };
  // the OAS shows providerRefId on source connections, target connections and flows, not on base connections
  if (kind !== 'connections') entity.providerRefId = crypto.randomUUID();
  entityScopes.set(entity, scope);
  if (bornUnderDraftParent) entity.bornUnderDraftParent = true;
  scope.tables[kind].add(entity);

  let answeredId = entity.id;
  if (faults.has('create-reuses-last-id')) {
    answeredId = previousCreate.get(scope) ?? entity.id;
    previousCreate.set(scope, entity.id);
  }
  const answer: Record<string, string> = { id: answeredId };
  if (!faults.has(OMITS_ETAG[kind])) answer.etag = shownEtag(entity.etag, faults);
  return {
    status: faults.has('create-answers-200') ? 200 : 201,
    body: answer,
    headers: { location: `${caller.basePath}/${kind}/${answeredId}` },
  };
}

/** The id of each scope's last create: only the fault `create-reuses-last-id` reads it. */
const previousCreate = new WeakMap<Scope, string>();

const OMITS_ETAG = {
  connections: 'connection-create-omits-etag',
  sourceConnections: 'source-connection-create-omits-etag',
  targetConnections: 'target-connection-create-omits-etag',
  flows: 'flow-create-omits-etag',
} as const;

const PUBLISH_NOOP = {
  connections: 'connection-publish-is-noop',
  sourceConnections: 'source-connection-publish-is-noop',
  targetConnections: 'target-connection-publish-is-noop',
  flows: 'flow-publish-is-noop',
} as const;

export function getEntity(caller: Caller, kind: Kind, id: string): Reply {
  const entity = caller.scope.get(kind, id);
  if (!entity) {
    if (caller.faults.has('get-of-missing-id-answers-empty-list')) return { status: 200, body: { items: [] } };
    throw notFound(kind, id);
  }
  // GET by id is the hot path: with no fault bending views, the entity's own view is a function of its etag (every
  // write moves it). Inherited attributes come from other entities, which change without this etag moving, so they
  // are derived on every read and spliced in after the cached part.
  if (caller.faults.none) {
    if (entity.view?.etag !== entity.etag) entity.view = { etag: entity.etag, json: JSON.stringify(ownView(caller, entity)) };
    const inherited = inheritedAttributes(caller.scope, entity);
    const json = inherited ? `${entity.view.json.slice(0, -1)},"inheritedAttributes":${JSON.stringify(inherited)}}` : entity.view.json;
    return { status: 200, json: `{"items":[${json}]}` };
  }
  return { status: 200, body: { items: [render(caller, entity)] } };
}

export function listEntities(caller: Caller, kind: Kind, params: URLSearchParams): Reply {
  const { faults } = caller;
  const query = parseListQuery(params, true);
  // auth params are masked on read, so they may not be probed through filters or sort order either
  const probesAuth = (path: string[]) => path[0] === 'auth';
  if (query.conditions.some((c) => probesAuth(c.path)) || (query.orderBy && probesAuth(query.orderBy.path))) {
    throw new ApiError('invalid-query', 'Filtering or sorting on auth fields is not supported.');
  }
  // 1433-400 in the error catalogue: a field the resource does not have cannot order a list
  if (query.orderBy && !isSortableField(kind, query.orderBy.path)) {
    throw new ApiError('unknown-sort-field', `'${query.orderBy.path.join('.')}' is not a field of ${kind}; it cannot order the list.`);
  }
  if (faults.has('state-filter-ignored')) query.conditions = query.conditions.filter((c) => c.path.join('.') !== 'state');
  // the token's query is kept, only its position lost: the first page of the same list again
  if (faults.has('continuation-repeats-first-page')) delete query.token;
  const table = listed(caller.scope, kind, faults);
  const accept = (e: Entity) => matches(e, query.conditions, readEntityField);

  if (query.count) {
    let count = 0;
    for (const entity of table.values()) if (accept(entity)) count++;
    return { status: 200, body: { count } };
  }
  const limit = query.limit ?? Infinity;
  let page: Entity[];
  let next: string | undefined;
  if (query.orderBy) {
    const all = sortBy([...table.values()].filter(accept), query.orderBy, readEntityField);
    const offset = query.token && 'offset' in query.token ? query.token.offset : 0;
    page = all.slice(offset, offset + limit);
    if (offset + limit < all.length) next = encodeToken({ offset: offset + limit }, query);
  } else {
    const afterSeq = query.token && 'afterSeq' in query.token ? query.token.afterSeq : -1;
    page = [];
    for (const entity of table.from(afterSeq)) {
      if (!accept(entity)) continue;
      if (page.length === limit) {
        next = encodeToken({ afterSeq: page[page.length - 1]!.seq }, query);
        break;
      }
      page.push(entity);
    }
  }
  // `_links` on every page, `{}` on the last: the OAS list schemas declare it and the documented single-page runs
  // answer ends `"_links": {}`. The href is the one documented shape, `/connections?continuationToken=…`, token first
  // and alone (clients split on `continuationToken=`); the token carries the filters, orderby and limit
  // (DECISIONS.md, "List wrapper", "Next link").
  const links = next ? { next: { href: `/${kind}?continuationToken=${next}` } } : {};
  return { status: 200, body: { items: page.map((e) => render(caller, e)), _links: links } };
}

/** Entities deleted under the fault `deleted-entities-stay-listed`, per table: gone by id, still in every list. */
const ghosts = new WeakMap<object, Entity[]>();

interface Listable {
  values(): Iterable<Entity>;
  from(afterSeq: number): Iterable<Entity>;
}

function listed(scope: Scope, kind: Kind, faults: Faults): Listable {
  const table = scope.tables[kind];
  const kept = faults.has('deleted-entities-stay-listed') ? ghosts.get(table) : undefined;
  if (!kept?.length) return table;
  const all = () => [...table.values(), ...kept].sort((a, b) => a.seq - b.seq);
  return { values: all, from: (afterSeq) => all().filter((e) => e.seq > afterSeq) };
}

export async function patchEntity(caller: Caller, kind: Kind, id: string, body: Json, ifMatch: string | undefined): Promise<Reply> {
  const { scope, faults } = caller;
  const entity = scope.get(kind, id);
  if (!entity) throw notFound(kind, id);
  if (ifMatch === undefined && !faults.has('patch-without-if-match-allowed')) {
    throw new ApiError('if-match-missing', "The header 'If-Match' is missing in the request. Please provide the header and try again.");
  }
  const instructions = parsePatch(faults.has('patch-skips-instructions-without-path') ? withoutPathless(body) : body);
  checkIfMatch(entity, ifMatch, faults);
  for (const { path } of instructions) {
    const field = path[0] ?? '';
    if ((SERVER_FIELDS.has(field) || IMMUTABLE_FIELDS.has(field) || path.length === 0) && !faults.has('patch-writes-read-only-fields')) {
      throw new ApiError('read-only-field', `The field '/${path.join('/')}' cannot be updated.`);
    }
  }
  let doc = applyPatchOrCrash({ ...entity.doc, ...(faults.has('patch-writes-read-only-fields') ? { state: entity.state } : {}) }, instructions, faults);
  let state = entity.state;
  if (faults.has('patch-writes-read-only-fields')) {
    if (typeof doc.state === 'string') state = doc.state;
    delete doc.state;
  }
  checkDocument(kind, doc, true, faults);
  crashOnUnicodeName(doc, faults);
  checkParents(scope, kind, doc, state === DRAFT, faults);
  // a live entity stays as complete as a create or publish would have required
  const incomplete = state !== DRAFT ? incompleteness(kind, doc) : undefined;
  if (incomplete) throw incomplete;
  if (faults.has('patch-check-then-act-race')) {
    // the fault: the compare happened above, the set happens after other requests have had their turn
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (faults.has('patch-not-persisted')) doc = entity.doc;
  entity.doc = doc;
  entity.state = state;
  entity.patched = true;
  // update-dataflows.md shows `"operation": "update"` after a PATCH; OAS: `updated` counts the updates; update.md's
  // flow after a schedule update also shows the operation complete and the instructions it applied
  entity.lastOperation = {
    started: Date.now(), updated: (entity.lastOperation?.updated ?? 0) + 1, operation: 'update',
    percentCompleted: 100, status: { value: 'completed', errors: [] }, ops: instructions.map(echoOf),
  };
  if (!faults.has('patch-keeps-etag')) touch(entity);
  return { status: 200, body: { id: entity.id, etag: shownEtag(entity.etag, faults) } };
}

/** The fault `unicode-name-answers-500`: a name outside ASCII breaks the server (API-007). */
function crashOnUnicodeName(doc: JsonObject, faults: Faults): void {
  if (faults.has('unicode-name-answers-500') && typeof doc.name === 'string' && /[^\u0000-\u007f]/.test(doc.name)) throw new ApiError('internal', 'Unexpected character.');
}

/** The fault `patch-of-missing-path-answers-500`: the 400 of a missing path (RFC 6902 §5) becomes a crash (API-007). */
function applyPatchOrCrash(doc: JsonObject, instructions: PatchInstruction[], faults: Faults): JsonObject {
  try {
    return applyPatch(doc, instructions);
  } catch (error) {
    if (faults.has('patch-of-missing-path-answers-500') && error instanceof ApiError) throw new ApiError('internal', 'Unexpected path.');
    throw error;
  }
}

/** An applied instruction as lastOperation shows it: a JSON Pointer path, and an auth value masked as reads mask it. */
function echoOf(instruction: PatchInstruction): Json {
  const path = `/${instruction.path.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
  const echo: JsonObject = { op: instruction.op, path };
  if (instruction.value !== undefined) echo.value = instruction.path[0] === 'auth' ? MASK : instruction.value;
  return echo;
}

/** The fault: instructions with no string path are dropped instead of refusing the whole patch. */
function withoutPathless(body: Json): Json {
  if (body === null || typeof body !== 'object') return body;
  return patchInstructions(body).filter((raw) => !(raw !== null && typeof raw === 'object' && !Array.isArray(raw) && typeof raw.path !== 'string'));
}

function checkIfMatch(entity: Entity, ifMatch: string | undefined, faults: Faults): void {
  if (ifMatch === undefined || faults.has('patch-ignores-stale-if-match')) return;
  if (bareTag(ifMatch) !== bareTag(entity.etag)) throw versionMismatch(entity, ifMatch);
}

function versionMismatch(entity: Entity, ifMatch: string | undefined): ApiError {
  return new ApiError('version-mismatch', `The supplied version '${ifMatch}' does not match the current version on entity '${entity.id}'.`);
}


export function deleteEntity(caller: Caller, kind: Kind, id: string): Reply {
  const { scope, faults } = caller;
  const entity = scope.get(kind, id);
  if (!entity) throw notFound(kind, id);
  const dependents = scope.dependentsOf(id);
  const ignoreUse = kind === 'connections' && faults.has('delete-ignores-flows-using-base');
  if (dependents.length > 0 && !ignoreUse) {
    throw new ApiError('in-use', `The ${kind} entity '${id}' cannot be deleted: ${dependents.map((d) => `${d.kind} '${d.id}'`).join(', ')} still use it.`);
  }
  if (!faults.has('delete-leaves-entity')) scope.tables[kind].delete(id);
  if (faults.has('deleted-entities-stay-listed')) {
    const table = scope.tables[kind];
    ghosts.set(table, [...(ghosts.get(table) ?? []), entity]);
  }
  return { status: 204 };
}

export function actOnEntity(caller: Caller, kind: Kind, id: string, op: string | null): Reply {
  const { scope, faults } = caller;
  const entity = scope.get(kind, id);
  const known = op !== null && (faults.has('op-is-case-sensitive') ? op === 'publish' : op.toLowerCase() === 'publish');
  if (!entity) {
    if (faults.has('publish-of-missing-id-answers-400')) throw new ApiError('bad-request', `Cannot act on '${id}'.`);
    throw notFound(kind, id);
  }
  // outside the subset: enable/disable of a flow (flow-state.ts); other kinds know publish only
  const stateOp = kind === 'flows' && !known ? stateOpOf(op) : undefined;
  if (stateOp) return changeFlowState(entity, stateOp);
  if (!known && !faults.has('unknown-op-publishes')) {
    throw new ApiError('unknown-op', `Unsupported action operation '${op ?? ''}'; supported: publish.`);
  }
  const transition = TRANSITIONS.publish;
  if (entity.state !== transition.from) {
    if (faults.has('republish-crashes')) throw new ApiError('internal', 'Unexpected state.');
    throw new ApiError('not-a-draft', `The ${kind} entity '${id}' is not a draft (state '${entity.state}').`);
  }
  const blocker = publishBlocker(scope, entity, faults);
  if (blocker) throw blocker;
  const before = entity.etag;
  if (!faults.has(PUBLISH_NOOP[kind])) {
    entity.state = faults.has('published-state-is-active') ? 'active' : transition.to;
    // no document shows lastOperation after op=publish: the action's own name, as enable is shown as "enable" (DECISIONS)
    entity.lastOperation = { started: Date.now(), updated: entity.lastOperation?.updated ?? 0, operation: 'publish' };
  }
  if (!faults.has('publish-keeps-etag')) touch(entity);
  const answered = faults.has('publish-answers-stale-etag') ? before : entity.etag;
  return { status: 200, body: { id: entity.id, etag: shownEtag(answered, faults) } };
}

function touch(entity: Entity): void {
  entity.previousEtag = entity.etag;
  entity.etag = newEtag();
  entity.updatedAt = Date.now();
}


/** labels.md: a missing flow is FLOW-1439-404 whose `report` names its `id` and `type` (the collection); the other
 * kinds have only the catalogue's generic 1101-404, given the same report members so clients read one shape. */
function notFound(kind: Kind, id: string): ApiError {
  const detail = `The requested ${kind} resource ${id} is not found. Verify the resource ID before trying again.`;
  return new ApiError(kind === 'flows' ? 'flow-not-found' : 'not-found', detail, { id, type: kind });
}
