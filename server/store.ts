// In-memory storage, one scope per (org, sandbox). Entities are kept per kind in creation order so that an
// unfiltered page costs O(limit) however many entities exist: continuation tokens carry a creation sequence number,
// and deleted entries are compacted away once they outnumber the live ones.

export const KINDS = ['connections', 'sourceConnections', 'targetConnections', 'flows'] as const;
export type Kind = (typeof KINDS)[number];

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Entity {
  kind: Kind;
  id: string;
  seq: number;
  /** Client-owned fields (name, description, connectionSpec, auth, references, params...). */
  doc: JsonObject;
  state: string;
  etag: string;
  previousEtag: string;
  createdAt: number;
  updatedAt: number;
  /** The documented `lastOperation` (filter.md: `{"started":…,"updated":0,"operation":"draft_create"}`); every write moves the etag with it. */
  lastOperation?: {
    started: number; updated: number; operation: string;
    /** After a PATCH (update.md): the progress and the instructions it applied. */
    percentCompleted?: number; status?: { value: string; errors: Json[] }; ops?: Json[];
  };
  /** OAS `providerRefId`: "a reference ID connecting the source connection to the provider", fixed at create. */
  providerRefId?: string;
  /** The last GET view, serialised, and the etag it was made for. */
  view?: { etag: string; json: string };
}

// A deleted entity stays in `entries`, dead, until compaction: deleting is O(1) and `entries` never holds a hole, so
// the binary search over creation order needs no probing (probing past holes is what once left a deleted entity
// listed: create A, B, C; delete B, then C, and C stayed in every list). Liveness is one Map lookup.
class KindTable {
  private entries: Entity[] = [];
  private readonly byId = new Map<string, Entity>();

  get size(): number {
    return this.byId.size;
  }
  get(id: string): Entity | undefined {
    return this.byId.get(id);
  }
  add(entity: Entity): void {
    this.entries.push(entity);
    this.byId.set(entity.id, entity);
  }
  delete(id: string): boolean {
    if (!this.byId.delete(id)) return false;
    const dead = this.entries.length - this.byId.size;
    if (dead > 64 && dead > this.byId.size) this.compact();
    return true;
  }
  /** Live entities with seq > afterSeq, in creation order. */
  *from(afterSeq: number): Generator<Entity> {
    for (let at = this.firstIndexAfter(afterSeq); at < this.entries.length; at++) {
      const entity = this.entries[at]!;
      if (this.isLive(entity)) yield entity;
    }
  }
  /** Live entities in creation order (a Map iterates in insertion order, and an id is never inserted twice). */
  values(): IterableIterator<Entity> {
    return this.byId.values();
  }
  private isLive(entity: Entity): boolean {
    return this.byId.get(entity.id) === entity;
  }
  private compact(): void {
    this.entries = this.entries.filter((e) => this.isLive(e));
  }
  /** The first index whose seq is greater than `seq` (entries are in seq order: seqs only grow). */
  private firstIndexAfter(seq: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]!.seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export class Scope {
  readonly tables: Record<Kind, KindTable> = {
    connections: new KindTable(),
    sourceConnections: new KindTable(),
    targetConnections: new KindTable(),
    flows: new KindTable(),
  };
  constructor(
    readonly org: string,
    readonly sandbox: string,
  ) {}

  get(kind: Kind, id: string): Entity | undefined {
    return this.tables[kind].get(id);
  }
  /** Every entity of any kind that names `id` as a parent. */
  dependentsOf(id: string): Entity[] {
    const found: Entity[] = [];
    for (const kind of ['sourceConnections', 'targetConnections'] as const) {
      for (const entity of this.tables[kind].values()) if (entity.doc.baseConnectionId === id) found.push(entity);
    }
    for (const flow of this.tables.flows.values()) {
      if (idList(flow.doc.sourceConnectionIds).includes(id) || idList(flow.doc.targetConnectionIds).includes(id)) found.push(flow);
    }
    return found;
  }
}

export function idList(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export class Store {
  private readonly scopes = new Map<string, Scope>();
  private seq = 0;

  scope(org: string, sandbox: string): Scope {
    const key = `${org}\u0000${sandbox}`;
    let scope = this.scopes.get(key);
    if (!scope) {
      scope = new Scope(org, sandbox);
      this.scopes.set(key, scope);
    }
    return scope;
  }
  nextSeq(): number {
    return ++this.seq;
  }
  /**
   * ETAG-001/ETAG-003: If-Match as one operation. Compares `expectedEtag` (skipped when undefined) with the entity's
   * etag, then `prepare`s the write (it may refuse by throwing, leaving the entity as it was), then `set`s it. Nothing
   * runs between the compare and the set, so of N racing writers with the same etag exactly one wins, unless `between`
   * (only the fault `patch-check-then-act-race`, fault-seams.ts) yields to them. Answers false on a stale etag.
   */
  async compareAndSet<T>(
    entity: Entity, expectedEtag: string | undefined, prepare: () => T, set: (prepared: T) => void, between?: () => Promise<void>,
  ): Promise<boolean> {
    if (expectedEtag !== undefined && bareTag(expectedEtag) !== bareTag(entity.etag)) return false;
    const prepared = prepare();
    if (between) await between();
    set(prepared);
    return true;
  }
  /** Every entity with its sandbox (tests name what a run left behind). */
  *entities(): IterableIterator<{ sandbox: string; entity: Entity }> {
    for (const scope of this.scopes.values()) for (const kind of Object.values(scope.tables)) for (const entity of kind.values()) yield { sandbox: scope.sandbox, entity };
  }
  /** Total entities across scopes (benchmarks and tests read it). */
  get size(): number {
    let total = 0;
    for (const scope of this.scopes.values()) for (const kind of Object.values(scope.tables)) total += kind.size;
    return total;
  }
}

let etagCounter = 0;
/** ETAG-004: a quoted entity-tag shaped like the service's (`"<8 hex>-0000-0200-0000-<12 hex>"`); UPD-002: unique per write. */
export function newEtag(): string {
  etagCounter = (etagCounter + 1) >>> 0;
  const stamp = Math.floor(Date.now() / 1000).toString(16).padStart(12, '0');
  return `"${etagCounter.toString(16).padStart(8, '0')}-${(process.pid & 0xffff).toString(16).padStart(4, '0')}-0200-0000-${stamp}"`;
}

/** If-Match is compared without quotes or a weak prefix: update.md sends it unquoted, other pages quoted. */
export function bareTag(tag: string): string {
  return tag.trim().replace(/^W\//, '').replace(/^"(.*)"$/s, '$1');
}
