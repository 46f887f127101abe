// The GET view of an entity, as every read and list shows it and as filters and sort orders read it: the server's
// fields, the client's, secrets masked, the attributes inherited from the entities it names; and the etag as shown.
import type { Caller } from './caller.ts';
import { connectionSpecById } from './catalog.ts';
import { inheritedAttributes, sandboxIdOf } from './inherited-attributes.ts';
import { readPath, type FieldReader } from './list-query.ts';
import { flowRunFields } from './runs.ts';
import type { Entity, Json, JsonObject, Scope } from './store.ts';

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

/**
 * The part of the GET view that changes only with the entity's etag: server fields, the client's fields, secrets
 * masked. DRAFT-005: a draft reads `state: "draft"`. UPD-003/ETAG-005: the etag shown is the last write's, the same
 * on every read. API-008: the timestamps are numbers, as the OAS declares them.
 */
export function ownView(caller: Caller, entity: Entity): JsonObject {
  const { seams, scope } = caller;
  const etag = seams.readEtag(entity);
  const view: JsonObject = {
    id: entity.id,
    createdAt: seams.readTime(entity.createdAt),
    updatedAt: seams.readTime(entity.updatedAt),
    createdBy: caller.clientId,
    updatedBy: caller.clientId,
    createdClient: caller.clientId,
    updatedClient: caller.clientId,
    sandboxId: sandboxIdOf(scope.sandbox),
    sandboxName: scope.sandbox,
    imsOrgId: scope.org,
    ...entity.doc,
    state: seams.readState(entity.state),
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

/** Names of auth params to mask on read: `format: password` in the authSpec, or a name that says secret/password. */
export function secretParamNames(doc: JsonObject): Set<string> {
  const names = new Set<string>();
  const spec = connectionSpecById.get(String((doc.connectionSpec as JsonObject | undefined)?.id));
  for (const auth of spec?.authSpec ?? []) {
    for (const [name, property] of Object.entries((auth.spec.properties ?? {}) as Record<string, JsonObject>)) {
      if (property.format === 'password') names.add(name.toLowerCase());
    }
  }
  const params = ((doc.auth as JsonObject | undefined)?.params ?? {}) as JsonObject;
  for (const name of Object.keys(params)) if (/secret|password/i.test(name)) names.add(name.toLowerCase());
  return names;
}
