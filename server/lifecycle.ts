// The vocabulary of the draft lifecycle: the states, the transition publish makes, the fields the server owns, and
// which entities an entity names. The rules themselves live in rules/, one module per area (create, update, publish,
// delete, read, list), each rule naming the requirement IDs it enforces.
import { idList, type JsonObject, type Kind } from './store.ts';

export const DRAFT = 'draft';
export const ENABLED = 'enabled';

/** The one transition the subset knows: op=publish takes a draft to enabled (enable/disable, outside it: flow-state.ts). */
export const TRANSITIONS = { publish: { from: DRAFT, to: ENABLED } } as const;
export type Operation = keyof typeof TRANSITIONS;

/** Fields the server owns; a create may not set them and a PATCH may not change them (UPD-004, DRAFT-010). */
export const SERVER_FIELDS = new Set([
  'id', 'state', 'etag', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'createdClient',
  'updatedClient', 'sandboxId', 'sandboxName', 'imsOrgId', 'inheritedAttributes', 'lastOperation', 'providerRefId',
  // a flow's run fields, outside the subset (runs.ts): shown on read, never written by a client
  'runs', 'lastRunDetails',
]);
/** Fields a client sets on create but may not change afterwards (UPD-004, E 1414-400). */
export const IMMUTABLE_FIELDS = new Set(['connectionSpec', 'flowSpec']);

/** The field naming the spec an entity of each kind is made from. */
export const SPEC_FIELD: Record<Kind, 'connectionSpec' | 'flowSpec'> = {
  connections: 'connectionSpec', sourceConnections: 'connectionSpec', targetConnections: 'connectionSpec', flows: 'flowSpec',
};

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
