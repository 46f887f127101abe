// One registry of the errors the reference server answers with, keyed by Flow Service catalogue codes where the docs
// have one. Bodies follow the documented shapes: the Flow Service problem body for service errors, the gateway's
// `{error_code, message}` for header errors. The kit never reads this wording; only the status matters to it.

export interface ErrorSpec {
  status: number;
  /** Flow Service catalogue code where the docs have one (14xx/2xxx), otherwise one of ours (146x); gateway codes are 6 digits. */
  code: string;
  title: string;
  /** `platform`: the one fixed body troubleshooting.md documents for a missing or non-JSON Content-Type. */
  shape: 'service' | 'gateway' | 'platform';
}

export const ERRORS = {
  // gateway (Adobe I/O) header errors, troubleshooting guide
  'token-missing': { status: 403, code: '403010', title: 'Oauth token is missing.', shape: 'gateway' },
  'token-invalid': { status: 401, code: '401013', title: 'Oauth token is not valid', shape: 'gateway' },
  'api-key-missing': { status: 403, code: '403000', title: 'Api Key is required', shape: 'gateway' },
  'api-key-invalid': { status: 403, code: '403003', title: 'Api Key is invalid', shape: 'gateway' },
  'org-missing': { status: 400, code: '400003', title: 'Missing header', shape: 'gateway' },
  'org-not-entitled': { status: 403, code: '403025', title: 'Profile is not valid', shape: 'gateway' },
  // service errors
  // labels.md shows a missing flow as FLOW-1439-404 (the catalogue lists 1439 as -400; the example's status is 404)
  'flow-not-found': { status: 404, code: '1439', title: 'Resource not found', shape: 'service' },
  // flow-service-errors.md 1101-404 "Resource not found": no kind-specific code is documented for the other kinds
  'not-found': { status: 404, code: '1101', title: 'Resource not found', shape: 'service' },
  'route-not-found': { status: 404, code: '1101', title: 'Route not found', shape: 'service' },
  'method-not-allowed': { status: 405, code: '1460', title: 'Method not allowed', shape: 'service' },
  'bad-request': { status: 400, code: '1400', title: 'Invalid request', shape: 'service' },
  'malformed-json': { status: 400, code: '1461', title: 'Malformed JSON body', shape: 'service' },
  'empty-body': { status: 400, code: '1405', title: 'The request body cannot be null or empty', shape: 'service' },
  // troubleshooting.md: a POST/PUT/PATCH without a valid Content-Type answers this fixed 400 body (no Flow Service code)
  'content-type': { status: 400, code: 'BadRequestError', title: 'A valid content-type must be specified', shape: 'platform' },
  'body-too-large': { status: 413, code: '1463', title: 'Request body too large', shape: 'service' },
  'if-match-missing': { status: 400, code: '1403', title: 'Header is missing', shape: 'service' },
  'version-mismatch': { status: 412, code: '1404', title: 'Version not matching', shape: 'service' },
  'state-in-create': { status: 400, code: '1410', title: 'State is not allowed in the create request', shape: 'service' },
  'read-only-field': { status: 400, code: '1414', title: 'Field cannot be updated', shape: 'service' },
  'unsupported-patch-op': { status: 400, code: '1434', title: 'Unsupported patch operation', shape: 'service' },
  'invalid-patch': { status: 400, code: '1455', title: 'Invalid patch instructions', shape: 'service' },
  'invalid-spec': { status: 400, code: '1413', title: 'Invalid spec ID', shape: 'service' },
  'draft-not-supported': { status: 400, code: '1464', title: 'Draft mode is not supported by this spec', shape: 'service' },
  'unknown-mode': { status: 400, code: '1465', title: 'Unsupported mode', shape: 'service' },
  'unknown-op': { status: 400, code: '1435', title: 'Unsupported action operation', shape: 'service' },
  // catalogue 1422-400 "The action disable cannot be applied on the current state {state}." (enable/disable, runs)
  'action-not-allowed': { status: 400, code: '1422', title: 'The action cannot be applied on the current state', shape: 'service' },
  'not-a-draft': { status: 400, code: '1421', title: 'Only a draft can be published', shape: 'service' },
  'parent-is-draft': { status: 400, code: '1466', title: 'A referenced entity is still a draft', shape: 'service' },
  'reference-missing': { status: 400, code: '1430', title: 'A referenced entity does not exist', shape: 'service' },
  'incomplete-auth': { status: 400, code: '1415', title: 'Auth params do not satisfy the auth spec', shape: 'service' },
  'in-use': { status: 400, code: '1418', title: 'Entity is used by another entity', shape: 'service' },
  'invalid-query': { status: 400, code: '1451', title: 'Invalid query parameter', shape: 'service' },
  'bad-sort-order': { status: 400, code: '1432', title: 'Sort order specified is not correct, prepend + for ascending order and - for descending order in the fieldName', shape: 'service' },
  'unknown-sort-field': { status: 400, code: '1433', title: 'The orderby field is not a field of this resource', shape: 'service' },
  'limit-with-count': { status: 400, code: '1401', title: 'The limit and count parameters cannot be given together', shape: 'service' },
  'validation': { status: 400, code: '1400', title: 'Request body is not valid', shape: 'service' },
  'internal': { status: 500, code: '1102', title: 'Internal server error', shape: 'service' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorKey = keyof typeof ERRORS;

/** Thrown by handlers and rules; app turns it into a response. */
export class ApiError extends Error {
  constructor(
    readonly key: ErrorKey,
    readonly detail: string,
    /** Extra `report` members, as labels.md's 404 carries `id` and `type` (the collection) of what was not found. */
    readonly report: Record<string, string> = {},
  ) {
    super(detail);
  }
  get status(): number {
    return ERRORS[this.key].status;
  }
}

export function errorBody(key: ErrorKey, detail: string, requestId: string, report: Record<string, string> = {}): Record<string, unknown> {
  const spec: ErrorSpec = ERRORS[key];
  if (spec.shape === 'gateway') {
    return { error_code: spec.code, message: spec.title };
  }
  if (spec.shape === 'platform') {
    return { type: '/placeholder/type/uri', status: spec.status, title: spec.code, detail: spec.title };
  }
  return {
    type: `https://ns.adobe.com/aep/errors/FLOW-${spec.code}-${spec.status}`,
    title: spec.title,
    status: spec.status,
    report: { 'detailed-message': detail, ...report, 'request-id': requestId },
    errorMessage: detail,
    errorDetails: detail,
  };
}
