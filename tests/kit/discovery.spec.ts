// Discovery never goes on with a spec nobody asked for: a target that answers GET /connectionSpecs/{id} with another
// spec (a stateless mock's canned example) leaves that spec unavailable, and the draft checks that need it are the
// kit's error (could not check), not run on nonsense auth params generated from the wrong spec.
import { expect, test } from '@playwright/test';
import { FlowClient } from '../../suites/support/client.ts';
import { DEFAULTS } from '../../kit/config.ts';
import { discover, draftsUnsupported, specWithoutDrafts } from '../../suites/support/discovery.ts';
import { Recorder } from '../../suites/support/recorder.ts';
import { Redactor } from '../../kit/redact.ts';
import type { Target } from '../../suites/support/target.ts';
import type { Transport, WireRequest } from '../../suites/support/transport.ts';

const spec = (id: string, isDraftModeSupported: boolean) => ({ id, name: `spec ${id}`, attributes: { isDraftModeSupported }, authSpec: [] });

/** A target answering each path from `routes` (by path without query), 404 elsewhere; `null` never answers. */
function clientFor(routes: Record<string, unknown>): FlowClient {
  const transport: Transport = {
    name: 'node',
    async send(request: WireRequest) {
      const path = new URL(request.url).pathname.replace(/^\/base/, '');
      if (routes[path] === null) throw new Error('timeout: no answer');
      if (!(path in routes)) return { status: 404, headers: { 'content-type': 'application/json' }, text: '{"message":"no route"}' };
      return { status: 200, headers: { 'content-type': 'application/json' }, text: JSON.stringify(routes[path]) };
    },
    async dispose() {},
  };
  const target = {
    baseUrl: 'http://127.0.0.1:9/base', embedded: false, sandbox: 'prod', otherSandbox: undefined, strict: false, runId: 'fck-test', secrets: [],
    credentials: { accessToken: 't', apiKey: 'k', orgId: 'o' },
    config: { ...DEFAULTS, maxRetries: 0 },
  } as unknown as Target;
  return new FlowClient(transport, target, new Recorder(new Redactor([])));
}

const { sourceConnectionSpecId: source, targetConnectionSpecId: target, flowSpecId: flow } = DEFAULTS;

test('a spec answered under another id is unavailable, and a draft check needing it cannot check', async () => {
  const discovery = await discover(clientFor({
    [`/connectionSpecs/${source}`]: { items: [spec('00000000-canned-example', true)] },
    [`/connectionSpecs/${target}`]: { items: [spec(target, true)] },
    [`/flowSpecs/${flow}`]: { items: [spec(flow, true)] },
    '/connectionSpecs': { items: [] },
    '/flowSpecs': { items: [] },
  }));
  expect(discovery.sourceSpec).toBeUndefined();
  expect(discovery.targetSpec?.id).toBe(target);
  expect(discovery.problems.join()).toContain('another spec (00000000-canned-example)');
  expect(() => draftsUnsupported(discovery, ['source'])).toThrow(/CouldNotCheck|could not check/);
  expect(draftsUnsupported(discovery, ['target', 'flow'])).toBeUndefined();
});

test('the spec asked for is found inside items or bare; a spec without drafts is not-applicable, not an error', async () => {
  const discovery = await discover(clientFor({
    [`/connectionSpecs/${source}`]: spec(source, false),
    [`/connectionSpecs/${target}`]: { items: [spec('other', true), spec(target, true)] },
    [`/flowSpecs/${flow}`]: { items: [spec(flow, true)] },
    '/connectionSpecs': { items: [spec(source, false)] },
    '/flowSpecs': { items: [spec(flow, true)] },
  }));
  expect(draftsUnsupported(discovery, ['source'])).toMatch(/^not-applicable: /);
  expect(discovery.targetSpec?.id).toBe(target);
  expect(specWithoutDrafts(discovery, 'connectionSpecs', 'GATE-001')?.id).toBe(source);
  expect(specWithoutDrafts(discovery, 'flowSpecs', 'GATE-002')).toBeUndefined();
});

test('a spec list that times out or fails leaves the GATE checks unable to check, not not-applicable', async () => {
  const discovery = await discover(clientFor({
    [`/connectionSpecs/${source}`]: null,
    [`/flowSpecs/${flow}`]: { items: [spec(flow, true)] },
    '/connectionSpecs': null,
  }));
  expect(discovery.sourceSpec).toBeUndefined();
  expect(() => specWithoutDrafts(discovery, 'connectionSpecs', 'GATE-001')).toThrow(/\[GATE-001\]/);
  expect(() => specWithoutDrafts(discovery, 'flowSpecs', 'GATE-002')).toThrow(/answered 404/);
});
