// A tiny in-memory Flow Service behind the few FlowClient calls the model's commands make, so the model-based part can
// be run in a unit test with a fake clock: conformant by default, or with publish not checking parents (a fault the
// model must find). Every exchange goes through a real Recorder, as the kit's client sends it.
import type { Builders } from '../../suites/support/builders.ts';
import type { FlowClient } from '../../suites/support/client.ts';
import type { Kind } from '../../kit/kinds.ts';
import type { Exchange } from '../../kit/exchange.ts';
import type { Recorder } from '../../suites/support/recorder.ts';

interface Stored {
  kind: Kind;
  state: string;
  etag: string;
  parents: string[];
}

export interface FakeOptions {
  /** Publish without looking at parents (breaks ORD-003/ORD-007). */
  publishIgnoresParents?: boolean;
  /** Every create answers the same id, as a target breaking DRAFT-012 does. */
  reuseIds?: boolean;
  /** Called once per request: a fake clock advances here. */
  onRequest?: () => void;
}

export function fakeTarget(recorder: Recorder, options: FakeOptions = {}): { api: FlowClient; build: Builders; requests: () => number } {
  const store = new Map<string, Stored>();
  let next = 0;
  let requests = 0;
  const answer = (method: string, path: string, status: number, body?: unknown): Exchange => {
    requests++;
    options.onRequest?.();
    const text = body === undefined ? '' : JSON.stringify(body);
    const exchange: Exchange = {
      operationId: undefined, durationMs: 0,
      request: { method, url: `http://fake.invalid/flowservice${path}`, headers: {} },
      response: { status, headers: {}, body, text },
    };
    recorder.record(exchange);
    return exchange;
  };
  const etag = () => `"${++next}"`;
  const isDraft = (id: string) => store.get(id)?.state === 'draft';
  const api = {
    async create(kind: Kind, body: { parents: string[] }, mode: string | null) {
      if (mode !== 'draft' && body.parents.some(isDraft)) return answer('POST', `/${kind}`, 400, { message: 'names a draft' });
      const id = options.reuseIds ? 'the-one-id' : `${kind}-${++next}`;
      const stored: Stored = { kind, state: mode === 'draft' ? 'draft' : 'enabled', etag: etag(), parents: body.parents };
      store.set(id, stored);
      return answer('POST', `/${kind}${mode ? `?mode=${mode}` : ''}`, 201, { id, etag: stored.etag });
    },
    async get(kind: Kind, id: string) {
      const stored = store.get(id);
      return stored ? answer('GET', `/${kind}/${id}`, 200, { items: [{ id, state: stored.state, etag: stored.etag }] }) : answer('GET', `/${kind}/${id}`, 404, {});
    },
    async settled(kind: Kind, id: string) {
      const exchange = await api.get(kind, id);
      const items = (exchange.response?.body as { items?: Record<string, unknown>[] }).items;
      return { exchange, item: items?.[0], waitedMs: 0 };
    },
    async patch(kind: Kind, id: string, instructions: { op: string; value: string }[], ifMatch: string | undefined) {
      const stored = store.get(id);
      if (!stored) return answer('PATCH', `/${kind}/${id}`, 404, {});
      if (ifMatch !== stored.etag) return answer('PATCH', `/${kind}/${id}`, 412, {});
      for (const instruction of instructions) {
        if (instruction.op !== 'add') continue;
        if (stored.state !== 'draft' && isDraft(instruction.value)) return answer('PATCH', `/${kind}/${id}`, 400, {});
        stored.parents.push(instruction.value);
      }
      stored.etag = etag();
      return answer('PATCH', `/${kind}/${id}`, 200, { id, etag: stored.etag });
    },
    async action(kind: Kind, id: string) {
      const stored = store.get(id);
      if (!stored) return answer('POST', `/${kind}/${id}/action?op=publish`, 404, {});
      if (!options.publishIgnoresParents && stored.parents.some((p) => !store.has(p) || isDraft(p))) return answer('POST', `/${kind}/${id}/action?op=publish`, 400, {});
      stored.state = 'enabled';
      stored.etag = etag();
      return answer('POST', `/${kind}/${id}/action?op=publish`, 200, { id, etag: stored.etag });
    },
    async remove(kind: Kind, id: string) {
      return answer('DELETE', `/${kind}/${id}`, store.delete(id) ? 204 : 404);
    },
  };
  const build = {
    base: () => ({ parents: [] }),
    source: (base: string | undefined) => ({ parents: base ? [base] : [] }),
    targetConnection: () => ({ parents: [] }),
    flow: (sources: string[], targets: string[]) => ({ parents: [...sources, ...targets] }),
  };
  return { api: api as unknown as FlowClient, build: build as unknown as Builders, requests: () => requests };
}
