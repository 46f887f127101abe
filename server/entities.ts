// The entity table plumbing the rules (rules/) share: finding an entity or answering its 404, storing a new one, and
// moving its etag on a write.
import type { Caller } from './caller.ts';
import { entityScopes } from './entity-view.ts';
import { ApiError } from './errors.ts';
import { DRAFT } from './lifecycle.ts';
import { newEtag, type Entity, type JsonObject, type Kind } from './store.ts';

/**
 * API-006/PUB-007: labels.md shows a missing flow as FLOW-1439-404 whose `report` names its `id` and `type` (the
 * collection); the other kinds have only the catalogue's generic 1101-404, given the same report members so clients
 * read one shape.
 */
export function notFound(kind: Kind, id: string): ApiError {
  const detail = `The requested ${kind} resource ${id} is not found. Verify the resource ID before trying again.`;
  return new ApiError(kind === 'flows' ? 'flow-not-found' : 'not-found', detail, { id, type: kind });
}

/** The entity of this kind and id in the caller's scope, or its 404. */
export function existing(caller: Caller, kind: Kind, id: string): Entity {
  const entity = caller.scope.get(kind, id);
  if (!entity) throw notFound(kind, id);
  return entity;
}

/** Stores a new entity in the caller's scope, under a fresh id and etag. */
export function storeEntity(caller: Caller, kind: Kind, doc: JsonObject, state: string): Entity {
  const now = Date.now();
  const etag = newEtag();
  const entity: Entity = {
    kind, id: crypto.randomUUID(), seq: caller.store.nextSeq(), doc, state, etag, previousEtag: etag, createdAt: now, updatedAt: now,
    // filter.md shows `"operation": "draft_create"` on a draft, update-dataflows.md `"create"` on a live flow
    lastOperation: { started: now, updated: 0, operation: state === DRAFT ? 'draft_create' : 'create' },
  };
  // the OAS shows providerRefId on source connections, target connections and flows, not on base connections
  if (kind !== 'connections') entity.providerRefId = crypto.randomUUID();
  entityScopes.set(entity, caller.scope);
  caller.scope.tables[kind].add(entity);
  return entity;
}

/** UPD-002/PUB-006: a write gives the entity an etag it never had, and keeps the one before (UPD-003's fault shows it). */
export function touch(entity: Entity): void {
  entity.previousEtag = entity.etag;
  entity.etag = newEtag();
  entity.updatedAt = Date.now();
}
