// Which fields a list may be sorted by. The error catalogue has `1432-400` for a sort order that is not `+field` or
// `-field` and `1433-400` for an orderby field the resource does not have (facts §4, §5), so a field outside the
// resource's documented shape is refused rather than sorted as if every item lacked it. The shapes are the entity
// schemas of specs/flow-service.yaml (EntityCommon plus each kind's own fields); nested paths (`connectionSpec.id`)
// are judged by their first segment.
import type { Kind } from './store.ts';

const COMMON = [
  'id', 'name', 'description', 'state', 'etag', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy',
  'createdClient', 'updatedClient', 'sandboxId', 'sandboxName', 'imsOrgId', 'providerRefId', 'inheritedAttributes',
  'lastOperation',
] as const;

const OWN: Record<Kind, readonly string[]> = {
  connections: ['connectionSpec', 'auth'],
  sourceConnections: ['connectionSpec', 'baseConnectionId', 'data', 'params'],
  targetConnections: ['connectionSpec', 'baseConnectionId', 'data', 'params'],
  flows: ['flowSpec', 'sourceConnectionIds', 'targetConnectionIds', 'transformations', 'scheduleParams'],
};

const SORTABLE = new Map<Kind, ReadonlySet<string>>(Object.entries(OWN).map(([kind, own]) => [kind as Kind, new Set([...COMMON, ...own])]));

export function isSortableField(kind: Kind, path: readonly string[]): boolean {
  return SORTABLE.get(kind)?.has(path[0] ?? '') ?? false;
}
