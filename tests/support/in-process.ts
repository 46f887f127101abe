// Talks to a reference server built in-process (no socket): the fastest way for the project's own tests to drive it.
import { BASE_PATH, createFlowService, DEFAULT_CREDENTIALS, type FlowService, type FlowServiceOptions } from '../../server/app.ts';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: any;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is, for malformed-body tests. */
  rawBody?: string;
  headers?: Record<string, string | undefined>;
  sandbox?: string;
}

export const PLATFORM_HEADERS = {
  authorization: `Bearer ${DEFAULT_CREDENTIALS.accessToken}`,
  'x-api-key': DEFAULT_CREDENTIALS.apiKey,
  'x-gw-ims-org-id': DEFAULT_CREDENTIALS.orgId,
  'x-sandbox-name': 'prod',
};

export class InProcessClient {
  readonly service: FlowService;
  constructor(options: FlowServiceOptions = {}) {
    this.service = createFlowService({ credentials: DEFAULT_CREDENTIALS, ...options });
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string | undefined> = { ...PLATFORM_HEADERS };
    if (options.sandbox) headers['x-sandbox-name'] = options.sandbox;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, options.headers);
    for (const key of Object.keys(headers)) if (headers[key] === undefined) delete headers[key];
    const answer = await this.service.handle({ method, url: BASE_PATH + path, headers, ...(body === undefined ? {} : { body }) });
    let parsed: unknown;
    try {
      parsed = answer.body === '' ? undefined : JSON.parse(answer.body);
    } catch {
      parsed = undefined;
    }
    return { status: answer.status, headers: answer.headers, body: parsed, text: answer.body };
  }

  get(path: string, options?: CallOptions) {
    return this.call('GET', path, options);
  }
  post(path: string, body?: unknown, options?: CallOptions) {
    return this.call('POST', path, { ...options, ...(body === undefined ? {} : { body }) });
  }
  patch(path: string, body: unknown, ifMatch: string | undefined, options?: CallOptions) {
    return this.call('PATCH', path, { ...options, body, headers: { ...options?.headers, 'if-match': ifMatch } });
  }
  delete(path: string, options?: CallOptions) {
    return this.call('DELETE', path, options);
  }
}
