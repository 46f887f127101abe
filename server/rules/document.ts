// What a create or PATCH body may hold: the types of the fields the lifecycle relies on, and the spec it names.
import { connectionSpecById, flowSpecById, type ConnectionSpec, type FlowSpec } from '../catalog.ts';
import { ApiError } from '../errors.ts';
import type { FaultSeams } from '../fault-seams.ts';
import { SPEC_FIELD } from '../lifecycle.ts';
import type { Json, JsonObject, Kind } from '../store.ts';

type FieldType = 'string' | 'object' | 'array' | 'string[]' | 'spec' | 'transformations';
const COMMON: Record<string, FieldType> = { name: 'string', description: 'string' };
const FIELDS: Record<Kind, Record<string, FieldType>> = {
  connections: { ...COMMON, connectionSpec: 'spec', auth: 'object' },
  sourceConnections: { ...COMMON, connectionSpec: 'spec', baseConnectionId: 'string', data: 'object', params: 'object' },
  targetConnections: { ...COMMON, connectionSpec: 'spec', baseConnectionId: 'string', data: 'object', params: 'object' },
  flows: {
    ...COMMON, flowSpec: 'spec', sourceConnectionIds: 'string[]', targetConnectionIds: 'string[]',
    transformations: 'transformations', scheduleParams: 'object', options: 'object', labels: 'array',
  },
};

/**
 * API-011: a body that breaks its operation's request schema (a required spec left out, a field of the wrong type,
 * a spec's version or a flow's transformation of the wrong type) answers 400; fields the lifecycle does not rely on
 * are kept as sent. A draft may leave fields out (DRAFT-009) but is held to the same types: this runs for every
 * create and for the document a PATCH would leave.
 */
export function checkDocument(kind: Kind, doc: JsonObject, creating: boolean, seams: FaultSeams): void {
  const fields = FIELDS[kind];
  const wrongTypedParamsKept = seams.wrongTypedParamsKept();
  const specVersionKept = seams.wrongTypedSpecVersionKept();
  for (const [field, type] of Object.entries(fields)) {
    const value = doc[field];
    if (value === undefined || (field === 'params' && wrongTypedParamsKept)) continue;
    if (!hasType(type === 'spec' && specVersionKept ? withoutVersion(value) : value, type)) throw new ApiError('validation', `Field '${field}' must be ${describe(type)}.`);
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

/** API-007: a name outside ASCII is an ordinary name (the fault `unicode-name-answers-500` crashes on it). */
export function checkName(doc: JsonObject, seams: FaultSeams): void {
  if (seams.nameCrashes(doc.name)) throw new ApiError('internal', 'Unexpected character.');
}

function hasType(value: Json, type: FieldType): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'object': return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array': return Array.isArray(value);
    case 'string[]': return Array.isArray(value) && value.every((v) => typeof v === 'string');
    // SpecRefInput (flow-service.yaml; OAS SpecInfoDTO, facts §8): `version` is a string. Left out it is still
    // accepted; of another type it is refused like any wrong-typed field (DECISIONS #20)
    case 'spec': return hasType(value, 'object') && typeof (value as JsonObject).id === 'string' && optionally((value as JsonObject).version, 'string');
    // Transformation (flow-service.yaml; facts §2.5 `transformations [{name, params}]`): each item an object, its
    // `name` a string and its `params` an object where given (DECISIONS #40)
    case 'transformations': return Array.isArray(value) && value.every((item) => hasType(item, 'object')
      && optionally((item as JsonObject).name, 'string') && optionally((item as JsonObject).params, 'object'));
  }
}

/** The fault `spec-version-stored-wrong-typed` (API-011): the spec reference as if it named no version. */
function withoutVersion(spec: Json): Json {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) return spec;
  const { version: _version, ...rest } = spec;
  return rest;
}

function optionally(value: Json | undefined, type: FieldType): boolean {
  return value === undefined || hasType(value, type);
}

function describe(type: FieldType): string {
  return {
    string: 'a string', object: 'an object', array: 'an array', 'string[]': 'an array of strings',
    spec: 'an object with a string id (and a string version, if any)',
    transformations: 'an array of objects, each with a string name and an object params (if any)',
  }[type];
}

/** REF-003: a create names a connection spec or flow spec that exists (E 1413-400). */
export function specOf(kind: Kind, doc: JsonObject, seams: FaultSeams): ConnectionSpec | FlowSpec | undefined {
  const id = (doc[SPEC_FIELD[kind]] as JsonObject | undefined)?.id;
  const spec = typeof id === 'string' ? (kind === 'flows' ? flowSpecById.get(id) : connectionSpecById.get(id)) : undefined;
  if (!spec && !seams.unknownSpecAccepted()) {
    throw new ApiError('invalid-spec', `The ${SPEC_FIELD[kind]} id '${String(id)}' does not exist.`);
  }
  return spec;
}

/** GATE-001/GATE-002: a spec allows drafts only with `attributes.isDraftModeSupported` exactly `true`. */
export function supportsDrafts(spec: ConnectionSpec | FlowSpec | undefined): boolean {
  return spec?.attributes.isDraftModeSupported === true;
}
