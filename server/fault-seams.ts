// The named points where a fault mode bends a rule. Rules ask a seam (`seams.createStatus()`), never the fault set:
// each seam answers what the rule does when its fault is off, and the wrong behaviour the fault's name says when it is
// on. `SEAM_OF` declares, for every fault in the registry (faults.ts), the one seam it bends, so `grep` from a fault
// name lands here and from here on the rule that calls the seam. State only a fault reads (which entities were patched,
// deleted entities kept in lists, ...) lives in side tables here, never on the entity.
import { ApiError } from './errors.ts';
import type { FaultName, Faults } from './faults.ts';
import { bareTag, newEtag, type Entity, type Json, type Kind, type Scope } from './store.ts';

type KindFaults = Record<Kind, FaultName>;
const CREATE_OMITS_ETAG = {
  connections: 'connection-create-omits-etag', sourceConnections: 'source-connection-create-omits-etag',
  targetConnections: 'target-connection-create-omits-etag', flows: 'flow-create-omits-etag',
} as const satisfies KindFaults;
const PUBLISH_IS_NOOP = {
  connections: 'connection-publish-is-noop', sourceConnections: 'source-connection-publish-is-noop',
  targetConnections: 'target-connection-publish-is-noop', flows: 'flow-publish-is-noop',
} as const satisfies KindFaults;
const DRAFT_GATE_IGNORED = {
  connections: 'draft-connections-ignore-spec-flag', sourceConnections: 'draft-connections-ignore-spec-flag',
  targetConnections: 'draft-connections-ignore-spec-flag', flows: 'draft-flows-ignore-spec-flag',
} as const satisfies KindFaults;

export class FaultSeams {
  /** Entities patched since their create: only `flow-publish-checks-first-source-once-patched` reads it. */
  private readonly patched = new WeakSet<Entity>();
  /** Entities created while a parent was a draft: only `publish-refuses-children-of-former-drafts` reads it. */
  private readonly bornUnderDraftParent = new WeakSet<Entity>();
  /** Deleted entities per table, under `deleted-entities-stay-listed`: gone by id, still in every list. */
  private readonly ghosts = new WeakMap<object, Entity[]>();
  /** Each scope's last created id, under `create-reuses-last-id`. */
  private readonly previousCreate = new WeakMap<Scope, string>();

  constructor(private readonly faults: Faults) {}

  /** No fault is on: the GET-by-id hot path may serve its cached view. */
  get none(): boolean {
    return this.faults.none;
  }
  private on(name: FaultName): boolean {
    return this.faults.has(name);
  }

  // protocol and access (request-handler.ts, http-request.ts, authenticate.ts)
  /** API-001: whether the bearer token is checked. */
  checksToken(): boolean { return !this.on('auth-token-not-checked'); }
  /** API-002: whether x-api-key is checked. */
  checksApiKey(): boolean { return !this.on('api-key-not-checked'); }
  /** API-003: whether x-gw-ims-org-id is checked. */
  checksOrg(): boolean { return !this.on('org-header-not-checked'); }
  /** API-004: the sandbox whose store a request reaches. */
  sandboxOf(requested: string, fallback: string): string { return this.on('sandboxes-share-one-store') ? fallback : requested; }
  /** API-010: whether a body's Content-Type is checked. */
  checksContentType(): boolean { return !this.on('content-type-not-checked'); }
  /** API-005/API-007: the refusal of a body that is not JSON. */
  malformedJsonError(): ApiError {
    return this.on('malformed-json-crashes') ? new ApiError('internal', 'Unexpected token.') : new ApiError('malformed-json', 'The request body is not valid JSON.');
  }
  /** API-009: whether error bodies are plain text instead of JSON. */
  errorsArePlainText(): boolean { return this.on('errors-are-plain-text'); }
  /** API-007: a name outside ASCII breaks a create or PATCH. */
  nameCrashes(name: Json | undefined): boolean { return this.on('unicode-name-answers-500') && typeof name === 'string' && /[^\u0000-\u007f]/.test(name); }

  // specs (specs.ts)
  /** SPEC-001: whether a connection spec by id answers without its items wrapper. */
  specByIdUnwrapped(): boolean { return this.on('spec-by-id-without-items-wrapper'); }
  /** SPEC-002: whether GET /flowSpecs ignores its property filter. */
  flowSpecFilterIgnored(): boolean { return this.on('flow-spec-name-filter-ignored'); }
  /** SPEC-003: whether isDraftModeSupported is served as a string. */
  draftFlagAsString(): boolean { return this.on('draft-flag-as-string'); }

  // create (rules/create.ts, rules/document.ts, rules/references.ts)
  /** DRAFT-011: whether an unknown mode creates a live entity instead of being refused. */
  unknownModeIgnored(): boolean { return this.on('unknown-mode-ignored'); }
  /** DRAFT-007: whether a create without mode makes a draft. */
  modelessCreateDrafts(): boolean { return this.on('create-without-mode-makes-draft'); }
  /** DRAFT-010: whether a create's state field is used instead of refused. */
  createStateHonoured(): boolean { return this.on('create-honours-state-field'); }
  /** GATE-001/GATE-002: whether mode=draft ignores the spec's isDraftModeSupported. */
  draftGateIgnored(kind: Kind): boolean { return this.on(DRAFT_GATE_IGNORED[kind]); }
  /** DRAFT-009: whether a draft base connection is held to a live one's auth completeness. */
  draftNeedsCompleteAuth(kind: Kind): boolean { return kind === 'connections' && this.on('draft-requires-complete-auth'); }
  /** DRAFT-001, DRAFT-002, DRAFT-003, DRAFT-004: whether a create of this kind answers its etag. */
  createAnswersEtag(kind: Kind): boolean { return !this.on(CREATE_OMITS_ETAG[kind]); }
  /** DRAFT-008: the status of a successful create. */
  createStatus(): 200 | 201 { return this.on('create-answers-200') ? 200 : 201; }
  /** DRAFT-012: the id a create answers for the entity it stored. */
  answeredId(scope: Scope, id: string): string {
    if (!this.on('create-reuses-last-id')) return id;
    const answered = this.previousCreate.get(scope) ?? id;
    this.previousCreate.set(scope, id);
    return answered;
  }
  /** REF-003: whether a spec id that names no spec is accepted. */
  unknownSpecAccepted(): boolean { return this.on('create-accepts-unknown-spec'); }
  /** REF-001/REF-002: whether a parent that does not exist is accepted. */
  missingParentAccepted(parent: Kind): boolean {
    return parent === 'connections' ? this.on('source-accepts-missing-base') : this.on('flow-accepts-missing-connections');
  }
  /** DRAFT-006: whether a draft refuses a draft parent. */
  draftRefusesDraftParent(): boolean { return this.on('draft-children-refuse-draft-parents'); }
  /** ORD-006: whether a non-draft may name a draft parent. */
  liveAcceptsDraftParent(): boolean { return this.on('non-draft-create-accepts-draft-reference'); }
  /** API-011: whether params (or auth.params) that are not objects are kept as sent. */
  wrongTypedParamsKept(): boolean { return this.on('params-stored-wrong-typed'); }
  /** API-011: whether a spec reference's version that is not a string is kept as sent. */
  wrongTypedSpecVersionKept(): boolean { return this.on('spec-version-stored-wrong-typed'); }
  /** ORD-005: remembers an entity created under a draft parent, for the fault that refuses to publish it. */
  createdUnderDraftParent(entity: Entity): void {
    if (this.on('publish-refuses-children-of-former-drafts')) this.bornUnderDraftParent.add(entity);
  }

  // update (rules/update.ts)
  /** ETAG-002: whether a PATCH without If-Match is applied. */
  ifMatchOptional(): boolean { return this.on('patch-without-if-match-allowed'); }
  /** ETAG-001: the etag a PATCH's If-Match is compared with, or undefined for no compare. */
  comparedIfMatch(ifMatch: string | undefined): string | undefined { return this.on('patch-ignores-stale-if-match') ? undefined : ifMatch; }
  /** ETAG-003: what runs between the compare and the set of a compare-and-set; nothing, unless the race fault yields. */
  betweenCompareAndSet(): (() => Promise<void>) | undefined {
    return this.on('patch-check-then-act-race') ? () => new Promise((resolve) => setTimeout(resolve, 50)) : undefined;
  }
  /** API-011: whether PATCH instructions without a path are dropped instead of refusing the patch. */
  pathlessInstructionsDropped(): boolean { return this.on('patch-skips-instructions-without-path'); }
  /** UPD-004: whether a PATCH may write server-owned and immutable fields (state included). */
  readOnlyFieldsWritable(): boolean { return this.on('patch-writes-read-only-fields'); }
  /** API-007: the refusal of a patch whose path does not exist (RFC 6902 §5), or a crash instead. */
  missingPathError(error: unknown): unknown {
    return this.on('patch-of-missing-path-answers-500') && error instanceof ApiError ? new ApiError('internal', 'Unexpected path.') : error;
  }
  /** UPD-001: whether a PATCH's document is stored. */
  patchPersists(): boolean { return !this.on('patch-not-persisted'); }
  /** UPD-002: whether a PATCH moves the etag. */
  patchMovesEtag(): boolean { return !this.on('patch-keeps-etag'); }
  /** ORD-007: remembers a patched entity, for the fault that looks at fewer sources once a flow was patched. */
  patchedEntity(entity: Entity): void {
    if (this.on('flow-publish-checks-first-source-once-patched')) this.patched.add(entity);
  }

  // publish (rules/publish.ts)
  /** PUB-012: whether op=publish is matched without regard to case. */
  opMatchesAnyCase(): boolean { return !this.on('op-is-case-sensitive'); }
  /** PUB-008: whether an unknown op publishes. */
  unknownOpPublishes(): boolean { return this.on('unknown-op-publishes'); }
  /** PUB-007: the refusal of an action on an id that names nothing. */
  missingActionTarget(id: string, notFound: ApiError): ApiError {
    return this.on('publish-of-missing-id-answers-400') ? new ApiError('bad-request', `Cannot act on '${id}'.`) : notFound;
  }
  /** PUB-009/API-007: the refusal of publishing what is not a draft, or a crash instead. */
  notADraftError(refusal: ApiError): ApiError { return this.on('republish-crashes') ? new ApiError('internal', 'Unexpected state.') : refusal; }
  /** ORD-005: whether an entity born under a draft parent is refused publish for good. */
  publishRefusedForBirth(entity: Entity): boolean { return this.bornUnderDraftParent.has(entity); }
  /** PUB-010: whether publish skips a base connection's auth completeness. */
  publishSkipsAuth(): boolean { return this.on('publish-skips-auth-completeness'); }
  /** ORD-001/ORD-002: whether a connection's publish ignores a draft base connection. */
  publishIgnoresBase(kind: Kind): boolean {
    return (kind === 'sourceConnections' && this.on('source-publish-ignores-draft-base')) || (kind === 'targetConnections' && this.on('target-publish-ignores-draft-base'));
  }
  /** ORD-003/ORD-007: the source connections a flow's publish looks at. */
  publishSources<T>(flow: Entity, sources: T[]): T[] {
    const firstOnly = this.on('flow-publish-checks-first-source-only') || this.patched.has(flow);
    return firstOnly ? sources.slice(0, 1) : sources;
  }
  /** ORD-004: the target connections a flow's publish looks at. */
  publishTargets<T>(targets: T[]): T[] { return this.on('flow-publish-checks-first-target-only') ? targets.slice(0, 1) : targets; }
  /** PUB-001, PUB-002, PUB-003, PUB-004: whether publishing an entity of this kind changes it. */
  publishTransitions(kind: Kind): boolean { return !this.on(PUBLISH_IS_NOOP[kind]); }
  /** PUB-011: the state a published entity shows. */
  publishedState(state: string): string { return this.on('published-state-is-active') ? 'active' : state; }
  /** PUB-006: whether publish moves the etag. */
  publishMovesEtag(): boolean { return !this.on('publish-keeps-etag'); }
  /** PUB-005: the etag a publish answers. */
  publishAnsweredEtag(before: string, after: string): string { return this.on('publish-answers-stale-etag') ? before : after; }

  // delete (rules/delete.ts)
  /** DEL-002: whether a base connection in use may be deleted. */
  deleteIgnoresUse(kind: Kind): boolean { return kind === 'connections' && this.on('delete-ignores-flows-using-base'); }
  /** DEL-001: whether a delete removes the entity. */
  deleteRemoves(): boolean { return !this.on('delete-leaves-entity'); }
  /** DEL-003: a deleted entity, which the fault keeps in its table's lists. */
  deleted(table: object, entity: Entity): void {
    if (this.on('deleted-entities-stay-listed')) this.ghosts.set(table, [...(this.ghosts.get(table) ?? []), entity]);
  }
  /** DEL-003: the deleted entities a table's lists still show (none without the fault). */
  ghostsOf(table: object): Entity[] | undefined { return this.ghosts.get(table); }

  // read and list (rules/read.ts, rules/list.ts, entity-view.ts)
  /** API-006: whether GET of an unknown id answers an empty list instead of 404. */
  missingReadsEmpty(): boolean { return this.on('get-of-missing-id-answers-empty-list'); }
  /** UPD-003/ETAG-005/ETAG-004: the etag (and version) a read shows. */
  readEtag(entity: Entity): string {
    let etag = this.on('get-shows-previous-etag') ? entity.previousEtag : entity.etag;
    if (this.on('etag-changes-on-read')) etag = newEtag();
    return this.shownEtag(etag);
  }
  /** ETAG-004: an etag as every answer shows it. */
  shownEtag(etag: string): string { return this.on('etags-unquoted') ? bareTag(etag) : etag; }
  /** DRAFT-005: the state a read shows. */
  readState(state: string): string { return state === 'draft' && this.on('draft-state-reported-as-in-progress') ? 'inProgress' : state; }
  /** API-008: a timestamp as a read shows it. */
  readTime(ms: number): Json { return this.on('list-items-carry-string-timestamps') ? new Date(ms).toISOString() : ms; }
  /** LIST-001: whether a list ignores its state filter. */
  stateFilterIgnored(): boolean { return this.on('state-filter-ignored'); }
  /** LIST-002: whether a continuation token loses its position. */
  continuationIgnored(): boolean { return this.on('continuation-repeats-first-page'); }
}

type SeamName = Exclude<keyof FaultSeams, 'none'>;

/** The seam each fault bends: one line a fault, typed against the registry both ways. */
export const SEAM_OF = {
  'spec-by-id-without-items-wrapper': 'specByIdUnwrapped',
  'flow-spec-name-filter-ignored': 'flowSpecFilterIgnored',
  'draft-flag-as-string': 'draftFlagAsString',
  'draft-connections-ignore-spec-flag': 'draftGateIgnored',
  'draft-flows-ignore-spec-flag': 'draftGateIgnored',
  'connection-create-omits-etag': 'createAnswersEtag',
  'source-connection-create-omits-etag': 'createAnswersEtag',
  'target-connection-create-omits-etag': 'createAnswersEtag',
  'flow-create-omits-etag': 'createAnswersEtag',
  'draft-state-reported-as-in-progress': 'readState',
  'draft-children-refuse-draft-parents': 'draftRefusesDraftParent',
  'create-without-mode-makes-draft': 'modelessCreateDrafts',
  'create-answers-200': 'createStatus',
  'draft-requires-complete-auth': 'draftNeedsCompleteAuth',
  'create-honours-state-field': 'createStateHonoured',
  'unknown-mode-ignored': 'unknownModeIgnored',
  'create-reuses-last-id': 'answeredId',
  'connection-publish-is-noop': 'publishTransitions',
  'source-connection-publish-is-noop': 'publishTransitions',
  'target-connection-publish-is-noop': 'publishTransitions',
  'flow-publish-is-noop': 'publishTransitions',
  'publish-answers-stale-etag': 'publishAnsweredEtag',
  'publish-keeps-etag': 'publishMovesEtag',
  'publish-of-missing-id-answers-400': 'missingActionTarget',
  'unknown-op-publishes': 'unknownOpPublishes',
  'republish-crashes': 'notADraftError',
  'publish-skips-auth-completeness': 'publishSkipsAuth',
  'published-state-is-active': 'publishedState',
  'op-is-case-sensitive': 'opMatchesAnyCase',
  'source-publish-ignores-draft-base': 'publishIgnoresBase',
  'target-publish-ignores-draft-base': 'publishIgnoresBase',
  'flow-publish-checks-first-source-only': 'publishSources',
  'flow-publish-checks-first-target-only': 'publishTargets',
  'publish-refuses-children-of-former-drafts': 'publishRefusedForBirth',
  'non-draft-create-accepts-draft-reference': 'liveAcceptsDraftParent',
  'flow-publish-checks-first-source-once-patched': 'publishSources',
  'patch-not-persisted': 'patchPersists',
  'patch-keeps-etag': 'patchMovesEtag',
  'get-shows-previous-etag': 'readEtag',
  'patch-writes-read-only-fields': 'readOnlyFieldsWritable',
  'patch-ignores-stale-if-match': 'comparedIfMatch',
  'patch-without-if-match-allowed': 'ifMatchOptional',
  'patch-check-then-act-race': 'betweenCompareAndSet',
  'etags-unquoted': 'shownEtag',
  'etag-changes-on-read': 'readEtag',
  'source-accepts-missing-base': 'missingParentAccepted',
  'flow-accepts-missing-connections': 'missingParentAccepted',
  'create-accepts-unknown-spec': 'unknownSpecAccepted',
  'auth-token-not-checked': 'checksToken',
  'api-key-not-checked': 'checksApiKey',
  'org-header-not-checked': 'checksOrg',
  'sandboxes-share-one-store': 'sandboxOf',
  'malformed-json-crashes': 'malformedJsonError',
  'get-of-missing-id-answers-empty-list': 'missingReadsEmpty',
  'list-items-carry-string-timestamps': 'readTime',
  'errors-are-plain-text': 'errorsArePlainText',
  'content-type-not-checked': 'checksContentType',
  'delete-leaves-entity': 'deleteRemoves',
  'delete-ignores-flows-using-base': 'deleteIgnoresUse',
  'state-filter-ignored': 'stateFilterIgnored',
  'continuation-repeats-first-page': 'continuationIgnored',
  'deleted-entities-stay-listed': 'deleted',
  'patch-skips-instructions-without-path': 'pathlessInstructionsDropped',
  'unicode-name-answers-500': 'nameCrashes',
  'params-stored-wrong-typed': 'wrongTypedParamsKept',
  'spec-version-stored-wrong-typed': 'wrongTypedSpecVersionKept',
  'patch-of-missing-path-answers-500': 'missingPathError',
} as const satisfies Record<FaultName, SeamName>;
