// Enabling and disabling a flow, outside the kit's subset (issue 11, item 2). EN
// `help/destinations/api/update-destination-dataflows.md`: "POST /flows/{FLOW_ID}/action?op=enable or disable", sent
// with no If-Match, no body and no Content-Type; "A successful response returns your flow ID and an updated etag"
// (`{id, etag}`; OAS l.1705: 200 CreateFlowResponse). DEST-OAS: a flow's state "can be `enabled` or `disabled`".
import { ApiError } from './errors.ts';
import type { Reply } from './caller.ts';
import { DRAFT } from './lifecycle.ts';
import { newEtag, type Entity } from './store.ts';

export const STATE_OPS = { enable: 'enabled', disable: 'disabled' } as const;
export type StateOp = keyof typeof STATE_OPS;

/** `enable`/`disable` in any case: the docs send lower case, the OAS enum is `ENABLE, DISABLE` (DECISIONS #2, #35). */
export function stateOpOf(op: string | null): StateOp | undefined {
  const lower = op?.toLowerCase();
  return lower === 'enable' || lower === 'disable' ? lower : undefined;
}

/**
 * Moves a flow between enabled and disabled. Refusals are the catalogue's `1422-400` "The action disable cannot be
 * applied on the current state {state}." (EN `help/sources/errors/flow-service-errors.md`): a draft can be neither
 * enabled nor disabled (it is not live until published), and an action that would leave the state as it is (disable a
 * disabled flow, enable an enabled one) is refused the same way (DECISIONS #36: re-enabling is undocumented).
 */
export function changeFlowState(flow: Entity, op: StateOp): Reply {
  const target = STATE_OPS[op];
  if (flow.state === DRAFT || flow.state === target) {
    throw new ApiError('action-not-allowed', `The action ${op} cannot be applied on the current state ${flow.state}.`);
  }
  flow.state = target;
  // the docs show an enabled flow's lastOperation as "enable" (DECISIONS #27); disable likewise
  flow.lastOperation = { started: Date.now(), updated: flow.lastOperation?.updated ?? 0, operation: op };
  // a write: the etag moves, as the docs' "an updated etag" says
  flow.previousEtag = flow.etag;
  flow.etag = newEtag();
  flow.updatedAt = Date.now();
  return { status: 200, body: { id: flow.id, etag: flow.etag } };
}
