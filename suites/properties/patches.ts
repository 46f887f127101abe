// The PATCH operations' properties, one requirement each. Every case patches one live entity the test created, with
// the etag a GET just showed, so If-Match is never what refuses a patch; valid patches are built from the entity's
// fields and the create schema's types, invalid ones are named mutations of a valid one.
import fc from 'fast-check';
import { createOperationOf, mutate, mutationPicks, patchMutations } from '../../schemas/body-mutations.ts';
import { patchBodies, type Body, type PatchInstruction } from '../../schemas/request-bodies.ts';
import type { Builders } from '../support/builders.ts';
import { isSuccess, type FlowClient } from '../support/client.ts';
import type { Kind } from '../../kit/kinds.ts';
import type { Steps } from '../support/steps.ts';
import { expectFact, expectStatus, requireEvidence } from '../support/verdicts.ts';
import { expectNo5xx, expectSchema, isServerError } from './creates.ts';
import type { Sending } from './run-property.ts';

export interface PatchCase {
  patch: PatchInstruction[];
  picks: number[];
}

export interface Patched {
  kind: Kind;
  id: string;
  /** The entity as GET showed it after it was created. */
  entity: Body;
}

/** The live entity the property patches, with what it names created first. */
export async function entityToPatch(kind: Kind, steps: Steps, build: Builders, targetNeedsBase: boolean): Promise<Patched> {
  let body: Body;
  if (kind === 'connections') body = build.base();
  else if (kind === 'flows') {
    const { source, target } = await steps.liveConnections();
    body = build.flow([source.id], [target.id]);
  } else {
    const base = kind === 'sourceConnections' || targetNeedsBase ? (await steps.nonDraft('connections', build.base())).id : undefined;
    body = kind === 'sourceConnections' ? build.source(base) : build.targetConnection(base);
  }
  const made = await steps.nonDraft(kind, body);
  const { item } = await steps.read(kind, made.id);
  return { kind, id: made.id, entity: item };
}

export function patchCases(operationId: string, patched: Patched, namePrefix: string, schemaFields: boolean): fc.Arbitrary<PatchCase> {
  return fc.record({
    patch: patchBodies(operationId, { createOperationId: createOperationOf(operationId), namePrefix, entity: patched.entity, schemaFields }),
    picks: mutationPicks(patchMutations(operationId, patched.entity).length),
  });
}

/** The entity's etag now, as a GET shows it: what every patch of a case is sent with. */
async function currentEtag(api: FlowClient, patched: Patched): Promise<{ item: Body; etag: string }> {
  const { item, exchange } = await api.settled(patched.kind, patched.id);
  requireEvidence(exchange.response?.status === 200 && item !== undefined, `the ${api.describe(patched.kind)} ${patched.id} read back`, `GET answered ${exchange.response?.status ?? 'nothing'} — see DRAFT-007`, exchange);
  return { item, etag: String(item.etag) };
}

const where = (patched: Patched) => `PATCH /${patched.kind}/${patched.id}`;

/** API-007: no valid patch and no mutation of it gets a 5xx answer. */
export async function patchNever5xx(api: FlowClient, operationId: string, patched: Patched, value: PatchCase, sending: Sending): Promise<number> {
  const { etag } = await currentEtag(api, patched);
  const mutations = patchMutations(operationId, patched.entity);
  // the refused patches first, with the etag just read; the valid one last (it changes the etag)
  for (const [i, mutation] of mutations.entries()) {
    const mutated = mutate(operationId, mutation, value.patch, value.picks[i] ?? 0);
    Object.assign(sending, { request: where(patched), mutation: mutated.label, body: mutated.body });
    expectNo5xx(await api.patch(patched.kind, patched.id, mutated.body, etag), mutated.label);
  }
  Object.assign(sending, { request: where(patched), mutation: undefined, body: value.patch });
  expectNo5xx(await api.patch(patched.kind, patched.id, value.patch, etag), undefined);
  return mutations.length + 1;
}

/** API-008: the 2xx answer to a valid patch, and the GET after it, validate against their schemas. */
export async function patchAnswersValidate(api: FlowClient, operationId: string, patched: Patched, value: PatchCase, sending: Sending): Promise<number> {
  const { etag } = await currentEtag(api, patched);
  Object.assign(sending, { request: where(patched), body: value.patch });
  const exchange = await api.patch(patched.kind, patched.id, value.patch, etag);
  if (!isSuccess(exchange)) return 0; // a documented 4xx: nothing for API-008 to judge
  expectSchema(exchange, operationId);
  const read = await api.get(patched.kind, patched.id);
  if (read.response?.status !== 200) return 1;
  expectSchema(read, operationId.replace(/^patch/, 'get'));
  return 2;
}

/** The fields a GET shows that a patch of `paths` could have changed: the etag, and each top-level field it names. */
function touched(item: Body, patches: unknown[]): Record<string, unknown> {
  const fields = new Set(['etag', 'name', 'description']);
  for (const patch of patches) {
    for (const instruction of Array.isArray(patch) ? patch : []) {
      const path = (instruction as { path?: unknown } | null)?.path;
      if (typeof path === 'string') fields.add(path.split('/')[1] ?? '');
    }
  }
  return Object.fromEntries([...fields].filter(Boolean).map((field) => [field, item[field]]));
}

/**
 * API-011: every mutation of a valid patch is refused with 4xx and changes nothing a GET shows (the etag and every
 * field the patches name), beside the control: the valid patch itself, with the same If-Match, then succeeds.
 */
export async function patchRefusesInvalid(api: FlowClient, operationId: string, patched: Patched, value: PatchCase, sending: Sending): Promise<number> {
  const before = await currentEtag(api, patched);
  const sent: unknown[] = [];
  let judged = 0;
  for (const [i, mutation] of patchMutations(operationId, patched.entity).entries()) {
    const mutated = mutate(operationId, mutation, value.patch, value.picks[i] ?? 0);
    Object.assign(sending, { request: where(patched), mutation: mutated.label, body: mutated.body });
    const exchange = await api.patch(patched.kind, patched.id, mutated.body, before.etag);
    sent.push(mutated.body);
    if (isServerError(exchange)) continue;
    expectStatus(exchange, '4xx', 'API-011', `the patch has ${mutated.label}`);
    judged++;
  }
  Object.assign(sending, { request: `GET /${patched.kind}/${patched.id}`, mutation: 'any of the refused patches', body: undefined });
  const after = await api.settled(patched.kind, patched.id);
  const was = touched(before.item, sent);
  const now = touched(after.item ?? {}, sent);
  expectFact(JSON.stringify(now) === JSON.stringify(was), 'API-011', `${JSON.stringify(was)} unchanged after the refused patches`, now, after.exchange);
  Object.assign(sending, { request: `${where(patched)} (the control: the valid patch)`, mutation: undefined, body: value.patch });
  const control = await api.patch(patched.kind, patched.id, value.patch, before.etag);
  requireEvidence(isSuccess(control), 'API-011', 'the valid patch, with the same If-Match, to succeed after the refused ones (the control)', `it answered ${control.response?.status ?? 'nothing'} — see UPD-001, ETAG-001`, control);
  return judged;
}
