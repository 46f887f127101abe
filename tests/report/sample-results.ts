// Hand-built results.json fixtures for the HTML report test: a failing run (MUST failures with exchanges, a
// model-based failure with its shrunk sequence and replay line, a SHOULD warning, requirements the kit could not check
// (a transport error, a failed setup step), not-applicables with reasons, baseline notes), a conformant run and a run
// with no verdict. The verdict comes from decideVerdict, as in a real run. Titles and statements come from the catalogue; no kit runs.
import { loadCatalogue } from '../../cli/catalogue.ts';
import { summaryOf, type Evidence, type Status } from '../../cli/fold.ts';
import { decideVerdict, headlineOf } from '../../cli/verdict.ts';
import { reproduceOf } from '../../cli/reproduce.ts';
import type { BaselineNote, CheckRecord, ResultRecord, Results } from '../../cli/results.ts';
import type { Exchange } from '../../kit/exchange.ts';
import { Redactor } from '../../kit/redact.ts';

export const TARGET = 'https://platform.example.test/data/foundation/flowservice';
/** Must never appear in the report: the credentials of the run. */
export const PLANTED_SECRET = 'sk-live-PLANTED-7f3a9c1e0b';
export const PLANTED_API_KEY = 'apikey-PLANTED-42f0d9';
/** A target answering markup: the report must show it as text and never run it. */
export const INJECTION = '<script>window.__injected = true</script><img src=x onerror="window.__injected = true">';

const redactor = new Redactor([PLANTED_SECRET, PLANTED_API_KEY]);
const FLOW = '9c1d5e2a-4b7f-4f3e-9d61-2b8a7c0e5f11';
const SOURCE = '5b0e8d43-1c2a-4e9b-8f7d-6a3c9e1b2d04';
/** ORD-003's setup: a published base, source and target connection, then a draft source named beside the published one. */
export const ORD003_IDS = { base: 'b7e1c2d3-0a4f-4c5e-9b8a-1d2e3f4a5b6c', published: 'a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d', target: 'c9d8e7f6-a5b4-4c3d-9e2f-1a0b9c8d7e6f', draft: SOURCE, flow: FLOW };
/** The fault mode of the embedded sample run, and the port its workers' servers had. */
export const SAMPLE_FAULT = 'flow-publish-checks-first-source-only';
export const EMBEDDED_ORIGIN = 'http://127.0.0.1:39123';

function credentials(): Record<string, string> {
  return {
    authorization: `Bearer ${PLANTED_SECRET}`, 'x-api-key': PLANTED_API_KEY, 'x-gw-ims-org-id': 'ACME0000@AdobeOrg', 'x-sandbox-name': 'conformance',
  };
}

function exchange(method: string, path: string, status: number | undefined, options: { body?: unknown; response?: unknown; text?: string; headers?: Record<string, string>; operationId?: string; error?: string; durationMs?: number; retries?: number; retryWaitMs?: number } = {}): Exchange {
  const json = options.response !== undefined;
  return {
    operationId: options.operationId,
    durationMs: options.durationMs ?? 42,
    ...(options.retries ? { retries: options.retries, retryWaitMs: options.retryWaitMs ?? 0 } : {}),
    request: {
      method, url: `${TARGET}${path}`,
      headers: { ...credentials(), ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
      ...(options.body !== undefined ? { body: options.body } : {}),
    },
    ...(status === undefined ? {} : {
      response: {
        status, headers: { 'content-type': json ? 'application/json' : 'text/html', 'x-request-id': `req-${status}-${path.length}` },
        body: options.response, text: options.text ?? (json ? JSON.stringify(options.response) : ''),
      },
    }),
    ...(options.error ? { error: options.error } : {}),
  };
}

/** As the recorder keeps it: headers, bodies and texts scrubbed of the run's secrets. */
function redacted(x: Exchange): Exchange {
  return {
    operationId: x.operationId, durationMs: x.durationMs, ...(x.retries ? { retries: x.retries, retryWaitMs: x.retryWaitMs ?? 0 } : {}),
    ...(x.step ? { step: x.step } : {}), ...(x.phase ? { phase: x.phase } : {}), ...(x.broke ? { broke: redactor.text(x.broke) } : {}),
    request: { method: x.request.method, url: redactor.text(x.request.url), headers: redactor.headers(x.request.headers), ...(x.request.body === undefined ? {} : { body: redactor.json(x.request.body) }) },
    ...(x.error ? { error: redactor.text(x.error) } : {}),
    ...(x.response ? { response: { ...x.response, headers: redactor.headers(x.response.headers), body: redactor.json(x.response.body), text: redactor.text(x.response.text) } } : {}),
  };
}

const created = (id: string) => ({ id, etag: '"0a00c2b1-0000-0200-0000-65f1a2b30000"' });
const setup = (x: Exchange, step: string): Exchange => ({ ...x, step });
const cleanup = (x: Exchange): Exchange => ({ ...x, phase: 'cleanup' });
const ORD003_MESSAGE = `POST /flows/${FLOW}/action?op=publish: expected 4xx (source connection ${SOURCE} is a draft), received 200 {"id":"${FLOW}","etag":"\\"0b00\\"","state":"enabled"} [ORD-003]`;

/** As a run records ORD-003 against a target that checks only a flow's first source: setup, the culprit, cleanup. */
function ord003Exchanges(): Exchange[] {
  const { base, published, target, draft, flow } = ORD003_IDS;
  const publish = (path: string, id: string, op: string) => exchange('POST', `/${path}/${id}/action?op=publish`, 200, { response: created(id), operationId: op });
  return [
    // a caller that forgot to redact its headers: the report masks credential headers itself
    setup(exchange('POST', '/connections?mode=draft', 201, { body: { name: 'kit base', auth: { specName: 'Basic Authentication' } }, response: created(base), operationId: 'createConnection' }), 'create a draft base connection'),
    ...[
      setup(publish('connections', base, 'actionConnection'), `publish the base connection ${base}`),
      setup(exchange('POST', '/sourceConnections?mode=draft', 201, { body: { name: 'kit source', baseConnectionId: base }, response: created(published), operationId: 'createSourceConnection' }), 'create a draft source connection'),
      setup(publish('sourceConnections', published, 'actionSourceConnection'), `publish the source connection ${published}`),
      setup(exchange('POST', '/targetConnections?mode=draft', 201, { body: { name: 'kit target', baseConnectionId: base }, response: created(target), operationId: 'createTargetConnection' }), 'create a draft target connection'),
      setup(publish('targetConnections', target, 'actionTargetConnection'), `publish the target connection ${target}`),
      setup(exchange('POST', '/sourceConnections?mode=draft', 201, { body: { name: 'kit draft source', baseConnectionId: base }, response: created(draft), operationId: 'createSourceConnection' }), 'create a draft source connection'),
      setup(exchange('POST', '/flows?mode=draft', 201, { body: { name: 'kit flow', sourceConnectionIds: [published, draft], targetConnectionIds: [target] }, response: created(flow), operationId: 'createFlow' }), 'create a draft flow'),
      { ...exchange('POST', `/flows/${flow}/action?op=publish`, 200, { response: { id: flow, etag: '"0b00"', state: 'enabled' }, operationId: 'actionFlow', durationMs: 131 }), broke: ORD003_MESSAGE },
      ...[['flows', flow], ['sourceConnections', draft], ['sourceConnections', published], ['targetConnections', target], ['connections', base]].map(([kind, id]) => cleanup(exchange('DELETE', `/${kind}/${id}`, 204, { operationId: 'delete' }))),
    ].map(redacted),
  ];
}
const MODEL_REPLAY = 'flow-conformance --requirement ORD-007 --seed 1938472650 --path "17:3:0:1"';

const FAILING: Record<string, { status: Status; reason: string; evidence: Evidence[]; baseline?: BaselineNote }> = {
  'ORD-003': {
    status: 'fail', reason: ORD003_MESSAGE,
    evidence: [{
      test: 'publish of a flow is refused while one source connection is a draft (the draft is named second)', file: 'suites/order.spec.ts', line: 44, outcome: 'failed',
      message: `RequirementFailure: ${ORD003_MESSAGE}\n    at suites/order.spec.ts:50:5`,
      exchanges: ord003Exchanges(), culprit: 8,
    }],
  },
  'ETAG-001': {
    status: 'fail', reason: `PATCH /flows/${FLOW}: expected 412, received 200 [ETAG-001]`,
    baseline: { expected: { reason: 'If-Match is ignored on flows until the PLAT-4411 fix ships', expires: '2099-12-31', link: 'https://tracker.example.test/PLAT-4411' } },
    evidence: [{
      test: 'a patch with a stale If-Match answers 412 and changes nothing @ETAG-001', file: 'suites/etags.spec.ts', line: 24, outcome: 'failed',
      message: `PATCH /flows/${FLOW}: expected 412, received 200 [ETAG-001]`,
      exchanges: [redacted(exchange('PATCH', `/flows/${FLOW}`, 200, { body: [{ op: 'replace', path: '/description', value: "it's stale" }], headers: { 'if-match': '"stale-etag"' }, response: created(FLOW), operationId: 'patchFlow' }))],
    }],
  },
  'API-007': {
    status: 'fail', reason: 'GET /connections?limit=1: expected no 5xx, received 503 (after 2 retries) [API-007]',
    evidence: [{
      test: 'listing connections with a limit answers one page @LIST-002', file: 'suites/delete-list.spec.ts', line: 88, outcome: 'passed',
      message: 'GET /connections?limit=1: expected no 5xx, received 503 (after 2 retries) [API-007]',
      exchanges: [redacted(exchange('GET', '/connections?limit=1', 503, { retries: 2, retryWaitMs: 1500, text: `<html><body><h1>Internal error</h1>${INJECTION}<p>token ${PLANTED_SECRET} rejected</p></body></html>`, operationId: 'listConnections', durationMs: 2150 }))],
    }],
  },
  'ORD-007': {
    status: 'fail', reason: 'step "publish draft flow #0": expected 4xx, received 200: a parent is still a draft [ORD-007]',
    evidence: [{
      test: 'random sequences of lifecycle calls agree with the model @ORD-007', file: 'suites/model-based.spec.ts', line: 39, outcome: 'failed',
      message: [
        'step "publish draft flow #0": expected 4xx, received 200: a parent is still a draft [ORD-007]',
        'shrunk sequence (4 steps):',
        '  1. create draft connection (parents #0 #0)',
        '  2. create draft source connection (parents #0 #0)',
        '  3. create draft flow (parents #0 #0) after creating target connection',
        '  4. publish draft flow #0',
        `replay: ${MODEL_REPLAY}`,
      ].join('\n'),
      // the report renders the steps and the replay from these fields (the model-failure annotation), not the message
      model: {
        part: 1, seed: 1938472650, path: '17:3:0:1', replay: MODEL_REPLAY,
        cause: 'step "publish draft flow #0": expected 4xx, received 200: a parent is still a draft [ORD-007]',
        steps: ['create draft connection (parents #0 #0)', 'create draft source connection (parents #0 #0)', 'create draft flow (parents #0 #0) after creating target connection', 'publish draft flow #0'],
      },
      exchanges: [
        redacted(exchange('POST', '/connections?mode=draft', 201, { body: { name: 'model connection', auth: { params: { clientSecret: PLANTED_SECRET } } }, response: created('c-0'), operationId: 'createConnection' })),
        redacted(exchange('POST', `/flows/${FLOW}/action?op=publish`, 200, { response: { id: FLOW, state: 'enabled' }, operationId: 'actionFlow' })),
      ],
    }],
  },
  'GATE-002': {
    status: 'error', reason: 'POST /flows?mode=draft: no answer (socket hang up (ECONNRESET)): the kit could not ask [GATE-002]',
    evidence: [{
      test: 'a draft flow on a flow spec without draft support is refused @GATE-002', file: 'suites/gating.spec.ts', line: 47, outcome: 'failed',
      message: 'CouldNotCheck: POST /flows?mode=draft: no answer (socket hang up (ECONNRESET)): the kit could not ask [GATE-002]',
      exchanges: [redacted(exchange('POST', '/flows?mode=draft', undefined, { body: { name: 'gated flow', flowSpec: { id: 'no-drafts' } }, error: 'socket hang up (ECONNRESET)', durationMs: 30_000 }))],
    }],
  },
  'DRAFT-008': {
    status: 'warn', reason: 'POST /connections?mode=draft: expected 201, received 200 [DRAFT-008]',
    evidence: [{ test: 'a create answers 201 @DRAFT-008', file: 'suites/drafts.spec.ts', line: 112, outcome: 'failed', message: 'POST /connections?mode=draft: expected 201, received 200 [DRAFT-008]', exchanges: [] }],
  },
  'PUB-006': {
    status: 'error', reason: 'setup: POST /connections answered 200 {} — see DRAFT-007 [PUB-006]',
    evidence: [{
      test: 'publishing changes the etag @PUB-006', file: 'suites/publish.spec.ts', line: 90, outcome: 'failed',
      message: 'CouldNotCheck: setup: POST /connections answered 200 {} — see DRAFT-007 [PUB-006]',
      exchanges: [redacted(exchange('POST', '/connections', 200, { body: { name: 'kit connection' }, response: {}, operationId: 'createConnection' }))],
    }],
  },
  'API-004': { status: 'not-applicable', reason: 'AEP_OTHER_SANDBOX_NAME is not set: isolation needs a second sandbox', evidence: [] },
  'GATE-001': { status: 'not-applicable', reason: 'the target lists no connection spec without draft support', evidence: [] },
  'LIST-002': { status: 'not-applicable', reason: 'no check for this requirement ran in this run (filtered out by --requirement or --grep)', evidence: [] },
  'PUB-012': { status: 'pass', reason: '1 check passed', baseline: { fixed: true }, evidence: [{ test: 'the action op is matched without regard to case @PUB-012', outcome: 'passed', exchanges: [] }] },
  'SPEC-001': {
    status: 'pass', reason: '1 check passed',
    evidence: [{ test: 'reading a connection spec by id answers the spec inside items @SPEC-001', file: 'suites/spec-discovery.spec.ts', line: 12, outcome: 'passed', exchanges: [redacted(exchange('GET', '/connectionSpecs/c0ffee', 200, { response: { items: [{ id: 'c0ffee', name: 'kit spec', attributes: { isDraftModeSupported: true } }] }, operationId: 'getConnectionSpec', durationMs: 18 }))] }],
  },
};

/** A MUST the kit could not check and nothing failed: no verdict. */
const NO_VERDICT: Record<string, { status: Status; reason: string; evidence: Evidence[] }> = {
  'API-004': FAILING['API-004']!,
  'DEL-001': { status: 'error', reason: 'not run: the run was interrupted', evidence: [] },
  'PUB-006': FAILING['PUB-006']!,
};

const CONFORMANT: Record<string, { status: Status; reason: string; evidence: Evidence[] }> = {
  'API-004': FAILING['API-004']!,
  'GATE-001': FAILING['GATE-001']!,
  'DRAFT-011': { status: 'warn', reason: 'POST /connections?mode=sketch: expected 4xx, received 201 [DRAFT-011]', evidence: [{ test: 'an unknown mode value is refused @DRAFT-011', outcome: 'failed', message: 'POST /connections?mode=sketch: expected 4xx, received 201 [DRAFT-011]', exchanges: [] }] },
};

function verdictOf(requirements: ResultRecord[], strict: boolean): Pick<Results, 'verdict' | 'verdictReason' | 'headline' | 'knownFailures'> {
  const decision = decideVerdict(requirements, { strict });
  return { verdict: decision.verdict, verdictReason: decision.reason, headline: headlineOf(decision), knownFailures: decision.knownFailures };
}

/**
 * One check per requirement, two at a time after a 4 s start-up, each as long as its requirement's time; ORD-007's
 * model-based part runs longest. The last check never started (the run was cut short), so it has no start.
 */
function checksOf(requirements: ResultRecord[]): CheckRecord[] {
  const lanes = [4000, 4000];
  const checks = requirements.map((r): CheckRecord => {
    const lane = lanes[0]! <= lanes[1]! ? 0 : 1;
    const durationMs = r.id === 'ORD-007' ? 9_500 : r.durationMs;
    const startMs = lanes[lane]!;
    lanes[lane] = startMs + durationMs + 15;
    return { title: r.evidence[0]?.test ?? r.title, file: 'suites/x.spec.ts', requirements: [r.id], status: r.status, startMs, durationMs };
  });
  const last = checks.at(-1)!;
  delete last.startMs;
  last.durationMs = 0;
  return checks;
}

function build(overrides: typeof FAILING, options: { startedAt: string; finishedAt: string; strict: boolean }): Results {
  const catalogue = loadCatalogue();
  const requirements: ResultRecord[] = catalogue.requirements.map((r, i) => {
    const o = overrides[r.id];
    return {
      id: r.id, level: r.level, area: r.area, title: r.title, statement: r.statement, source: r.source,
      durationMs: 180 + ((i * 37) % 900),
      status: o?.status ?? 'pass', reason: o?.reason ?? '1 check passed',
      evidence: o?.evidence ?? [{ test: `${r.title} @${r.id}`, outcome: 'passed', exchanges: [] }],
      ...(o?.baseline ? { baseline: o.baseline } : {}),
    };
  });
  return {
    kit: { name: 'flow-service-conformance', version: '0.1.0' }, target: TARGET, embedded: false,
    startedAt: options.startedAt, finishedAt: options.finishedAt, strict: options.strict,
    seed: 1938472650, ...verdictOf(requirements, options.strict), summary: summaryOf(requirements), requirements, areas: catalogue.areas,
    model: { seed: 1938472650, runs: 50, steps: 812 }, playwrightReport: 'playwright-report/index.html',
    command: `flow-conformance run --target ${TARGET} --seed 1938472650`,
    checks: checksOf(requirements),
    cleanup: { created: 143, deleted: 0, leftBehind: [] },
  };
}

/** What a --target run could not delete: the end-of-run cleanup got a 503 and no answer. */
const LEFT_BEHIND = [
  { kind: 'flows', id: 'fck-left-flow-0001', sandbox: 'conformance', reason: 'DELETE answered 503' },
  { kind: 'connections', id: 'fck-left-base-0002', sandbox: 'conformance', reason: 'no answer (socket hang up)' },
];

export function failingRun(): Results {
  const results = build(FAILING, { startedAt: '2025-03-14T09:26:53.000Z', finishedAt: '2025-03-14T09:29:05.400Z', strict: false });
  results.cleanup = { created: 143, deleted: 3, leftBehind: LEFT_BEHIND, command: 'npx flow-conformance cleanup --ledger reports/ci/ledger.jsonl' };
  return results;
}

/** The failing run, against the embedded reference server with a fault mode: its URLs are a worker's server's. */
export function embeddedRun(): Results {
  const text = JSON.stringify(failingRun()).split(TARGET).join(`${EMBEDDED_ORIGIN}/data/foundation/flowservice`);
  const results = JSON.parse(text) as Results;
  return {
    ...results, target: 'embedded reference server (one in each worker)', embedded: true,
    command: `flow-conformance --fault ${SAMPLE_FAULT}`, faults: [SAMPLE_FAULT], reproduce: reproduceOf([SAMPLE_FAULT]),
    cleanup: { created: 143, deleted: 0, leftBehind: [{ kind: 'flows', id: 'fck-left-flow-0001', sandbox: 'prod', reason: 'not deleted by its check (its embedded server ended with the run)' }] },
  };
}

/** The specs a --read-only probe read: two with draft support, one without, one that does not say. */
export const SPECS: NonNullable<Results['specs']> = [
  { collection: 'connectionSpecs', id: 'be5ec48c-5b78-49d5-b8fa-7c89ec4569b8', name: 'azure-file-storage', isDraftModeSupported: true },
  { collection: 'connectionSpecs', id: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c', name: 'data-lake', isDraftModeSupported: false },
  { collection: 'connectionSpecs', id: 'ecadc60c-7455-4d87-84dc-2a0e293d997b', name: 'legacy-sftp', isDraftModeSupported: undefined },
  { collection: 'flowSpecs', id: '9753525b-82c7-4dce-8a9b-5ccfce2b9876', name: 'CloudStorageToAEP', isDraftModeSupported: true },
];

export function readOnlyRun(): Results {
  return { ...conformantRun(), readOnly: true, specs: SPECS };
}

export function noVerdictRun(): Results {
  return build(NO_VERDICT, { startedAt: '2025-03-16T08:00:00.000Z', finishedAt: '2025-03-16T08:00:41.000Z', strict: true });
}

export function conformantRun(): Results {
  return build(CONFORMANT, { startedAt: '2025-03-15T08:00:00.000Z', finishedAt: '2025-03-15T08:01:47.250Z', strict: false });
}

/** --requirement ORD-003: it passed, the other 63 were not selected; the verdict speaks for the selection only. */
export function partialRun(): Results {
  const run = build({}, { startedAt: '2025-03-17T08:00:00.000Z', finishedAt: '2025-03-17T08:00:06.400Z', strict: false });
  for (const r of run.requirements.filter((x) => x.id !== 'ORD-003')) Object.assign(r, { status: 'not-applicable', reason: 'not selected: filtered out by --requirement', unselected: true, evidence: [] });
  return { ...run, ...verdictOf(run.requirements, false), summary: summaryOf(run.requirements), selection: { requirements: ['ORD-003'] }, command: `flow-conformance --target ${TARGET} --requirement ORD-003` };
}

/** Every failure (a MUST fail, a SHOULD warning) is in a live baseline entry: conformant, with 2 known failures. */
export function knownFailuresRun(): Results {
  const known = (reason: string): BaselineNote => ({ expected: { reason, expires: '2099-12-31' } });
  return build({
    'ORD-003': { ...FAILING['ORD-003']!, baseline: known('PLAT-4410: drafts are published anyway') },
    'ETAG-004': { status: 'warn', reason: 'GET /flows/f: etag 0b00 is not a quoted entity-tag [ETAG-004]', evidence: [], baseline: known('PLAT-4412') },
  }, { startedAt: '2025-03-18T08:00:00.000Z', finishedAt: '2025-03-18T08:01:40.000Z', strict: false });
}
