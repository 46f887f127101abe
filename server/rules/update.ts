// Updating an entity with JSON Patch under If-Match: the header is required, a stale one refused, read-only fields
// stay as they are, and the compare and the write are one store operation.
import type { components } from '../../generators/generated/flow-service.d.ts';
import type { Caller, Reply } from '../caller.ts';
import { existing, touch } from '../entities.ts';
import { MASK } from '../entity-view.ts';
import { ApiError } from '../errors.ts';
import type { FaultSeams } from '../fault-seams.ts';
import { applyPatch, parsePatch, patchInstructions, type PatchInstruction } from '../json-patch.ts';
import { DRAFT, IMMUTABLE_FIELDS, SERVER_FIELDS } from '../lifecycle.ts';
import type { Entity, Json, JsonObject, Kind } from '../store.ts';
import { incompleteness } from './completeness.ts';
import { checkDocument, checkName } from './document.ts';
import { checkParents } from './references.ts';

/** The answer of a write (OAS `WriteAnswer`): the entity's id and its new etag. */
type WriteAnswer = components['schemas']['WriteAnswer'];

/** PATCH /{collection}/{id} with If-Match. */
export async function patchEntity(caller: Caller, kind: Kind, id: string, body: Json, ifMatch: string | undefined): Promise<Reply> {
  const { seams, store } = caller;
  const entity = existing(caller, kind, id);
  requireIfMatch(ifMatch, seams);
  const instructions = parsePatch(seams.pathlessInstructionsDropped() ? withoutPathless(body) : body);
  const written = await store.compareAndSet(
    entity, seams.comparedIfMatch(ifMatch),
    () => patchedVersion(caller, entity, instructions),
    (next) => writePatch(entity, next, instructions, seams),
    seams.betweenCompareAndSet(),
  );
  if (!written) throw versionMismatch(entity, ifMatch);
  const answer: WriteAnswer = { id: entity.id, etag: seams.shownEtag(entity.etag) };
  return { status: 200, body: answer };
}

/** ETAG-002: a PATCH without If-Match answers 400 (E 1403-400) and changes nothing. */
function requireIfMatch(ifMatch: string | undefined, seams: FaultSeams): void {
  if (ifMatch === undefined && !seams.ifMatchOptional()) {
    throw new ApiError('if-match-missing', "The header 'If-Match' is missing in the request. Please provide the header and try again.");
  }
}

/**
 * ETAG-001: an If-Match other than the current etag answers 412 (E 1404-412); ETAG-003: so do all but one of N
 * PATCHes racing with the same current etag (store.compareAndSet).
 */
function versionMismatch(entity: Entity, ifMatch: string | undefined): ApiError {
  return new ApiError('version-mismatch', `The supplied version '${ifMatch}' does not match the current version on entity '${entity.id}'.`);
}

/**
 * The entity as the patch would leave it, or a refusal that leaves it as it was. UPD-004: a server-owned or immutable
 * field cannot be patched (E 1414-400); API-011: the patch applies whole or not at all (RFC 6902), to a body that
 * stays valid; a live entity stays as complete as a create or publish would have required, and names what exists.
 */
function patchedVersion(caller: Caller, entity: Entity, instructions: PatchInstruction[]): { doc: JsonObject; state: string } {
  const { seams, scope } = caller;
  const stateWritable = seams.readOnlyFieldsWritable();
  for (const { path } of instructions) {
    const field = path[0] ?? '';
    if ((SERVER_FIELDS.has(field) || IMMUTABLE_FIELDS.has(field) || path.length === 0) && !stateWritable) {
      throw new ApiError('read-only-field', `The field '/${path.join('/')}' cannot be updated.`);
    }
  }
  const doc = applyPatchOrCrash({ ...entity.doc, ...(stateWritable ? { state: entity.state } : {}) }, instructions, seams);
  let state = entity.state;
  if (stateWritable) {
    if (typeof doc.state === 'string') state = doc.state;
    delete doc.state;
  }
  checkDocument(entity.kind, doc, true, seams);
  checkName(doc, seams);
  checkParents(scope, entity.kind, doc, state === DRAFT, seams);
  const incomplete = state !== DRAFT ? incompleteness(entity.kind, doc) : undefined;
  if (incomplete) throw incomplete;
  return { doc, state };
}

/**
 * UPD-001: a PATCH's change is what every later read shows; UPD-002: it moves the etag to one the entity never had.
 * update-dataflows.md shows `"operation": "update"` after a PATCH; OAS: `updated` counts the updates; update.md's flow
 * after a schedule update also shows the operation complete and the instructions it applied.
 */
function writePatch(entity: Entity, next: { doc: JsonObject; state: string }, instructions: PatchInstruction[], seams: FaultSeams): void {
  if (seams.patchPersists()) entity.doc = next.doc;
  entity.state = next.state;
  seams.patchedEntity(entity);
  entity.lastOperation = {
    started: Date.now(), updated: (entity.lastOperation?.updated ?? 0) + 1, operation: 'update',
    percentCompleted: 100, status: { value: 'completed', errors: [] }, ops: instructions.map(echoOf),
  };
  if (seams.patchMovesEtag()) touch(entity);
}

/** API-007: a remove or replace of a missing path answers 400 (RFC 6902 §5), never 500. */
function applyPatchOrCrash(doc: JsonObject, instructions: PatchInstruction[], seams: FaultSeams): JsonObject {
  try {
    return applyPatch(doc, instructions);
  } catch (error) {
    throw seams.missingPathError(error);
  }
}

/** An applied instruction as lastOperation shows it: a JSON Pointer path, and an auth value masked as reads mask it. */
function echoOf(instruction: PatchInstruction): Json {
  const path = `/${instruction.path.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
  const echo: JsonObject = { op: instruction.op, path };
  if (instruction.value !== undefined) echo.value = instruction.path[0] === 'auth' ? MASK : instruction.value;
  return echo;
}

/** The fault `patch-skips-instructions-without-path` (API-011): instructions with no string path are dropped. */
function withoutPathless(body: Json): Json {
  if (body === null || typeof body !== 'object') return body;
  return patchInstructions(body).filter((raw) => !(raw !== null && typeof raw === 'object' && !Array.isArray(raw) && typeof raw.path !== 'string'));
}
