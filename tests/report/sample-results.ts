// Hand-built results.json fixtures for the HTML report test: a failing run (MUST failures with exchanges, a
// model-based failure with its shrunk sequence and replay line, a SHOULD warning, requirements the kit could not check
// (a transport error, a failed setup step), not-applicables with reasons, baseline notes), a conformant run and a run
// with no verdict. The verdict comes from decideVerdict, as in a real run. Titles and statements come from the catalogue; no kit runs.
import { loadCatalogue } from '../../cli/catalogue.ts';
import { summaryOf, type Evidence, type Status } from '../../cli/fold.ts';
import { decideVerdict, headlineOf } from '../../cli/verdict.ts';
import type { BaselineNote, ResultRecord, Results } from '../../cli/results.ts';
import type { Exchange } from '../../suites/support/recorder.ts';
import { Redactor } from '../../suites/support/redact.ts';

export const TARGET = 'https://platform.example.test/data/foundation/flowservice';
/** Must never appear in the report: the credentials of the run. */
export const PLANTED_SECRET = 'sk-live-PLANTED-7f3a9c1e0b';
export const PLANTED_API_KEY = 'apikey-PLANTED-42f0d9';
/** A target answering markup: the report must show it as text and never run it. */
export const INJECTION = '<script>window.__injected = true</script><img src=x onerror="window.__injected = true">';

const redactor = new Redactor([PLANTED_SECRET, PLANTED_API_KEY]);
const FLOW = '9c1d5e2a-4b7f-4f3e-9d61-2b8a7c0e5f11';
const SOURCE = '5b0e8d43-1c2a-4e9b-8f7d-6a3c9e1b2d04';

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
    request: { method: x.request.method, url: redactor.text(x.request.url), headers: redactor.headers(x.request.headers), ...(x.request.body === undefined ? {} : { body: redactor.json(x.request.body) }) },
    ...(x.error ? { error: redactor.text(x.error) } : {}),
    ...(x.response ? { response: { ...x.response, headers: redactor.headers(x.response.headers), body: redactor.json(x.response.body), text: redactor.text(x.response.text) } } : {}),
  };
}

const created = (id: string) => ({ id, etag: '"0a00c2b1-0000-0200-0000-65f1a2b30000"' });
const MODEL_REPLAY = 'flow-conformance --requirement ORD-007 --seed 1938472650 --path "17:3:0:1"';

const FAILING: Record<string, { status: Status; reason: string; evidence: Evidence[]; baseline?: BaselineNote }> = {
  'ORD-003': {
    status: 'fail', reason: `POST /flows/${FLOW}/action?op=publish: expected 4xx, received 200 [ORD-003]`,
    evidence: [{
      test: 'publish of a flow is refused while one source connection is a draft @ORD-003', file: 'suites/order.spec.ts', line: 61, outcome: 'failed',
      message: `POST /flows/${FLOW}/action?op=publish: expected 4xx, received 200 [ORD-003]\nthe flow names source connection ${SOURCE}, still a draft`,
      exchanges: [
        // a caller that forgot to redact its headers: the report masks credential headers itself
        { ...exchange('POST', '/sourceConnections?mode=draft', 201, { body: { name: 'kit source', baseConnectionId: 'b-1' }, response: created(SOURCE), operationId: 'createSourceConnection' }), },
        redacted(exchange('POST', '/flows?mode=draft', 201, { body: { name: 'kit flow', sourceConnectionIds: [SOURCE], targetConnectionIds: ['t-1'] }, response: created(FLOW), operationId: 'createFlow' })),
        redacted(exchange('POST', `/flows/${FLOW}/action?op=publish`, 200, { response: { id: FLOW, etag: '"0b00"', state: 'enabled' }, operationId: 'actionFlow', durationMs: 131 })),
      ],
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
  };
}

export function failingRun(): Results {
  return build(FAILING, { startedAt: '2025-03-14T09:26:53.000Z', finishedAt: '2025-03-14T09:29:05.400Z', strict: false });
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
