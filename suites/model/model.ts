// The model for ORD-007: a few maps and the documented rules, far simpler than any server. It predicts only what the
// catalogue fixes; where the catalogue leaves an outcome open, it says so and the command adopts the server's answer.
import type { Kind } from '../../kit/kinds.ts';

export type Outcome = '2xx' | '4xx' | 'either';

export interface ModelEntity {
  kind: Kind;
  id: string;
  draft: boolean;
  etag: string;
  parents: string[];
  /** Adopted from an open outcome (a SHOULD outside --strict): the invariants no longer speak for it. */
  unsound: boolean;
}

export class Model {
  readonly entities = new Map<string, ModelEntity>();
  constructor(readonly strict: boolean) {}

  ofKind(kind: Kind): ModelEntity[] {
    return [...this.entities.values()].filter((e) => e.kind === kind);
  }

  /** Counts from the newest, so that small indexes (which fast-check favours and shrinks towards) name recent entities. */
  pick(kind: Kind, index: number): ModelEntity | undefined {
    const all = this.ofKind(kind);
    return all.length === 0 ? undefined : all[all.length - 1 - (index % all.length)];
  }

  dependents(id: string): ModelEntity[] {
    return [...this.entities.values()].filter((e) => e.parents.includes(id));
  }

  /**
   * DRAFT-006: drafts may name drafts. ORD-006 (SHOULD): a non-draft may not name a draft. A parent the model has
   * stopped vouching for (its own parent was deleted, or it was adopted from an open outcome) fixes nothing: whether
   * anything may name it is up to the implementation.
   */
  predictCreate(draft: boolean, parents: ModelEntity[]): Outcome {
    if (parents.some((p) => p.unsound)) return 'either';
    if (draft) return '2xx';
    if (parents.some((p) => p.draft)) return this.strict ? '4xx' : 'either';
    return '2xx';
  }

  /** PUB-001..004, ORD-001..005, PUB-009. */
  predictPublish(entity: ModelEntity): Outcome {
    if (!entity.draft) return 'either';
    const parents = entity.parents.map((id) => this.entities.get(id));
    if (parents.some((p) => p === undefined || p.unsound)) return 'either';
    return parents.some((p) => p!.draft) ? '4xx' : '2xx';
  }

  /**
   * A reference added by PATCH: a live entity coming to name a draft is ORD-006's rule met by another road, so it has
   * ORD-006's level (SHOULD: 4xx under --strict, else open). An accepted one leaves the entity unsound, so ORD-007's
   * MUST invariant (violations) keeps speaking only for what the rules fix.
   */
  predictAddReference(entity: ModelEntity, parent: ModelEntity): Outcome {
    if (entity.unsound || parent.unsound) return 'either';
    if (!entity.draft && parent.draft) return this.strict ? '4xx' : 'either';
    return '2xx';
  }

  /** DEL-001; deleting what another entity names is left open (DEL-002 is a SHOULD about flows only). */
  predictDelete(entity: ModelEntity): Outcome {
    return this.dependents(entity.id).length > 0 ? 'either' : '2xx';
  }

  remove(id: string): void {
    this.entities.delete(id);
    for (const dependent of this.dependents(id)) dependent.unsound = true;
  }

  /** Live entities naming a draft: what ORD-007 says must never exist. */
  violations(): string[] {
    const found: string[] = [];
    for (const entity of this.entities.values()) {
      if (entity.draft || entity.unsound) continue;
      for (const parentId of entity.parents) {
        const parent = this.entities.get(parentId);
        if (parent?.draft) found.push(`live ${entity.kind} ${entity.id} names the draft ${parent.kind} ${parent.id}`);
      }
    }
    return found;
  }
}
