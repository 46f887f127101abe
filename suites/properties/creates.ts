// The create operations' properties, one requirement each, so a failure of one never fails another's tag. What every
// case needs: the fields the kit fixes (the spec, the entities the body names, created by the test, the auth from
// the spec's authSpec, the config's params), then bodies generated from the request schema around them.
import fc from 'fast-check';
import { createMutations, mutate, mutationPicks } from '../../schemas/body-mutations.ts';
import { createBodies, type Body } from '../../schemas/request-bodies.ts';
import { validateResponse } from '../../schemas/validators.ts';
import type { Builders } from '../support/builders.ts';
import { bodyOf, type FlowClient } from '../support/client.ts';
import { expectNoneNamed, requireListedByName } from '../support/listing.ts';
import type { Kind } from '../../kit/kinds.ts';
import type { Exchange } from '../../kit/exchange.ts';
import type { Steps } from '../support/steps.ts';
import { expectFact, expectStatus, RequirementFailure, where } from '../support/verdicts.ts';
import type { Sending } from './run-property.ts';

export interface CreateCase {
  body: Body;
  mode: string | null;
  picks: number[];
}

/** A body the builders make, less what the generator makes itself: the fields every generated body keeps. */
function fixedOf(body: Body): Body {
  const { name: _name, description: _description, ...fixed } = body;
  return fixed;
}

/** The entities a body of `kind` names, created live (no draft support needed), and the fields the kit fixes. */
export async function fixedFields(kind: Kind, steps: Steps, build: Builders, targetNeedsBase: boolean): Promise<Body> {
  switch (kind) {
    case 'connections':
      return fixedOf(build.base());
    case 'sourceConnections':
      return fixedOf(build.source((await steps.nonDraft('connections', build.base())).id));
    case 'targetConnections':
      return fixedOf(build.targetConnection(targetNeedsBase ? (await steps.nonDraft('connections', build.base())).id : undefined));
    case 'flows': {
      const { source, target } = await steps.liveConnections();
      return fixedOf(build.flow([source.id], [target.id]));
    }
  }
}

/** Cases of `operationId`: a generated body, a mode the target supports for it, and a pick for each mutation. */
export function createCases(operationId: string, fixed: Body, namePrefix: string, schemaFields: boolean, modes: (string | null)[]): fc.Arbitrary<CreateCase> {
  return fc.record({
    body: createBodies(operationId, { namePrefix, fixed, schemaFields }),
    mode: fc.constantFrom(...modes),
    picks: mutationPicks(createMutations(operationId).length),
  });
}

const query = (mode: string | null) => (mode === null ? '' : `?mode=${mode}`);

/** A 5xx is API-007's, which judges every exchange: the other properties leave that answer to it. */
export function isServerError(exchange: Exchange): boolean {
  return (exchange.response?.status ?? 0) >= 500;
}

/** API-007 for one exchange: answered (else the kit could not ask), and below 500. */
export function expectNo5xx(exchange: Exchange, label: string | undefined): void {
  // no answer at all says nothing about the rule: the kit could not ask
  if (!exchange.response) expectStatus(exchange, '2xx', 'API-007');
  if (!isServerError(exchange)) return;
  const text = exchange.response!.text.replace(/\s+/g, ' ').trim();
  throw new RequirementFailure(`${where(exchange)}: expected no 5xx for ${label ? `a body with ${label}` : 'a valid body'}, received ${exchange.response!.status}${text ? ` ${text.slice(0, 300)}` : ''} [API-007]`, exchange);
}

/** API-007: no valid body and no mutation of it gets a 5xx answer. */
export async function createNever5xx(api: FlowClient, kind: Kind, operationId: string, value: CreateCase, sending: Sending): Promise<number> {
  const bodies = [{ body: value.body, mode: value.mode, label: undefined as string | undefined }];
  createMutations(operationId).forEach((mutation, i) => {
    const mutated = mutate(operationId, mutation, value.body, value.picks[i] ?? 0);
    bodies.push({ body: mutated.body, mode: null, label: mutated.label });
  });
  for (const { body, mode, label } of bodies) {
    Object.assign(sending, { request: `POST /${kind}${query(mode)}`, mutation: label, body });
    expectNo5xx(await api.create(kind, body, mode), label);
  }
  return bodies.length;
}

/** API-008: the 2xx answer to a valid body, and the GET of what it created, validate against their schemas. */
export async function createAnswersValidate(api: FlowClient, kind: Kind, operationId: string, value: CreateCase, sending: Sending): Promise<number> {
  Object.assign(sending, { request: `POST /${kind}${query(value.mode)}`, body: value.body });
  const exchange = await api.create(kind, value.body, value.mode);
  const status = exchange.response?.status ?? 0;
  if (status < 200 || status >= 300) return 0; // a documented 4xx: nothing for API-008 to judge
  expectSchema(exchange, operationId);
  const id = bodyOf(exchange).id;
  if (typeof id !== 'string' || id === '') return 1;
  const read = await api.get(kind, id);
  if ((read.response?.status ?? 0) !== 200) return 1;
  expectSchema(read, `get${operationId.slice('create'.length)}`);
  return 2;
}

/** API-008 in the property's own words (the recorder judges the same answer for every test, without the body). */
export function expectSchema(exchange: Exchange, operationId: string): void {
  const { status, body } = exchange.response!;
  const result = validateResponse(operationId, status, body);
  if (!result.valid) {
    throw new RequirementFailure(`${where(exchange)}: expected a ${status} body valid against the ${operationId} schema, received ${result.errors.slice(0, 3).join('; ')} [API-008]`, exchange);
  }
}

/**
 * API-011: every mutation of a valid body is refused with 4xx and creates nothing (no entity of its name in a list),
 * beside the control: the valid body itself is created and listed by its name.
 */
export async function createRefusesInvalid(api: FlowClient, steps: Steps, kind: Kind, operationId: string, value: CreateCase, sending: Sending): Promise<number> {
  const sent: { name: string; label: string }[] = [];
  let judged = 0;
  for (const [i, mutation] of createMutations(operationId).entries()) {
    const name = `${String(value.body.name)}-m${i}`;
    const mutated = mutate(operationId, mutation, { ...value.body, name }, value.picks[i] ?? 0);
    Object.assign(sending, { request: `POST /${kind}`, mutation: mutated.label, body: mutated.body });
    const exchange = await api.create(kind, mutated.body, null);
    sent.push({ name, label: mutated.label });
    if (isServerError(exchange)) continue;
    expectStatus(exchange, '4xx', 'API-011', `the body has ${mutated.label}`);
    judged++;
  }
  for (const { name, label } of sent) {
    Object.assign(sending, { request: `GET /${kind}?property=name==…`, mutation: label, body: undefined });
    await expectNoneNamed(api, kind, name, 'API-011', `the refused create (${label})`);
  }
  Object.assign(sending, { request: `POST /${kind} (the control: the valid body)`, mutation: undefined, body: value.body });
  const made = await steps.nonDraft(kind, value.body);
  await requireListedByName(api, kind, String(value.body.name), made.id, 'API-011');
  return judged;
}

/**
 * DRAFT-001..004: a valid draft body answers 2xx with a non-empty string id and a string etag, and that id reads back
 * as the entity created, under the generated name.
 */
export async function draftCreated(api: FlowClient, steps: Steps, kind: Kind, requirement: string, value: CreateCase, sending: Sending): Promise<number> {
  Object.assign(sending, { request: `POST /${kind}?mode=draft`, body: value.body });
  const exchange = await api.create(kind, value.body, 'draft');
  if (isServerError(exchange)) return 0;
  expectStatus(exchange, '2xx', requirement, 'a valid draft body, generated from the request schema');
  const answer = bodyOf(exchange);
  expectFact(typeof answer.id === 'string' && answer.id !== '' && typeof answer.etag === 'string', requirement, 'a non-empty string id and a string etag', answer, exchange);
  const id = steps.adopt(exchange, value.body, true, `create a draft ${api.describe(kind)}`, requirement);
  await steps.read(kind, id);
  return 1;
}
