// The four kinds of entity a run creates, in one table: their collection names, how messages name them, the
// operationId noun of specs/flow-service.yaml, and the order in which they can be deleted. Read by the suites (the
// client, the fixtures' cleanup, the model) and the CLI (the ledger's cleanup, sweep).

interface KindFacts {
  /** How messages and reports name one: "a draft source connection". */
  label: string;
  /** The model's one-word name of it, in its shrunk step lists: "create source #1". */
  shortLabel: string;
  /** The noun of its operationIds: createSourceConnection, listSourceConnections. */
  operationNoun: string;
  /** Position in DELETE_ORDER: children before parents. */
  deleteRank: number;
}

export const KIND_TABLE = {
  connections: { label: 'base connection', shortLabel: 'base', operationNoun: 'Connection', deleteRank: 3 },
  sourceConnections: { label: 'source connection', shortLabel: 'source', operationNoun: 'SourceConnection', deleteRank: 1 },
  targetConnections: { label: 'target connection', shortLabel: 'target', operationNoun: 'TargetConnection', deleteRank: 2 },
  flows: { label: 'flow', shortLabel: 'flow', operationNoun: 'Flow', deleteRank: 0 },
} as const satisfies Record<string, KindFacts>;

export type Kind = keyof typeof KIND_TABLE;
export const KINDS = Object.keys(KIND_TABLE) as Kind[];

/** Children before parents: the order in which what a run created can be deleted. */
export const DELETE_ORDER: readonly Kind[] = [...KINDS].sort((a, b) => KIND_TABLE[a].deleteRank - KIND_TABLE[b].deleteRank);

export function isKind(name: string): name is Kind {
  return Object.hasOwn(KIND_TABLE, name);
}

export function kindLabel(kind: Kind): string {
  return KIND_TABLE[kind].label;
}

/** Where `name` (a ledger line's kind, any string) comes in DELETE_ORDER; a name that is no kind comes first. */
export function deleteRankOf(name: string): number {
  return isKind(name) ? KIND_TABLE[name].deleteRank : -1;
}

/** A DELETE (or anything) whose answer says the entity is not there any more: 2xx, or 404. */
export function isGone(status: number): boolean {
  return (status >= 200 && status < 300) || status === 404;
}
