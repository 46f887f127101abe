// A deliberately different implementation of the contract: the reference server behind a wrapper that changes only
// what the catalogue leaves open. Other id and etag formats, 428 for a missing If-Match, 200 on creates, 202 on
// deletes, error bodies of another shape, every auth param masked on read, `_links` relative to the origin, extra
// fields and reversed field order. The kit must pass it unchanged; if it does not, the kit overfits.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONNECTION_SPECS, FLOW_SPECS } from '../../server/catalog.ts';
import { BASE_PATH, createFlowService, DEFAULT_CREDENTIALS, type AppRequest, type AppResponse } from '../../server/app.ts';

export interface RunningVariant {
  url: string;
  /** Requests per client product (the User-Agent's first token), so a test can tell which transport sent them. */
  clients: Map<string, number>;
  close(): Promise<void>;
}

/** Bidirectional renaming of one value space (ids or etags). */
class Aliases {
  private readonly outward = new Map<string, string>();
  private readonly inward = new Map<string, string>();
  constructor(private readonly mint: (n: number) => string) {}
  out(value: string): string {
    let alias = this.outward.get(value);
    if (!alias) {
      alias = this.mint(this.outward.size + 1);
      this.outward.set(value, alias);
      this.inward.set(alias, value);
    }
    return alias;
  }
  in(value: string): string {
    return this.inward.get(value) ?? value;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SPEC_IDS = new Set([...CONNECTION_SPECS, ...FLOW_SPECS].map((spec) => spec.id));

export function createVariant() {
  const reference = createFlowService({ credentials: DEFAULT_CREDENTIALS });
  const ids = new Aliases((n) => `vx${n.toString(36).padStart(6, '0')}`);
  const etags = new Aliases((n) => `"rev-${n}"`);

  const translateIn = (value: unknown): unknown => {
    if (typeof value === 'string') return ids.in(value);
    if (Array.isArray(value)) return value.map(translateIn);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translateIn(v)]));
    return value;
  };
  const translateOut = (value: unknown, key = ''): unknown => {
    if (typeof value === 'string') {
      if ((key === 'etag' || key === 'version') && value.startsWith('"')) return etags.out(value);
      return UUID.test(value) && !SPEC_IDS.has(value) ? ids.out(value) : value;
    }
    if (Array.isArray(value)) return value.map((v) => translateOut(v, key));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translateOut(v, k)] as const).reverse());
    }
    return value;
  };

  async function handle(request: AppRequest): Promise<AppResponse> {
    const [path = '', query] = request.url.split('?', 2);
    const segments = path.split('/').map((s) => ids.in(decodeURIComponent(s)));
    const params = new URLSearchParams(query ?? '');
    for (const [name, value] of [...params]) if (name === 'property') params.set(name, value.replace(/==(.+)$/, (_m, v: string) => `==${v.split(',').map((x) => ids.in(x)).join(',')}`));
    const headers = { ...request.headers };
    if (request.method === 'PATCH' && !headers['if-match']) return errorAnswer(428, 'PRECONDITION_REQUIRED', 'If-Match is required');
    if (typeof headers['if-match'] === 'string') headers['if-match'] = etags.in(headers['if-match']);
    let body = request.body;
    const isJson = String(headers['content-type'] ?? '').includes('json');
    if (body !== undefined && isJson) {
      try {
        body = JSON.stringify(translateIn(JSON.parse(body.toString())));
      } catch {
        // malformed bodies go through untouched: the reference answers them
      }
    }
    const rebuiltQuery = params.toString();
    const answer = await reference.handle({ ...request, headers, url: segments.join('/') + (rebuiltQuery ? `?${rebuiltQuery}` : ''), ...(body === undefined ? {} : { body }) });
    if (answer.status >= 400) {
      const parsed = answer.body ? (JSON.parse(answer.body) as Record<string, unknown>) : {};
      return errorAnswer(answer.status, 'E' + answer.status, String(parsed.errorMessage ?? parsed.message ?? 'error'));
    }
    if (answer.body === '') return { ...answer, status: request.method === 'DELETE' ? 202 : answer.status };
    let out = translateOut(JSON.parse(answer.body)) as Record<string, unknown>;
    if (Array.isArray(out.items)) {
      out = { ...out, items: out.items.map((item) => maskAuth({ ...(item as Record<string, unknown>), variantRevision: 1 })) };
    }
    const next = (out._links as { next?: { href: string } } | undefined)?.next;
    if (next) out._links = { next: { href: BASE_PATH + next.href } };
    const status = request.method === 'POST' && answer.status === 201 ? 200 : answer.status;
    return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(out) };
  }
  return { handle };
}

function maskAuth(item: Record<string, unknown>): Record<string, unknown> {
  const auth = item.auth as { params?: Record<string, unknown> } | undefined;
  if (!auth?.params) return item;
  return { ...item, auth: { ...auth, params: Object.fromEntries(Object.keys(auth.params).map((k) => [k, '<hidden>'])) } };
}

function errorAnswer(status: number, code: string, message: string): AppResponse {
  return { status, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ error: { code, message, status } }) };
}

export async function startVariant(): Promise<RunningVariant> {
  const variant = createVariant();
  const clients = new Map<string, number>();
  const server = createServer((req, res) => {
    const client = (req.headers['user-agent'] ?? '').split(/[\s/]/)[0] || '(none)';
    clients.set(client, (clients.get(client) ?? 0) + 1);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: AppRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) };
      void variant.handle(request).then((answer) => {
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    clients,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}
