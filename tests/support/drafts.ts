// Short-hands for the reference server's own tests: build entities of each kind (as drafts or not), read them back,
// publish them. Each helper fails the test with what was sent and what came back when the server refuses a step the
// test only uses as setup.
import { expect } from '@playwright/test';
import { kindLabel } from '../../kit/kinds.ts';
import { KINDS, type Kind } from '../../server/store.ts';
import { baseConnectionBody, completeAuth, flowBody, sourceConnectionBody, targetConnectionBody } from './bodies.ts';
import type { Answer, InProcessClient } from './in-process.ts';

export { KINDS, type Kind };

export interface Created {
  id: string;
  etag: string;
}

export interface Chain {
  base: Created;
  source: Created;
  target: Created;
  flow: Created;
}

/** How titles name one entity of each kind. */
export const NOUN: Record<Kind, string> = Object.fromEntries(KINDS.map((kind) => [kind, kindLabel(kind)])) as Record<Kind, string>;

export const quotedEtag = /^".+"$/;

/** The requirement each kind's draft create is filed under (DRAFT-001..004). */
export const DRAFT_CREATE_ID: Record<Kind, string> = {
  connections: 'DRAFT-001',
  sourceConnections: 'DRAFT-002',
  targetConnections: 'DRAFT-003',
  flows: 'DRAFT-004',
};

export function describeAnswer(method: string, path: string, answer: Answer): string {
  return `${method} ${path}: received ${answer.status} ${answer.text.slice(0, 300)}`;
}

/** POST /{kind} (with mode=draft unless `draft` is false) and expect 201. */
export async function create(api: InProcessClient, kind: Kind, body: unknown, draft = true): Promise<Created> {
  const path = `/${kind}${draft ? '?mode=draft' : ''}`;
  const answer = await api.post(path, body);
  expect(answer.status, describeAnswer('POST', path, answer)).toBe(201);
  return answer.body as Created;
}

export const createBase = (api: InProcessClient, draft = true, params: Record<string, string> = completeAuth) =>
  create(api, 'connections', baseConnectionBody(params), draft);
export const createSource = (api: InProcessClient, baseId: string, draft = true) =>
  create(api, 'sourceConnections', sourceConnectionBody(baseId), draft);
export const createTarget = (api: InProcessClient, draft = true, baseId?: string) =>
  create(api, 'targetConnections', { ...targetConnectionBody(), ...(baseId === undefined ? {} : { baseConnectionId: baseId }) }, draft);
export const createFlow = (api: InProcessClient, sources: string[], targets: string[], draft = true) =>
  create(api, 'flows', flowBody(sources, targets), draft);

/** Base, source, target and flow, each naming its parents; all drafts, or all created without mode. */
export async function chain(api: InProcessClient, draft = true): Promise<Chain> {
  const base = await createBase(api, draft);
  const source = await createSource(api, base.id, draft);
  const target = await createTarget(api, draft);
  const flow = await createFlow(api, [source.id], [target.id], draft);
  return { base, source, target, flow };
}

/** One entity of `kind`, with whatever parents it needs (drafts too when `draft`). */
export async function entityOf(api: InProcessClient, kind: Kind, draft = true): Promise<Created> {
  if (kind === 'connections') return createBase(api, draft);
  if (kind === 'targetConnections') return createTarget(api, draft);
  if (kind === 'sourceConnections') return createSource(api, (await createBase(api, draft)).id, draft);
  return (await chain(api, draft)).flow;
}

/** GET /{kind}/{id}, expect 200, and answer items[0]. */
export async function read(api: InProcessClient, kind: Kind, id: string, sandbox?: string): Promise<Record<string, any>> {
  const answer = await api.get(`/${kind}/${id}`, sandbox === undefined ? {} : { sandbox });
  expect(answer.status, describeAnswer('GET', `/${kind}/${id}`, answer)).toBe(200);
  expect(answer.body.items).toHaveLength(1);
  return answer.body.items[0];
}

export const stateOf = async (api: InProcessClient, kind: Kind, id: string) => (await read(api, kind, id)).state as string;

export const publish = (api: InProcessClient, kind: Kind, id: string, op = 'publish', sandbox?: string) =>
  api.post(`/${kind}/${id}/action?op=${op}`, undefined, sandbox === undefined ? {} : { sandbox });

/** Publish and expect 200. */
export async function published(api: InProcessClient, kind: Kind, id: string): Promise<Created> {
  const answer = await publish(api, kind, id);
  expect(answer.status, describeAnswer('POST', `/${kind}/${id}/action?op=publish`, answer)).toBe(200);
  return answer.body as Created;
}

/** How many entities of `kind` the list shows (count=true). */
export async function countOf(api: InProcessClient, kind: Kind, sandbox?: string): Promise<number> {
  const answer = await api.get(`/${kind}?count=true`, sandbox === undefined ? {} : { sandbox });
  expect(answer.status, describeAnswer('GET', `/${kind}?count=true`, answer)).toBe(200);
  return answer.body.count as number;
}

/** PATCH replace /name with the given If-Match. */
export const rename = (api: InProcessClient, kind: Kind, id: string, name: string, ifMatch: string | undefined) =>
  api.patch(`/${kind}/${id}`, [{ op: 'replace', path: '/name', value: name }], ifMatch);

/** Resolves after the clock has moved on, so entities created either side have different createdAt values. */
export async function nextMillisecond(): Promise<number> {
  const start = Date.now();
  while (Date.now() <= start) await new Promise((resolve) => setTimeout(resolve, 1));
  return start;
}
