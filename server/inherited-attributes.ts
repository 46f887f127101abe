// The server-owned fields a read shows beside the client's document: `inheritedAttributes`, derived from the entities
// this one names, and `sandboxId`. Inherited attributes are computed at read time, never stored or cached with the
// entity's view: a parent can change (a source connection re-pointed at another base connection) without this
// entity's etag moving, and the documented filters on them must see what a read shows.
import { createHash } from 'node:crypto';
import { flowSpecById } from './catalog.ts';
import { idList, type Entity, type Json, type JsonObject, type Scope } from './store.ts';

/** `{id, version}` of a spec reference, the `SpecInfoDTO` the OAS puts in every `*MetaInfoDTO`. */
function specInfo(ref: Json | undefined): JsonObject | undefined {
  if (ref === null || typeof ref !== 'object' || Array.isArray(ref)) return undefined;
  const info: JsonObject = {};
  if (ref.id !== undefined) info.id = ref.id;
  if (ref.version !== undefined) info.version = ref.version;
  return info;
}

/** OAS `ConnectionMetaInfoDTO` {id, connectionSpec} of a base connection, or `{id}` when it cannot be found. */
function baseConnectionInfo(scope: Scope, id: string): JsonObject {
  const base = scope.get('connections', id);
  const connectionSpec = specInfo(base?.doc.connectionSpec);
  return connectionSpec ? { id, connectionSpec } : { id };
}

/** OAS `SourceConnectionMetaInfoDTOWrapper` / `TargetConnectionMetaInfoDTOWrapper`: {id, connectionSpec, baseConnection?}. */
function connectionInfo(scope: Scope, kind: 'sourceConnections' | 'targetConnections', id: string): JsonObject {
  const connection = scope.get(kind, id);
  const info: JsonObject = { id };
  const connectionSpec = specInfo(connection?.doc.connectionSpec);
  if (connectionSpec) info.connectionSpec = connectionSpec;
  const baseId = connection?.doc.baseConnectionId;
  if (typeof baseId === 'string') info.baseConnection = baseConnectionInfo(scope, baseId);
  return info;
}

/**
 * The documented `inheritedAttributes`, or undefined for a base connection (which has none):
 * - source/target connection (OAS `SourceConnectionMetaInfoDTO`/`TargetConnectionMetaInfoDTO`): `{baseConnection: {id,
 *   connectionSpec: {id, version}}}` when it names a base connection, `{}` otherwise (a data-lake target names none);
 * - flow (OAS `FlowMetaInfoDTO`, sort-and-filter's `inheritedAttributes.properties.isSourceFlow==true` and
 *   `inheritedAttributes.targetConnections[].connectionSpec.id`): `sourceConnections[]`, `targetConnections[]` and
 *   `properties`, the flow spec's `isSourceFlow`/`isDestinationFlow` attributes.
 */
export function inheritedAttributes(scope: Scope, entity: Entity): JsonObject | undefined {
  const { kind, doc } = entity;
  if (kind === 'connections') return undefined;
  if (kind === 'sourceConnections' || kind === 'targetConnections') {
    return typeof doc.baseConnectionId === 'string' ? { baseConnection: baseConnectionInfo(scope, doc.baseConnectionId) } : {};
  }
  const specId = (doc.flowSpec as JsonObject | undefined)?.id;
  const attributes = typeof specId === 'string' ? flowSpecById.get(specId)?.attributes : undefined;
  const properties: JsonObject = {};
  for (const flag of ['isSourceFlow', 'isDestinationFlow'] as const) {
    const value = attributes?.[flag];
    if (typeof value === 'boolean') properties[flag] = value;
  }
  return {
    sourceConnections: idList(doc.sourceConnectionIds).map((id) => connectionInfo(scope, 'sourceConnections', id)),
    targetConnections: idList(doc.targetConnectionIds).map((id) => connectionInfo(scope, 'targetConnections', id)),
    properties,
  };
}

const sandboxIds = new Map<string, string>();

/**
 * The OAS shows `sandboxId` as an id (`6b36e130-c5d7-11e9-949c-0da8d50fcac1`) beside `sandboxName` (`prod`). Scopes are
 * keyed by name, so the id is derived from it: stable across restarts and the same for every entity of the sandbox.
 */
export function sandboxIdOf(sandbox: string): string {
  let id = sandboxIds.get(sandbox);
  if (!id) {
    const hex = createHash('sha1').update(`flow-service-sandbox:${sandbox}`).digest('hex');
    id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
    sandboxIds.set(sandbox, id);
  }
  return id;
}
