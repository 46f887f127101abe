// The documented rules of the draft lifecycle, in one place: what a create body may hold, which spec gates drafts,
// what an entity may reference, and when a draft may be published. Route handlers only call these.
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../schemas/validators.ts';
import { connectionSpecById, flowSpecById, type ConnectionSpec, type FlowSpec } from './catalog.ts';
import { ApiError } from './errors.ts';
import type { Faults } from './faults.ts';
import { idList, type Entity, type Json, type JsonObject, type Kind, type Scope } from './store.ts';

export const DRAFT = 'draft';
export const ENABLED = 'enabled';

/** The one transition the subset knows: op=publish takes a draft to enabled. */
export const TRANSITIONS = { publish: { from: DRAFT, to: ENABLED } } as const;
export type Operation = keyof typeof TRANSITIONS;

/** Fields the server owns; a create may not set them and a PATCH may not change them. */
export const SERVER_FIELDS = new Set([
  'id', 'state', 'etag', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'createdClient',
  'updatedClient', 'sandboxId', 'sandboxName', 'imsOrgId', 'inheritedAttributes', 'lastOperation', 'providerRefId',
  // a flow's run fields, outside the subset (runs.ts): shown on read, never written by a client
  'runs', 'lastRunDetails',
]);
/** Fields a client sets on create but may not change afterwards (E 1414-400). */
export const IMMUTABLE_FIELDS = new Set(['connectionSpec', 'flowSpec']);

type FieldType = 'string' | 'object' | 'array' | 'string[]' | 'spec';
const COMMON: Record<string, FieldType> = { name: 'string', description: 'string' };
const FIELDS: Record<Kind, Record<string, FieldType>> = {
  connections: { ...COMMON, connectionSpec: 'spec', auth: 'object' },
  sourceConnections: { ...COMMON, connectionSpec: 'spec', baseConnectionId: 'string', data: 'object', params: 'object' },
  targetConnections: { ...COMMON, connectionSpec: 'spec', baseConnectionId: 'string', data: 'object', params: 'object' },
  flows: {
    ...COMMON, flowSpec: 'spec', sourceConnectionIds: 'string[]', targetConnectionIds: 'string[]',
    transformations: 'array', scheduleParams: 'object', options: 'object', labels: 'array',
  },
};
const SPEC_FIELD: Record<Kind, 'connectionSpec' | 'flowSpec'> = {
  connections: 'connectionSpec', sourceConnections: 'connectionSpec', targetConnections: 'connectionSpec', flows: 'flowSpec',
};

/** Type-checks the fields the lifecycle relies on; other fields are kept as sent. */
export function checkDocument(kind: Kind, doc: JsonObject, creating: boolean, faults: Faults): void {
  const fields = FIELDS[kind];
  const wrongTypedParamsKept = faults.has('params-stored-wrong-typed');
  for (const [field, type] of Object.entries(fields)) {
    const value = doc[field];
    if (value === undefined || (field === 'params' && wrongTypedParamsKept)) continue;
    if (!hasType(value, type)) throw new ApiError('validation', `Field '${field}' must be ${describe(type)}.`);
  }
  if (creating && doc[SPEC_FIELD[kind]] === undefined) {
    throw new ApiError('validation', `Field '${SPEC_FIELD[kind]}' is required.`);
  }
  if (kind === 'connections' && doc.auth !== undefined) {
    const auth = doc.auth as JsonObject;
    if (auth.params !== undefined && !hasType(auth.params, 'object') && !wrongTypedParamsKept) throw new ApiError('validation', "Field 'auth.params' must be an object.");
    if (auth.specName !== undefined && typeof auth.specName !== 'string') throw new ApiError('validation', "Field 'auth.specName' must be a string.");
  }
}

function hasType(value: Json, type: FieldType): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'object': return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array': return Array.isArray(value);
    case 'string[]': return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'spec': return hasType(value, 'object') && typeof (value as JsonObject).id === 'string';
  }
}

function describe(type: FieldType): string {
  return { string: 'a string', object: 'an object', array: 'an array', 'string[]': 'an array of strings', spec: 'an object with a string id' }[type];
}

export function specOf(kind: Kind, doc: JsonObject, faults: Faults): ConnectionSpec | FlowSpec | undefined {
  const id = (doc[SPEC_FIELD[kind]] as JsonObject | undefined)?.id;
  const spec = typeof id === 'string' ? (kind === 'flows' ? flowSpecById.get(id) : connectionSpecById.get(id)) : undefined;
  if (!spec && !faults.has('create-accepts-unknown-spec')) {
    throw new ApiError('invalid-spec', `The ${SPEC_FIELD[kind]} id '${String(id)}' does not exist.`);
  }
  return spec;
}

export function supportsDrafts(spec: ConnectionSpec | FlowSpec | undefined): boolean {
  return spec?.attributes.isDraftModeSupported === true;
}

/** The entities this one names, with the kind each must be. */
export function parentsOf(kind: Kind, doc: JsonObject): { kind: Kind; id: string }[] {
  if (kind === 'sourceConnections' || kind === 'targetConnections') {
    return typeof doc.baseConnectionId === 'string' ? [{ kind: 'connections', id: doc.baseConnectionId }] : [];
  }
  if (kind === 'flows') {
    return [
      ...idList(doc.sourceConnectionIds).map((id) => ({ kind: 'sourceConnections' as const, id })),
      ...idList(doc.targetConnectionIds).map((id) => ({ kind: 'targetConnections' as const, id })),
    ];
  }
  return [];
}

/** REF-001/REF-002: every named parent exists; ORD-006: a non-draft names no draft. Returns whether a parent is a draft. */
export function checkParents(scope: Scope, kind: Kind, doc: JsonObject, isDraft: boolean, faults: Faults): boolean {
  let anyDraftParent = false;
  for (const parent of parentsOf(kind, doc)) {
    const entity = scope.get(parent.kind, parent.id);
    if (!entity) {
      const tolerated = parent.kind === 'connections' ? faults.has('source-accepts-missing-base') : faults.has('flow-accepts-missing-connections');
      if (tolerated) continue;
      throw new ApiError('reference-missing', `The ${parent.kind} entity '${parent.id}' does not exist.`);
    }
    if (entity.state === DRAFT) {
      anyDraftParent = true;
      if (isDraft && faults.has('draft-children-refuse-draft-parents')) {
        throw new ApiError('parent-is-draft', `The ${parent.kind} entity '${parent.id}' is a draft.`);
      }
      if (!isDraft && !faults.has('non-draft-create-accepts-draft-reference')) {
        throw new ApiError('parent-is-draft', `A non-draft entity cannot name the draft ${parent.kind} entity '${parent.id}'.`);
      }
    }
  }
  return anyDraftParent;
}

/**
 * Why an entity of this kind could not be live as it stands, or undefined: a base connection's auth params must
 * satisfy its authSpec (PUB-010), a flow must name a source and a target connection. Create, update and publish of a
 * live entity all hold it to this.
 */
export function incompleteness(kind: Kind, doc: JsonObject): ApiError | undefined {
  if (kind === 'connections') {
    const missing = missingAuth(doc);
    return missing ? new ApiError('incomplete-auth', missing) : undefined;
  }
  if (kind === 'flows' && (idList(doc.sourceConnectionIds).length === 0 || idList(doc.targetConnectionIds).length === 0)) {
    return new ApiError('validation', 'A flow needs at least one source connection and one target connection before it is published.');
  }
  return undefined;
}

/** Why a draft may not be published now, or undefined when it may. */
export function publishBlocker(scope: Scope, entity: Entity, faults: Faults): ApiError | undefined {
  if (faults.has('publish-refuses-children-of-former-drafts') && entity.bornUnderDraftParent) {
    return new ApiError('parent-is-draft', 'An entity created under a draft parent cannot be published.');
  }
  if (entity.kind === 'connections') return faults.has('publish-skips-auth-completeness') ? undefined : incompleteness('connections', entity.doc);
  let parents = parentsOf(entity.kind, entity.doc);
  if (entity.kind === 'sourceConnections' && faults.has('source-publish-ignores-draft-base')) parents = [];
  if (entity.kind === 'targetConnections' && faults.has('target-publish-ignores-draft-base')) parents = [];
  if (entity.kind === 'flows') parents = flowParentsChecked(entity, parents, faults);
  for (const parent of parents) {
    if (scope.get(parent.kind, parent.id)?.state === DRAFT) {
      return new ApiError('parent-is-draft', `Publish the ${parent.kind} entity '${parent.id}' first: it is still a draft.`);
    }
  }
  return incompleteness(entity.kind, entity.doc);
}

function flowParentsChecked(flow: Entity, parents: { kind: Kind; id: string }[], faults: Faults) {
  let sources = parents.filter((p) => p.kind === 'sourceConnections');
  let targets = parents.filter((p) => p.kind === 'targetConnections');
  if (faults.has('flow-publish-checks-first-source-only')) sources = sources.slice(0, 1);
  if (faults.has('flow-publish-checks-first-target-only')) targets = targets.slice(0, 1);
  if (faults.has('flow-publish-checks-first-source-once-patched') && flow.patched) sources = sources.slice(0, 1);
  return [...sources, ...targets];
}

const ajv = createAjv();
const authValidators = new Map<object, ValidateFunction>();

/** PUB-010: the auth params satisfy the chosen authSpec. Names match without regard to case (the tutorial sends `userId`). */
export function missingAuth(doc: JsonObject): string | undefined {
  const spec = connectionSpecById.get(String((doc.connectionSpec as JsonObject | undefined)?.id));
  if (!spec || spec.authSpec.length === 0) return undefined;
  const auth = (doc.auth ?? {}) as JsonObject;
  const chosen = spec.authSpec.find((a) => a.name === auth.specName) ?? (auth.specName === undefined ? spec.authSpec[0] : undefined);
  if (!chosen) return `Auth spec '${String(auth.specName)}' is not one of ${spec.authSpec.map((a) => a.name).join(', ')}.`;
  const params = (auth.params ?? {}) as JsonObject;
  const properties = Object.keys((chosen.spec.properties ?? {}) as object);
  const normalised: JsonObject = {};
  for (const [key, value] of Object.entries(params)) {
    normalised[properties.find((p) => p.toLowerCase() === key.toLowerCase()) ?? key] = value;
  }
  let validate = authValidators.get(chosen.spec);
  if (!validate) {
    const { $schema: _ignored, ...schema } = chosen.spec;
    validate = ajv.compile(schema);
    authValidators.set(chosen.spec, validate);
  }
  if (validate(normalised)) return undefined;
  const problems = (validate.errors ?? []).map((e) => `${e.instancePath || 'params'} ${e.message ?? ''}`.trim());
  return `The auth params do not satisfy '${chosen.name}': ${problems.join('; ')}.`;
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
