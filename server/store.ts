// In-memory storage, one scope per (org, sandbox). Entities are kept per kind in creation order so that an
// unfiltered page costs O(limit) however many entities exist: continuation tokens carry a creation sequence number,
// and deletions leave holes that are compacted once they outnumber the live entries.

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
  /** Whether the entity was patched since its creation (only the fault `flow-publish-checks-first-source-once-patched` reads it). */
  patched?: boolean;
  /** The last GET view, serialised, and the etag it was made for. */
  view?: { etag: string; json: string };
  /** Whether a parent was a draft when this entity was created (only a fault reads it). */
  bornUnderDraftParent?: boolean;
}

class KindTable {
  private entries: (Entity | undefined)[] = [];
  private readonly byId = new Map<string, Entity>();
  private holes = 0;

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
    const entity = this.byId.get(id);
    if (!entity) return false;
    this.byId.delete(id);
    const at = this.indexOfSeq(entity.seq);
    if (at >= 0) this.entries[at] = undefined;
    if (++this.holes > 64 && this.holes > this.byId.size) this.compact();
    return true;
  }
  /** Live entities with seq > afterSeq, in creation order. */
  *from(afterSeq: number): Generator<Entity> {
    let at = afterSeq < 0 ? 0 : this.firstIndexAfter(afterSeq);
    for (; at < this.entries.length; at++) {
      const entity = this.entries[at];
      if (entity) yield entity;
    }
  }
  values(): IterableIterator<Entity> {
    return this.byId.values();
  }
  private compact(): void {
    this.entries = this.entries.filter((e): e is Entity => e !== undefined);
    this.holes = 0;
  }
  private indexOfSeq(seq: number): number {
    const at = this.firstIndexAfter(seq - 1);
    return this.entries[at]?.seq === seq ? at : -1;
  }
  /** Binary search over the seq order, skipping holes by probing neighbours. */
  private firstIndexAfter(seq: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      let probe = mid;
      while (probe < hi && this.entries[probe] === undefined) probe++;
      const entity = this.entries[probe];
      if (entity === undefined) {
        hi = mid;
      } else if (entity.seq <= seq) {
        lo = probe + 1;
      } else {
        hi = mid;
      }
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
  /** Total entities across scopes (benchmarks and tests read it). */
  get size(): number {
    let total = 0;
    for (const scope of this.scopes.values()) for (const kind of Object.values(scope.tables)) total += kind.size;
    return total;
  }
}

let etagCounter = 0;
/** A quoted entity-tag shaped like the service's (`"<8 hex>-0000-0200-0000-<12 hex>"`), unique per write. */
export function newEtag(): string {
  etagCounter = (etagCounter + 1) >>> 0;
  const stamp = Math.floor(Date.now() / 1000).toString(16).padStart(12, '0');
  return `"${etagCounter.toString(16).padStart(8, '0')}-${(process.pid & 0xffff).toString(16).padStart(4, '0')}-0200-0000-${stamp}"`;
}
