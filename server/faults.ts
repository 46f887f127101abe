// The fault registry: each fault is named after the wrong behaviour it introduces and declares the requirement IDs
// it breaks. The kit's self-validation runs the checks for those IDs against a server with the fault switched on
// and expects them to fail; a test checks this registry against specs/requirements.yaml.

export interface FaultDefinition {
  breaks: readonly string[];
  description: string;
}

export const FAULTS = {
  'spec-by-id-without-items-wrapper': { breaks: ['SPEC-001'], description: 'GET /connectionSpecs/{id} answers the bare spec, not {items:[spec]}.' },
  'flow-spec-name-filter-ignored': { breaks: ['SPEC-002'], description: 'GET /flowSpecs ignores its property filter and lists every spec.' },
  'draft-flag-as-string': { breaks: ['SPEC-003'], description: 'attributes.isDraftModeSupported is served as the string "true"/"false".' },
  'draft-connections-ignore-spec-flag': { breaks: ['GATE-001'], description: 'mode=draft is accepted for connections whose spec does not support drafts.' },
  'draft-flows-ignore-spec-flag': { breaks: ['GATE-002'], description: 'mode=draft is accepted for flows whose spec does not support drafts.' },
  'connection-create-omits-etag': { breaks: ['DRAFT-001'], description: 'POST /connections answers {id} without etag.' },
  'source-connection-create-omits-etag': { breaks: ['DRAFT-002'], description: 'POST /sourceConnections answers {id} without etag.' },
  'target-connection-create-omits-etag': { breaks: ['DRAFT-003'], description: 'POST /targetConnections answers {id} without etag.' },
  'flow-create-omits-etag': { breaks: ['DRAFT-004'], description: 'POST /flows answers {id} without etag.' },
  'draft-state-reported-as-in-progress': { breaks: ['DRAFT-005'], description: 'GET shows a draft with state "inProgress".' },
  'draft-children-refuse-draft-parents': { breaks: ['DRAFT-006'], description: 'A draft may not name a draft parent.' },
  'create-without-mode-makes-draft': { breaks: ['DRAFT-007'], description: 'Creates without mode give drafts.' },
  'create-answers-200': { breaks: ['DRAFT-008'], description: 'Creates answer 200 instead of 201.' },
  'draft-requires-complete-auth': { breaks: ['DRAFT-009'], description: 'A draft base connection must already carry every required auth param.' },
  'create-honours-state-field': { breaks: ['DRAFT-010'], description: 'A create body carrying state is accepted and its state is used.' },
  'unknown-mode-ignored': { breaks: ['DRAFT-011'], description: 'An unknown mode value creates a non-draft entity.' },
  'create-reuses-last-id': { breaks: ['DRAFT-012'], description: 'A create answers the id the previous create in the sandbox answered (the new entity is stored under an id of its own).' },
  'connection-publish-is-noop': { breaks: ['PUB-001'], description: 'Publishing a base connection answers 200 but leaves it a draft.' },
  'source-connection-publish-is-noop': { breaks: ['PUB-002'], description: 'Publishing a source connection answers 200 but leaves it a draft.' },
  'target-connection-publish-is-noop': { breaks: ['PUB-003'], description: 'Publishing a target connection answers 200 but leaves it a draft.' },
  'flow-publish-is-noop': { breaks: ['PUB-004'], description: 'Publishing a flow answers 200 but leaves it a draft.' },
  'publish-answers-stale-etag': { breaks: ['PUB-005'], description: 'Publish answers the etag the entity had before publishing.' },
  'publish-keeps-etag': { breaks: ['PUB-006'], description: 'Publishing does not change the etag.' },
  'publish-of-missing-id-answers-400': { breaks: ['PUB-007'], description: 'Publishing an unknown id answers 400 instead of 404.' },
  'unknown-op-publishes': { breaks: ['PUB-008'], description: 'Any op value publishes the draft.' },
  'republish-crashes': { breaks: ['PUB-009', 'API-007'], description: 'Publishing an entity that is not a draft answers 500.' },
  'publish-skips-auth-completeness': { breaks: ['PUB-010'], description: 'A base connection missing required auth params can be published.' },
  'published-state-is-active': { breaks: ['PUB-011'], description: 'Published entities show state "active" instead of "enabled".' },
  'op-is-case-sensitive': { breaks: ['PUB-012'], description: 'Only op=publish in lower case is understood.' },
  'source-publish-ignores-draft-base': { breaks: ['ORD-001'], description: 'A source connection can be published while its base connection is a draft.' },
  'target-publish-ignores-draft-base': { breaks: ['ORD-002'], description: 'A target connection can be published while its base connection is a draft.' },
  'flow-publish-checks-first-source-only': { breaks: ['ORD-003'], description: 'Flow publish looks only at the first source connection.' },
  'flow-publish-checks-first-target-only': { breaks: ['ORD-004'], description: 'Flow publish looks only at the first target connection.' },
  'publish-refuses-children-of-former-drafts': { breaks: ['ORD-005'], description: 'An entity created while its parent was a draft can never be published.' },
  'non-draft-create-accepts-draft-reference': { breaks: ['ORD-006'], description: 'A non-draft entity may be created naming a draft.' },
  'flow-publish-checks-first-source-once-patched': { breaks: ['ORD-007'], description: 'Once a flow has been patched, publishing it looks only at its first source connection.' },
  'patch-not-persisted': { breaks: ['UPD-001'], description: 'PATCH answers 200 with a new etag but GET shows the old value.' },
  'patch-keeps-etag': { breaks: ['UPD-002'], description: 'PATCH does not change the etag.' },
  'get-shows-previous-etag': { breaks: ['UPD-003'], description: 'GET shows the etag from before the last write.' },
  'patch-writes-read-only-fields': { breaks: ['UPD-004'], description: 'PATCH may replace /connectionSpec, /id or /state.' },
  'patch-ignores-stale-if-match': { breaks: ['ETAG-001'], description: 'A stale If-Match is not checked.' },
  'patch-without-if-match-allowed': { breaks: ['ETAG-002'], description: 'PATCH without If-Match is applied.' },
  'patch-check-then-act-race': { breaks: ['ETAG-003'], description: 'The If-Match check and the write are separated by an await, so racing writers all win.' },
  'etags-unquoted': { breaks: ['ETAG-004'], description: 'Etags are served without surrounding double quotes.' },
  'etag-changes-on-read': { breaks: ['ETAG-005'], description: 'Every GET shows a new etag.' },
  'source-accepts-missing-base': { breaks: ['REF-001'], description: 'A source connection may name a base connection that does not exist.' },
  'flow-accepts-missing-connections': { breaks: ['REF-002'], description: 'A flow may name source or target connections that do not exist.' },
  'create-accepts-unknown-spec': { breaks: ['REF-003'], description: 'A create may name a connection spec or flow spec that does not exist.' },
  'auth-token-not-checked': { breaks: ['API-001'], description: 'Requests without a valid token are served.' },
  'api-key-not-checked': { breaks: ['API-002'], description: 'Requests without x-api-key are served.' },
  'org-header-not-checked': { breaks: ['API-003'], description: 'Requests without x-gw-ims-org-id are served.' },
  'sandboxes-share-one-store': { breaks: ['API-004'], description: 'Every sandbox sees the same entities.' },
  'malformed-json-crashes': { breaks: ['API-005', 'API-007'], description: 'A malformed JSON body answers 500.' },
  'get-of-missing-id-answers-empty-list': { breaks: ['API-006'], description: 'GET of an unknown id answers 200 {items: []}.' },
  'list-items-carry-string-timestamps': { breaks: ['API-008'], description: 'createdAt and updatedAt are served as strings in GET answers.' },
  'errors-are-plain-text': { breaks: ['API-009'], description: 'Error answers carry a text/plain body.' },
  'content-type-not-checked': { breaks: ['API-010'], description: 'POST and PATCH bodies are parsed whatever their Content-Type.' },
  'delete-leaves-entity': { breaks: ['DEL-001'], description: 'DELETE answers 204 but the entity stays.' },
  'delete-ignores-flows-using-base': { breaks: ['DEL-002'], description: 'A base connection used by a flow can be deleted.' },
  'state-filter-ignored': { breaks: ['LIST-001'], description: 'property=state==draft is ignored.' },
  'continuation-repeats-first-page': { breaks: ['LIST-002'], description: 'Following _links.next.href answers the first page again.' },
  'deleted-entities-stay-listed': { breaks: ['DEL-003'], description: 'A deleted entity answers 404 by id but stays in every list, filtered, paged and counted.' },
  'patch-skips-instructions-without-path': { breaks: ['API-011'], description: 'A PATCH instruction without a path is skipped and the rest applied, instead of refusing the patch.' },
  'unicode-name-answers-500': { breaks: ['API-007'], description: 'A create or PATCH whose name holds a character outside ASCII answers 500.' },
  'params-stored-wrong-typed': { breaks: ['API-011'], description: 'A params (or auth.params) that is not an object is stored as sent instead of refusing the body.' },
  'spec-version-stored-wrong-typed': { breaks: ['API-011'], description: 'A connectionSpec or flowSpec whose version is not a string is stored as sent instead of refusing the body.' },
  'patch-of-missing-path-answers-500': { breaks: ['API-007'], description: 'A JSON Patch remove or replace of a path that does not exist answers 500 instead of 400.' },
} as const satisfies Record<string, FaultDefinition>;

export type FaultName = keyof typeof FAULTS;

export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];
/** Faults only the model-based suite (ORD-007) can find: it needs a budget and seed to find them for certain. */
export const MODEL_ONLY_FAULTS = FAULT_NAMES.filter((name) => (FAULTS[name].breaks as readonly string[]).includes('ORD-007'));
/** Faults a scenario check names. */
export const SCENARIO_FAULTS = FAULT_NAMES.filter((name) => !MODEL_ONLY_FAULTS.includes(name));

export function isFaultName(name: string): name is FaultName {
  return Object.hasOwn(FAULTS, name);
}

/** The set of faults switched on for one server instance; `has` is the only question, and only the seams (fault-seams.ts) ask it. */
export class Faults {
  private readonly active: ReadonlySet<FaultName>;
  constructor(names: Iterable<string> = []) {
    const active = new Set<FaultName>();
    for (const name of names) {
      if (!isFaultName(name)) throw new Error(`unknown fault mode "${name}"; known: ${FAULT_NAMES.join(', ')}`);
      active.add(name);
    }
    this.active = active;
  }
  has(name: FaultName): boolean {
    return this.active.has(name);
  }
  get none(): boolean {
    return this.active.size === 0;
  }
  get names(): FaultName[] {
    return [...this.active];
  }
}
