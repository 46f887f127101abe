// Publishing a draft (`POST /{collection}/{id}/action?op=publish`): which op publishes, what may be published, the
// publish order, and what a publish changes and answers. Enable and disable of a flow, outside the subset, are
// flow-state.ts's.
import type { components } from '../../generators/generated/flow-service.d.ts';
import type { Caller, Reply } from '../caller.ts';
import { notFound, touch } from '../entities.ts';
import { ApiError } from '../errors.ts';
import type { FaultSeams } from '../fault-seams.ts';
import { changeFlowState, stateOpOf } from '../flow-state.ts';
import { DRAFT, parentsOf, TRANSITIONS } from '../lifecycle.ts';
import type { Entity, Kind, Scope } from '../store.ts';
import { incompleteness } from './completeness.ts';

/** The answer of a write (OAS `WriteAnswer`): the entity's id and its new etag. */
type WriteAnswer = components['schemas']['WriteAnswer'];

/** POST /{collection}/{id}/action?op=… */
export function actOnEntity(caller: Caller, kind: Kind, id: string, op: string | null): Reply {
  const { scope, seams } = caller;
  const entity = scope.get(kind, id);
  const known = isPublish(op, seams);
  if (!entity) throw seams.missingActionTarget(id, notFound(kind, id));
  const stateOp = kind === 'flows' && !known ? stateOpOf(op) : undefined;
  if (stateOp) return changeFlowState(entity, stateOp);
  if (!known && !seams.unknownOpPublishes()) {
    throw new ApiError('unknown-op', `Unsupported action operation '${op ?? ''}'; supported: publish.`);
  }
  checkIsDraft(entity, seams);
  const blocker = publishBlocker(scope, entity, seams);
  if (blocker) throw blocker;
  return publish(entity, seams);
}

/**
 * PUB-012: `op=publish` in any case publishes (the tutorial writes it in lower case, the OAS enum upper case). PUB-008:
 * any other op answers 400 (E 1435-400) and changes nothing. PUB-007 (missingActionTarget): an id that names nothing
 * answers 404, whatever the op.
 */
function isPublish(op: string | null, seams: FaultSeams): boolean {
  return op !== null && (seams.opMatchesAnyCase() ? op.toLowerCase() === 'publish' : op === 'publish');
}

/** PUB-009: only a draft is published (E 1421-400); a published entity stays published and no second one appears. */
function checkIsDraft(entity: Entity, seams: FaultSeams): void {
  if (entity.state === TRANSITIONS.publish.from) return;
  throw seams.notADraftError(new ApiError('not-a-draft', `The ${entity.kind} entity '${entity.id}' is not a draft (state '${entity.state}').`));
}

/**
 * Why a draft may not be published now, or undefined when it may. PUB-010: a base connection's auth params satisfy
 * its auth spec. ORD-001/ORD-002: a source or target connection publishes only once its base connection is live.
 * ORD-003/ORD-004: a flow publishes only when every one of its source and target connections is live, not only the
 * first. ORD-005: an entity created under a draft parent publishes once that parent has been.
 */
export function publishBlocker(scope: Scope, entity: Entity, seams: FaultSeams): ApiError | undefined {
  if (seams.publishRefusedForBirth(entity)) return new ApiError('parent-is-draft', 'An entity created under a draft parent cannot be published.');
  if (entity.kind === 'connections') return seams.publishSkipsAuth() ? undefined : incompleteness('connections', entity.doc);
  for (const parent of checkedParents(entity, seams)) {
    if (scope.get(parent.kind, parent.id)?.state === DRAFT) {
      return new ApiError('parent-is-draft', `Publish the ${parent.kind} entity '${parent.id}' first: it is still a draft.`);
    }
  }
  return incompleteness(entity.kind, entity.doc);
}

/** ORD-001, ORD-002, ORD-003, ORD-004, ORD-007: the parents whose state a publish looks at: every one the entity names. */
function checkedParents(entity: Entity, seams: FaultSeams): { kind: Kind; id: string }[] {
  const parents = parentsOf(entity.kind, entity.doc);
  if (entity.kind !== 'flows') return seams.publishIgnoresBase(entity.kind) ? [] : parents;
  const sources = seams.publishSources(entity, parents.filter((p) => p.kind === 'sourceConnections'));
  const targets = seams.publishTargets(parents.filter((p) => p.kind === 'targetConnections'));
  return [...sources, ...targets];
}

/**
 * PUB-001, PUB-002, PUB-003, PUB-004: publish takes a draft of each kind to a live state; PUB-011: `enabled`, the
 * state every live example shows. PUB-006: the etag moves; PUB-005: the answer carries the etag a following GET shows.
 */
function publish(entity: Entity, seams: FaultSeams): Reply {
  const before = entity.etag;
  if (seams.publishTransitions(entity.kind)) {
    entity.state = seams.publishedState(TRANSITIONS.publish.to);
    // no document shows lastOperation after op=publish: the action's own name, as enable is shown as "enable" (DECISIONS)
    entity.lastOperation = { started: Date.now(), updated: entity.lastOperation?.updated ?? 0, operation: 'publish' };
  }
  if (seams.publishMovesEtag()) touch(entity);
  const answer: WriteAnswer = { id: entity.id, etag: seams.shownEtag(seams.publishAnsweredEtag(before, entity.etag)) };
  return { status: 200, body: answer };
}
