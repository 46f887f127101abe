// When an entity is complete enough to be live: a base connection's auth params satisfy its auth spec, a flow names
// a source and a target connection. Create, update and publish of a live entity all hold it to this; a draft not.
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../../schemas/ajv.ts';
import { connectionSpecById } from '../catalog.ts';
import { ApiError } from '../errors.ts';
import { idList, type JsonObject, type Kind } from '../store.ts';

/**
 * PUB-010: why an entity of this kind could not be live as it stands, or undefined (E 1415-400). DRAFT-009: only a
 * live entity is held to it, so a draft base connection may miss required auth params.
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
