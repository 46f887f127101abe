// A failing check's evidence turned into steps anyone can replay: the requests up to the one whose answer broke the
// rule, with the ids and etags the target answered earlier threaded into later requests (a replay gets new ids), the
// secrets the report masks taken from the environment, never written down, and the answer that broke the rule kept
// to compare the replay's with. The curl script and the standalone Playwright spec are two renderings of one plan.

export interface ReproExchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: unknown };
  response?: { status: number; headers: Record<string, string>; body?: unknown };
  phase?: string;
}

/** A string built from literal text and variables (`$ID1`): a URL with an id in it, an If-Match with an etag. */
export type Template = ({ text: string } | { variable: string })[];
/** A string of a body: a class, so that it cannot be mistaken for a body's own array or object. */
export class StringTemplate {
  constructor(readonly parts: Template) {}
}
/** A JSON body whose strings may hold variables. */
export type BodyTemplate = null | boolean | number | StringTemplate | BodyTemplate[] | { [key: string]: BodyTemplate };

export interface Capture {
  variable: string;
  /** Where the answer holds it: a jq-style path into the body (`.items[0].id`), or a header. */
  from: { body: (string | number)[] } | { header: string };
}

export interface ReproStep {
  method: string;
  /** Below the service base URL, query included. */
  path: Template;
  headers: { name: string; value: Template }[];
  body?: BodyTemplate;
  captures: Capture[];
  /** Kind and id variable of the entity this step created, for the replay's own cleanup. */
  created?: { collection: string; variable: string };
}

export interface ReproPlan {
  requirement: string;
  /** The failing check's title and its failure, as the report shows them. */
  test: string;
  message: string;
  steps: ReproStep[];
  /** The answer that broke the rule (the last step's), as recorded. */
  broke: { status: number; body: unknown };
  /** Environment variables the replay reads, with what each is. */
  environment: { name: string; what: string; fallback?: string }[];
}

/** The service's collections: the base URL is what comes before the first of them. */
const COLLECTIONS = /\/(connections|sourceConnections|targetConnections|flows|connectionSpecs|flowSpecs|runs)(?=[/?]|$)/;
/** What the report writes in place of a secret. */
export const MASKED = '[redacted]';
const SECRET_HEADERS: Record<string, { name: string; what: string; prefix?: string }> = {
  authorization: { name: 'AEP_ACCESS_TOKEN', what: 'the IMS access token', prefix: 'Bearer ' },
  'x-api-key': { name: 'AEP_API_KEY', what: 'the API key (the client id)' },
};

export function baseOf(url: string): string | undefined {
  const at = url.search(COLLECTIONS);
  return at < 0 ? undefined : url.slice(0, at);
}

/**
 * The plan replaying `exchanges[0..culprit]` (cleanup exchanges left out). Throws when the evidence cannot be replayed
 * (no culprit, no answer recorded for it, a URL outside the service).
 */
export function planRepro(requirement: string, test: string, message: string, exchanges: ReproExchange[], culprit: number): ReproPlan {
  const broke = exchanges[culprit]?.response;
  if (!broke) throw new Error(`${requirement}: the exchange that broke the rule has no recorded answer to compare with`);
  const known = new Map<string, string>(); // a value the target answered → the variable that holds it in a replay
  const environment = new Map<string, { name: string; what: string; fallback?: string }>();
  const counters = { ID: 0, ETAG: 0 };
  const steps: ReproStep[] = [];
  const chosen = exchanges.slice(0, culprit + 1).filter((x, i) => i === culprit || (x.phase !== 'cleanup' && x.response));
  for (const exchange of chosen) {
    const base = baseOf(exchange.request.url);
    if (base === undefined) throw new Error(`${requirement}: ${exchange.request.url} is not a Flow Service URL`);
    const step: ReproStep = {
      method: exchange.request.method,
      path: thread(exchange.request.url.slice(base.length), known),
      headers: headersOf(exchange.request.headers, known, environment),
      captures: [],
      ...(exchange.request.body !== undefined ? { body: bodyTemplate(exchange.request.body, known, environment, []) } : {}),
    };
    const answer = exchange.response;
    if (answer && answer.status < 300) {
      const capture = (value: unknown, kind: 'ID' | 'ETAG', from: Capture['from']) => {
        if (typeof value !== 'string' || value === '' || value === MASKED || known.has(value)) return;
        const variable = `${kind}${++counters[kind]}`;
        known.set(value, variable);
        step.captures.push({ variable, from });
      };
      const body = answer.body as { id?: unknown; etag?: unknown; items?: { id?: unknown; etag?: unknown }[] } | undefined;
      capture(body?.id, 'ID', { body: ['id'] });
      capture(body?.etag, 'ETAG', { body: ['etag'] });
      (Array.isArray(body?.items) ? body.items : []).forEach((item, i) => {
        capture(item?.id, 'ID', { body: ['items', i, 'id'] });
        capture(item?.etag, 'ETAG', { body: ['items', i, 'etag'] });
      });
      capture(headerOf(answer.headers, 'etag'), 'ETAG', { header: 'etag' });
      const collection = /^\/(connections|sourceConnections|targetConnections|flows)(?:\?|$)/.exec(exchange.request.url.slice(base.length))?.[1];
      if (exchange.request.method === 'POST' && collection && typeof body?.id === 'string') step.created = { collection, variable: known.get(body.id)! };
    }
    steps.push(step);
  }
  return { requirement, test, message, steps, broke: { status: broke.status, body: broke.body }, environment: [...environment.values()] };
}

/** `text` with every value the target answered earlier replaced by its variable (longest first: an etag holds no id). */
export function thread(text: string, known: Map<string, string>): Template {
  let parts: Template = [{ text }];
  for (const [value, variable] of [...known].sort((a, b) => b[0].length - a[0].length)) {
    parts = parts.flatMap((part) => {
      if (!('text' in part) || !part.text.includes(value)) return [part];
      const pieces = part.text.split(value);
      return pieces.flatMap((piece, i) => [...(piece ? [{ text: piece }] : []), ...(i < pieces.length - 1 ? [{ variable }] : [])]);
    });
  }
  return parts;
}

function headersOf(headers: Record<string, string>, known: Map<string, string>, environment: Map<string, { name: string; what: string; fallback?: string }>): ReproStep['headers'] {
  const out: ReproStep['headers'] = [];
  for (const [raw, value] of Object.entries(headers)) {
    const name = raw.toLowerCase();
    const secret = SECRET_HEADERS[name];
    if (secret) {
      environment.set(secret.name, { name: secret.name, what: secret.what });
      out.push({ name, value: [...(secret.prefix ? [{ text: secret.prefix }] : []), { variable: secret.name }] });
    } else if (name === 'x-gw-ims-org-id') {
      environment.set('AEP_ORG_ID', { name: 'AEP_ORG_ID', what: 'the IMS organization id', fallback: value });
      out.push({ name, value: [{ variable: 'AEP_ORG_ID' }] });
    } else if (value.includes(MASKED)) {
      const variable = envName('AEP_HEADER', [name]);
      environment.set(variable, { name: variable, what: `the ${name} header the report masks` });
      out.push({ name, value: [{ variable }] });
    } else out.push({ name, value: thread(value, known) });
  }
  return out;
}

function bodyTemplate(value: unknown, known: Map<string, string>, environment: Map<string, { name: string; what: string; fallback?: string }>, path: string[]): BodyTemplate {
  if (typeof value === 'string') {
    if (value !== MASKED) return new StringTemplate(thread(value, known));
    // a masked auth param (a password, a secret key): the replay takes it from the environment, as the kit did
    const variable = envName('AEP_SECRET', path);
    environment.set(variable, { name: variable, what: `the body field ${path.join('.')} the report masks`, fallback: MASKED });
    return new StringTemplate([{ variable }]);
  }
  if (Array.isArray(value)) return value.map((v, i) => bodyTemplate(v, known, environment, [...path, String(i)]));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bodyTemplate(v, known, environment, [...path, k])]));
  }
  return value as null | boolean | number;
}

function envName(prefix: string, path: string[]): string {
  return `${prefix}_${path.join('_').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}`;
}

export function headerOf(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}
