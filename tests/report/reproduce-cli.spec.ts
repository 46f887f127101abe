// A scenario failure through the real CLI (embedded, with a fault mode): results.json's evidence marks the failing
// request as the culprit, lists before it the setup that created every id it names, and after it only cleanup; and
// what the Reproduce advice says works: a server started as it says (same faults, its credentials from the printed
// environment) answers the listed setup and then the culprit as the run's server did.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { acceptedCredentialsFromEnv } from '../../server/index.ts';
import { startReferenceServer } from '../../server/listen.ts';
import { pathOf, type Exchange } from '../../kit/exchange.ts';
import { readResults, runCli } from '../support/run-cli.ts';

const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin) as unknown as (ajv: Ajv) => Ajv;
const FAULT = 'flow-publish-checks-first-source-only';

type Body = { id?: string; sourceConnectionIds?: string[]; targetConnectionIds?: string[]; baseConnectionId?: string };
const bodyOf = (x: Exchange | undefined) => (x?.response?.body ?? {}) as Body;
const sentOf = (x: Exchange | undefined) => (x?.request.body ?? {}) as Body;

test('a scenario failure: the culprit is the failing publish, after the setup that created its ids, and it reproduces', async ({}, testInfo) => {
  const dir = testInfo.outputPath('report');
  const run = await runCli(['--requirement', 'ORD-003', '--fault', FAULT, '--report-dir', dir]);
  expect(run.code, run.stdout + run.stderr).toBe(1);
  const results = readResults(dir);
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync('specs/results.schema.json', 'utf8')));
  expect(validate(results), JSON.stringify(validate.errors)).toBe(true);

  const ord003 = results.requirements.find((r) => r.id === 'ORD-003')!;
  expect(ord003.status).toBe('fail');
  const evidence = ord003.evidence.find((e) => e.outcome === 'failed')!;
  const exchanges = evidence.exchanges as Exchange[];
  expect(typeof evidence.culprit).toBe('number');
  const at = evidence.culprit!;
  const culprit = exchanges[at]!;
  // the request the failure names, answered 2xx where the rule wants a refusal
  expect(culprit.request.method).toBe('POST');
  const flowId = /\/flows\/([^/]+)\/action\?op=publish$/.exec(pathOf(culprit.request.url))?.[1];
  expect(flowId, culprit.request.url).toBeTruthy();
  expect(evidence.message).toContain(`POST ${pathOf(culprit.request.url)}: expected 4xx`);
  expect(culprit.broke).toContain(`POST ${pathOf(culprit.request.url)}`);
  expect(culprit.response?.status).toBe(200);

  // before it: the check's setup, every step labelled, creating every id the culprit and its flow name
  const before = exchanges.slice(0, at);
  for (const x of before) expect(x.step, `${x.request.method} ${x.request.url}`).toBeTruthy();
  const created = new Map(before.filter((x) => x.request.method === 'POST' && /\?mode=draft$/.test(x.request.url)).map((x) => [bodyOf(x).id!, x]));
  const flow = created.get(flowId!);
  expect(flow, `the create of flow ${flowId} is listed`).toBeDefined();
  const sources = sentOf(flow).sourceConnectionIds ?? [];
  const targets = sentOf(flow).targetConnectionIds ?? [];
  expect(sources).toHaveLength(2);
  for (const id of [...sources, ...targets]) expect(created.has(id), `the create of ${id} is listed`).toBe(true);
  for (const id of sources) expect(created.has(sentOf(created.get(id)).baseConnectionId!), `the base connection of ${id} is listed`).toBe(true);
  expect(before.some((x) => /\/connections\/[^/]+\/action\?op=publish$/.test(x.request.url)), 'the base connection\'s publish is listed').toBe(true);
  // after it: only the test's cleanup
  const after = exchanges.slice(at + 1);
  expect(after.length).toBeGreaterThan(0);
  for (const x of after) expect([x.phase, x.request.method]).toEqual(['cleanup', 'DELETE']);

  // what the report advises for an embedded run, and the checks the timeline draws
  expect(results.faults).toEqual([FAULT]);
  expect(results.reproduce?.serve).toBe(`npx flow-conformance serve --port 8080 --fault ${FAULT}`);
  expect(run.stdout).toContain(`Reproduce    npx flow-conformance serve --port 8080 --fault ${FAULT}`);
  expect(results.checks?.filter((c) => c.requirements.includes('ORD-003'))).toHaveLength(2);
  for (const check of results.checks ?? []) expect(check.startMs).toBeGreaterThanOrEqual(0);

  // a server started as the Reproduce box says answers the setup, then the culprit, as the run's did
  const server = await startReferenceServer({ faults: results.faults, credentials: acceptedCredentialsFromEnv(results.reproduce!.credentials) });
  try {
    const ids = new Map<string, string>();
    const swap = (text: string) => [...ids].reduce((t, [old, now]) => t.split(old).join(now), text);
    for (const x of exchanges.slice(0, at + 1)) {
      const headers = { ...x.request.headers, authorization: `Bearer ${results.reproduce!.credentials.AEP_ACCESS_TOKEN}`, 'x-api-key': results.reproduce!.credentials.AEP_API_KEY };
      const url = swap(x.request.url.replace(/^http:\/\/127\.0\.0\.1:\d+\/data\/foundation\/flowservice/, server.url));
      const body = x.request.body === undefined ? undefined : swap(JSON.stringify(x.request.body));
      const answer = await fetch(url, { method: x.request.method, headers, ...(body === undefined ? {} : { body }) });
      expect(answer.status, `${x.request.method} ${url}`).toBe(x.response?.status);
      const id = ((await answer.json().catch(() => ({}))) as Body).id;
      const was = bodyOf(x).id;
      if (was && id && was !== id) ids.set(was, id);
    }
  } finally {
    await server.close();
  }
});
