// Creating an entity of any kind: the mode and state it starts in, the spec that gates drafts, what it may name, how
// complete it must be, and what the create answers.
import type { Caller, Reply } from '../caller.ts';
import { storeEntity } from '../entities.ts';
import { ApiError } from '../errors.ts';
import type { FaultSeams } from '../fault-seams.ts';
import { DRAFT, ENABLED, SERVER_FIELDS } from '../lifecycle.ts';
import type { Json, JsonObject, Kind } from '../store.ts';
import { incompleteness } from './completeness.ts';
import { checkDocument, checkName, specOf, supportsDrafts } from './document.ts';
import { checkParents } from './references.ts';

/** POST /{collection}[?mode=draft]. */
export function createEntity(caller: Caller, kind: Kind, body: Json, mode: string | null): Reply {
  const { scope, seams } = caller;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ApiError('validation', 'The create body must be a JSON object.');
  const state = initialState(body, createsDraft(mode, seams), seams);
  // fromEntries defines own properties, so a "__proto__" key in the body stays a plain field, and the result is an
  // ordinary object (V8's fast shape), which every GET copies
  const doc = Object.fromEntries(Object.entries(body).filter(([key]) => !SERVER_FIELDS.has(key))) as JsonObject;
  checkDocument(kind, doc, true, seams);
  checkName(doc, seams);
  checkDraftGate(kind, doc, mode, seams);
  const underDraftParent = checkParents(scope, kind, doc, state === DRAFT, seams);
  checkCreatedComplete(kind, doc, state, seams);
  const entity = storeEntity(caller, kind, doc, state);
  if (underDraftParent) seams.createdUnderDraftParent(entity);
  return createAnswer(caller, kind, entity.id, entity.etag);
}

/**
 * DRAFT-007: `mode=draft` is what makes a draft; without it a create is live. DRAFT-011: any other mode value answers
 * 400 and creates nothing.
 */
function createsDraft(mode: string | null, seams: FaultSeams): boolean {
  if (mode === null) return seams.modelessCreateDrafts();
  if (mode === 'draft') return true;
  if (!seams.unknownModeIgnored()) throw new ApiError('unknown-mode', `Unsupported mode '${mode}'; the only mode is 'draft'.`);
  return false;
}

/** DRAFT-010: a create body may not carry `state` (E 1410-400): only mode=draft and publish set it. */
function initialState(body: JsonObject, isDraft: boolean, seams: FaultSeams): string {
  if (!('state' in body)) return isDraft ? DRAFT : ENABLED;
  if (!seams.createStateHonoured()) throw new ApiError('state-in-create', 'State is not allowed in the create request.');
  return typeof body.state === 'string' ? body.state : isDraft ? DRAFT : ENABLED;
}

/**
 * GATE-001: a connection draft needs a connection spec whose `attributes.isDraftModeSupported` is `true`; GATE-002: a
 * flow draft likewise its flow spec. REF-003 (specOf): the spec exists.
 */
function checkDraftGate(kind: Kind, doc: JsonObject, mode: string | null, seams: FaultSeams): void {
  const spec = specOf(kind, doc, seams);
  if (mode === 'draft' && spec && !supportsDrafts(spec) && !seams.draftGateIgnored(kind)) {
    throw new ApiError('draft-not-supported', `The spec '${spec.id}' does not support draft mode (attributes.isDraftModeSupported is not true).`);
  }
}

/**
 * DRAFT-009: a draft is accepted incomplete (a base connection missing required auth params); PUB-010: a live create
 * is held to the completeness publish requires.
 */
function checkCreatedComplete(kind: Kind, doc: JsonObject, state: string, seams: FaultSeams): void {
  const incomplete = state !== DRAFT || seams.draftNeedsCompleteAuth(kind) ? incompleteness(kind, doc) : undefined;
  if (incomplete) throw incomplete;
}

/**
 * DRAFT-001, DRAFT-002, DRAFT-003, DRAFT-004: a create of each kind answers `{id, etag}`; DRAFT-008: with 201 Created
 * and a Location; DRAFT-012: the id is the new entity's own, which no other entity in the sandbox carries.
 */
function createAnswer(caller: Caller, kind: Kind, id: string, etag: string): Reply {
  const { seams } = caller;
  const answeredId = seams.answeredId(caller.scope, id);
  const answer: Record<string, string> = { id: answeredId };
  if (seams.createAnswersEtag(kind)) answer.etag = seams.shownEtag(etag);
  return { status: seams.createStatus(), body: answer, headers: { location: `${caller.basePath}/${kind}/${answeredId}` } };
}
