// What an entity may name: parents that exist, and no draft parent under a live entity.
import { ApiError } from '../errors.ts';
import type { FaultSeams } from '../fault-seams.ts';
import { DRAFT, parentsOf } from '../lifecycle.ts';
import type { JsonObject, Kind, Scope } from '../store.ts';

/**
 * REF-001/REF-002: every parent an entity names exists (E 1430-400). DRAFT-006: a draft may name draft parents.
 * ORD-006: a non-draft names no draft. Returns whether a parent is a draft.
 */
export function checkParents(scope: Scope, kind: Kind, doc: JsonObject, isDraft: boolean, seams: FaultSeams): boolean {
  let anyDraftParent = false;
  for (const parent of parentsOf(kind, doc)) {
    const entity = scope.get(parent.kind, parent.id);
    if (!entity) {
      if (seams.missingParentAccepted(parent.kind)) continue;
      throw new ApiError('reference-missing', `The ${parent.kind} entity '${parent.id}' does not exist.`);
    }
    if (entity.state === DRAFT) {
      anyDraftParent = true;
      if (isDraft && seams.draftRefusesDraftParent()) {
        throw new ApiError('parent-is-draft', `The ${parent.kind} entity '${parent.id}' is a draft.`);
      }
      if (!isDraft && !seams.liveAcceptsDraftParent()) {
        throw new ApiError('parent-is-draft', `A non-draft entity cannot name the draft ${parent.kind} entity '${parent.id}'.`);
      }
    }
  }
  return anyDraftParent;
}
