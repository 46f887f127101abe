// The GET view of an entity, as every read and list shows it and as filters and sort orders read it: the server's
// fields, the client's, secrets masked, the attributes inherited from the entities it names; and the etag as shown.
import type { Faults } from './faults.ts';
import { inheritedAttributes, sandboxIdOf } from './inherited-attributes.ts';
import { DRAFT, secretParamNames } from './lifecycle.ts';
import { readPath, type FieldReader } from './list-query.ts';
import { flowRunFields } from './runs.ts';
import { newEtag, type Entity, type Json, type JsonObject, type Scope } from './store.ts';
import type { Caller } from './entities.ts';

/** What a read shows for a secret auth param, and for an auth value lastOperation echoes. */
export const MASK = '********';

/** The scope each entity lives in, so that filters can derive what a read derives (inherited attributes, sandboxId). */
export const entityScopes = new WeakMap<Entity, Scope>();

/** Reads a field as a GET shows it, so that a documented filter on a server-owned field matches what a read shows. */
export const readEntityField: FieldReader<Entity> = (entity, path) => {
  const field = path[0];
  if (path.length === 1) {
    if (field === 'id') return entity.id;
    if (field === 'state') return entity.state;
    if (field === 'createdAt') return entity.createdAt;
    if (field === 'updatedAt') return entity.updatedAt;
    if (field === 'etag' || field === 'version') return entity.etag;
    if (field === 'providerRefId') return entity.providerRefId;
  }
  if (field === 'lastOperation') return readPath(entity.lastOperation, path.slice(1));
  const scope = entityScopes.get(entity);
  if (scope && path.length === 1) {
    if (field === 'sandboxId') return sandboxIdOf(scope.sandbox);
    if (field === 'sandboxName') return scope.sandbox;
    if (field === 'imsOrgId') return scope.org;
  }
  if (field === 'inheritedAttributes') return scope ? readPath(inheritedAttributes(scope, entity), path.slice(1)) : undefined;
  return readPath(entity.doc, path);
};

/** The GET view of an entity: its own view and the attributes it inherits from the entities it names. */
export function render(caller: Caller, entity: Entity): JsonObject {
  const view = ownView(caller, entity);
  const inherited = inheritedAttributes(caller.scope, entity);
  if (inherited) view.inheritedAttributes = inherited;
  return view;
}

/** The part of the GET view that changes only with the entity's etag: server fields, the client's fields, secrets masked. */
export function ownView(caller: Caller, entity: Entity): JsonObject {
  const { faults, scope } = caller;
  let etag = faults.has('get-shows-previous-etag') ? entity.previousEtag : entity.etag;
  if (faults.has('etag-changes-on-read')) etag = newEtag();
  etag = shownEtag(etag, faults);
  let state = entity.state;
  if (state === DRAFT && faults.has('draft-state-reported-as-in-progress')) state = 'inProgress';
  const stamp = (n: number): Json => (faults.has('list-items-carry-string-timestamps') ? new Date(n).toISOString() : n);
  const view: JsonObject = {
    id: entity.id,
    createdAt: stamp(entity.createdAt),
    updatedAt: stamp(entity.updatedAt),
    createdBy: caller.clientId,
    updatedBy: caller.clientId,
    createdClient: caller.clientId,
    updatedClient: caller.clientId,
    sandboxId: sandboxIdOf(scope.sandbox),
    sandboxName: scope.sandbox,
    imsOrgId: scope.org,
    ...entity.doc,
    state,
    version: etag,
    etag,
  };
  if (entity.providerRefId !== undefined) view.providerRefId = entity.providerRefId;
  if (entity.lastOperation) view.lastOperation = { ...entity.lastOperation };
  if (entity.kind === 'connections' && entity.doc.auth !== undefined) view.auth = maskedAuth(entity.doc);
  if (entity.kind === 'flows') Object.assign(view, flowRunFields(scope, entity.id));
  return view;
}

function maskedAuth(doc: JsonObject): Json {
  const auth = doc.auth as JsonObject;
  if (typeof auth.params !== 'object' || auth.params === null || Array.isArray(auth.params)) return auth;
  const secrets = secretParamNames(doc);
  const params: JsonObject = {};
  for (const [key, value] of Object.entries(auth.params)) params[key] = secrets.has(key.toLowerCase()) ? MASK : value;
  return { ...auth, params };
}

export function shownEtag(etag: string, faults: Faults): string {
  return faults.has('etags-unquoted') ? bareTag(etag) : etag;
}

/** If-Match is compared without quotes or a weak prefix: update.md sends it unquoted, other pages quoted. */
export function bareTag(tag: string): string {
  return tag.trim().replace(/^W\//, '').replace(/^"(.*)"$/s, '$1');
}
