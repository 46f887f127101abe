// Deleting an entity: what is in use stays, what is deleted is gone by id and from every list.
import type { Caller, Reply } from '../caller.ts';
import { existing } from '../entities.ts';
import { ApiError } from '../errors.ts';
import type { Kind } from '../store.ts';

/**
 * DEL-001: DELETE answers 204 and the entity is gone: GET and a second DELETE answer 404. DEL-003: no list shows it
 * any more, filtered, paged or counted (the table drops it). DEL-002 (checkNotInUse): an entity still named by
 * another stays.
 */
export function deleteEntity(caller: Caller, kind: Kind, id: string): Reply {
  const { scope, seams } = caller;
  const entity = existing(caller, kind, id);
  checkNotInUse(caller, kind, id);
  const table = scope.tables[kind];
  if (seams.deleteRemoves()) table.delete(id);
  seams.deleted(table, entity);
  return { status: 204 };
}

/** DEL-002: a base connection (or any entity) that another still names cannot be deleted (E 1418-400). */
function checkNotInUse(caller: Caller, kind: Kind, id: string): void {
  const dependents = caller.scope.dependentsOf(id);
  if (dependents.length === 0 || caller.seams.deleteIgnoresUse(kind)) return;
  throw new ApiError('in-use', `The ${kind} entity '${id}' cannot be deleted: ${dependents.map((d) => `${d.kind} '${d.id}'`).join(', ')} still use it.`);
}
