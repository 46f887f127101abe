// The error registry, both ways. (a) Every code the server can answer (every entry of ERRORS) is either a documented
// code with the documented status, or one of ours, named below and justified in specs/DECISIONS.md: a new entry that is
// neither fails here. (b) Every documented code the server uses is reachable: a request provokes it, and the answer
// carries that status, that code and the documented body shape.
// The documented catalogue is copied here as data (no test reads the docs): troubleshooting = landing/troubleshooting.md,
// errors = sources/errors/flow-service-errors.md, labels = sources/tutorials/api/labels.md.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ERRORS, type ErrorKey } from '../../server/errors.ts';
import { baseConnectionBody, sourceConnectionBody } from '../support/bodies.ts';
import { chain, createBase, publish } from '../support/drafts.ts';
import { InProcessClient, type Answer } from '../support/in-process.ts';

/** Documented code → its status and where it is documented. Gateway statuses follow the code's leading digits. */
const DOCUMENTED: Record<string, { status: number; source: string }> = {
  '403010': { status: 403, source: 'troubleshooting: "Oauth token is missing."' },
  '401013': { status: 401, source: 'troubleshooting: "Oauth token is not valid"' },
  '403000': { status: 403, source: 'troubleshooting: "Api Key is required"' },
  '403003': { status: 403, source: 'troubleshooting: "Api Key is invalid"' },
  '400003': { status: 400, source: 'troubleshooting: "Missing header" (x-gw-ims-org-id)' },
  '403025': { status: 403, source: 'troubleshooting: "Profile is not valid"' },
  BadRequestError: { status: 400, source: 'troubleshooting: "A valid content-type must be specified"' },
  '1101': { status: 404, source: 'errors 1101-404 "Resource not found"' },
  '1439': { status: 404, source: 'labels: FLOW-1439-404 (errors lists 1439-400; DECISIONS #23)' },
  '1102': { status: 500, source: 'errors 1102-500' },
  '1401': { status: 400, source: 'errors 1401-400 limit and count together' },
  '1403': { status: 400, source: 'errors 1403-400 If-Match missing' },
  '1404': { status: 412, source: 'errors 1404-412 version mismatch' },
  '1405': { status: 400, source: 'errors 1405-400 empty body' },
  '1410': { status: 400, source: 'errors 1410-400 state in create' },
  '1413': { status: 400, source: 'errors 1413-400 invalid spec ID' },
  '1414': { status: 400, source: 'errors 1414-400 not updatable' },
  '1415': { status: 400, source: 'errors 1415-400 auth spec' },
  '1418': { status: 400, source: 'errors 1418-400 base connection used in flows' },
  '1421': { status: 400, source: 'errors 1421-400 state cannot be transitioned' },
  '1422': { status: 400, source: 'errors 1422-400 "The action disable cannot be applied on the current state {state}."' },
  '1430': { status: 400, source: 'errors 1430-400 "Flow not found with id"' },
  '1432': { status: 400, source: 'errors 1432-400 sort order' },
  '1433': { status: 400, source: 'errors 1433-400 orderBy field' },
  '1434': { status: 400, source: 'errors 1434-400 unsupported patch op' },
  '1435': { status: 400, source: 'errors 1435-400 unsupported action' },
  '1451': { status: 400, source: 'errors 1451-400 invalid query params' },
  '1455': { status: 400, source: 'errors 1455-400 patch validation' },
};

/** Entries the docs do not list: each a code of ours (146x, or 1400), with its DECISIONS.md row. */
const OUR_CHOICE: Partial<Record<ErrorKey, string>> = {
  'method-not-allowed': 'DECISIONS #24: 405 + Allow (HTTP); no documented code',
  'bad-request': 'DECISIONS #24: only under a fault mode; generic 1400',
  validation: 'DECISIONS #24: request-schema breaks; generic 1400',
  'malformed-json': 'DECISIONS #24: unparsable body; no documented code',
  'body-too-large': 'DECISIONS #24: 413 (HTTP) for a body over the limit',
  'draft-not-supported': 'DECISIONS #24: isDraftModeSupported=false; no catalogue entry (facts §4.4)',
  'unknown-mode': 'DECISIONS #24: mode other than draft; no catalogue entry',
  'parent-is-draft': 'DECISIONS #24: publish order; no catalogue entry (facts §4.4)',
};

const keys = Object.keys(ERRORS) as ErrorKey[];

test('every error the server can answer is documented with the same status, or is one of ours by name', () => {
  for (const key of keys) {
    const { code, status } = ERRORS[key];
    if (key in OUR_CHOICE) {
      expect(DOCUMENTED[code], `${key} is listed as ours but its code ${code} is documented: move it to DOCUMENTED`).toBeUndefined();
      continue;
    }
    expect(DOCUMENTED[code], `${key} answers ${code}-${status}, which is neither documented nor listed as ours`).toBeDefined();
    expect(status, `${key}: ${code} is documented as ${DOCUMENTED[code]!.status} (${DOCUMENTED[code]!.source})`).toBe(DOCUMENTED[code]!.status);
  }
  for (const key of Object.keys(OUR_CHOICE)) expect(keys, `OUR_CHOICE names ${key}, which ERRORS no longer has`).toContain(key);
});

test('every code of ours is justified in specs/DECISIONS.md', () => {
  const decisions = readFileSync(new URL('../../specs/DECISIONS.md', import.meta.url), 'utf8');
  for (const key of Object.keys(OUR_CHOICE) as ErrorKey[]) {
    const { code, status } = ERRORS[key];
    expect(decisions, `DECISIONS.md must name ${key}'s code ${code}-${status}`).toContain(`\`${code}-${status}\``);
  }
});

const uuid = () => crypto.randomUUID();
const without = (name: string) => ({ headers: { [name]: undefined } });
const replaceName = [{ op: 'replace', path: '/name', value: 'changed' }];

/** One request per documented entry that provokes it. */
const PROVOKE: Partial<Record<ErrorKey, (api: InProcessClient) => Promise<Answer>>> = {
  'token-missing': (api) => api.get('/connections', without('authorization')),
  'token-invalid': (api) => api.get('/connections', { headers: { authorization: 'Bearer not-the-token' } }),
  'api-key-missing': (api) => api.get('/connections', without('x-api-key')),
  'api-key-invalid': (api) => api.get('/connections', { headers: { 'x-api-key': 'not-the-key' } }),
  'org-missing': (api) => api.get('/connections', without('x-gw-ims-org-id')),
  'org-not-entitled': (api) => api.get('/connections', { headers: { 'x-gw-ims-org-id': 'other@AdobeOrg' } }),
  'content-type': (api) => api.post('/connections?mode=draft', baseConnectionBody(), { headers: { 'content-type': 'text/plain' } }),
  'not-found': (api) => api.get(`/connections/${uuid()}`),
  'route-not-found': (api) => api.get('/nothing'),
  'flow-not-found': (api) => api.get(`/flows/${uuid()}`),
  internal: async (api) => publish(api, 'connections', (await createBase(api, false)).id),
  'limit-with-count': (api) => api.get('/connections?limit=1&count=true'),
  'if-match-missing': async (api) => api.patch(`/connections/${(await createBase(api)).id}`, replaceName, undefined),
  'version-mismatch': async (api) => api.patch(`/connections/${(await createBase(api)).id}`, replaceName, '"stale"'),
  'empty-body': (api) => api.call('POST', '/connections?mode=draft', { rawBody: '' }),
  'state-in-create': (api) => api.post('/connections?mode=draft', { ...baseConnectionBody(), state: 'enabled' }),
  'invalid-spec': (api) => api.post('/connections?mode=draft', { ...baseConnectionBody(), connectionSpec: { id: uuid(), version: '1.0' } }),
  'read-only-field': async (api) => {
    const base = await createBase(api);
    return api.patch(`/connections/${base.id}`, [{ op: 'replace', path: '/id', value: 'x' }], base.etag);
  },
  'incomplete-auth': (api) => api.post('/connections', baseConnectionBody({})),
  'in-use': async (api) => api.delete(`/connections/${(await chain(api, false)).base.id}`),
  'not-a-draft': async (api) => publish(api, 'connections', (await createBase(api, false)).id),
  'reference-missing': (api) => api.post('/sourceConnections?mode=draft', sourceConnectionBody(uuid())),
  'bad-sort-order': (api) => api.get('/connections?orderby=%2Bna!me'),
  'unknown-sort-field': (api) => api.get('/connections?orderby=%2Bnope'),
  'unsupported-patch-op': async (api) => {
    const base = await createBase(api);
    return api.patch(`/connections/${base.id}`, [{ op: 'move', from: '/name', path: '/description' }], base.etag);
  },
  // enabling a draft flow: it is not live until published
  'action-not-allowed': async (api) => publish(api, 'flows', (await chain(api, true)).flow.id, 'enable'),
  'unknown-op': async (api) => publish(api, 'connections', (await createBase(api)).id, 'bogus'),
  'invalid-query': (api) => api.get('/connections?property=garbage'),
  'invalid-patch': async (api) => {
    const base = await createBase(api);
    return api.patch(`/connections/${base.id}`, [{ op: 'replace', value: 'x' }], base.etag);
  },
};
/** 1102-500 has no healthy trigger: a fault mode that crashes is the only way to reach it. */
const FAULTS: Partial<Record<ErrorKey, string>> = { internal: 'republish-crashes' };

/** The code an answer carries, read from whichever documented shape it has (facts §4.1). */
function codeOf(body: any): { shape: string; code?: string; status?: number } {
  const service = typeof body?.type === 'string' ? /\/FLOW-(\d+)-(\d+)$/.exec(body.type) : null;
  if (service) return { shape: 'service', code: service[1], status: Number(service[2]) };
  if (typeof body?.error_code === 'string') return { shape: 'gateway', code: body.error_code };
  if (body?.type === '/placeholder/type/uri') return { shape: 'platform', code: body.title, status: body.status };
  return { shape: 'unknown' };
}

for (const key of keys.filter((k) => !(k in OUR_CHOICE))) {
  const { code, status, shape } = ERRORS[key];
  test(`documented ${code}-${status} (${key}) is reachable, in the ${shape} shape`, async () => {
    const provoke = PROVOKE[key];
    expect(provoke, `no request provokes ${key}: add one to PROVOKE`).toBeDefined();
    const fault = FAULTS[key];
    const api = new InProcessClient(fault ? { faults: [fault] } : {});
    const answer = await provoke!(api);
    expect(answer.status, `${key}: ${answer.text}`).toBe(status);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(codeOf(answer.body)).toEqual({ shape, code, ...(shape === 'gateway' ? {} : { status }) });
    if (shape === 'gateway') expect(answer.body).toEqual({ error_code: code, message: expect.any(String) });
    if (shape === 'platform') expect(answer.body).toEqual({ type: '/placeholder/type/uri', status, title: code, detail: expect.any(String) });
    if (shape === 'service') {
      // labels.md: type, title, status, report {detailed-message, request-id}, errorMessage, errorDetails
      expect(answer.body).toMatchObject({
        title: expect.any(String),
        status,
        report: { 'detailed-message': expect.any(String), 'request-id': answer.headers['x-request-id'] },
        errorMessage: expect.any(String),
        errorDetails: expect.any(String),
      });
    }
  });
}
