// Flow runs, outside the kit's subset (issue 11, item 1), for teams that mock Flow Service: `GET /runs` with the
// documented filters and paging, `GET /runs/{id}`, a flow's `runs` link and `lastRunDetails`. Nothing runs in the
// background: a run exists only once a test adds it through the admin route (`run-admin.ts`), so lists are
// deterministic. Shapes: EN `help/sources/tutorials/api/monitor.md` (the run object, `"_links": {}` on a single page),
// OAS `FlowRunsListResponse` `{items, _links, count}` and `GET /runs/{RUN_ID}` answering `{items: [run]}`,
// EN `help/dataflows/api/sort-and-filter.md` (run filters: `id`, `flowId`, `state`, `metrics.…` with `>`/`<`).
import { ApiError } from './errors.ts';
import type { Caller, Reply } from './caller.ts';
import { encodeToken, matches, parseListQuery, readPath, sortBy } from './list-query.ts';
import { newEtag, type Entity, type JsonObject, type Scope } from './store.ts';

export interface Run {
  id: string;
  seq: number;
  flowId: string;
  /** The documented run object, built once: a run does not change after it is added. */
  view: JsonObject;
}

interface RunBook {
  /** In creation order; lists answer newest first (DEST-OAS `GET /runs`: "The most recently created … are returned first"). */
  runs: Run[];
  byId: Map<string, Run>;
  /** The run with the latest start per flow: the flow's `lastRunDetails` (OAS FlowItemDTO l.4202). */
  latest: Map<string, Run>;
}

const books = new WeakMap<Scope, RunBook>();

function bookOf(scope: Scope): RunBook {
  let book = books.get(scope);
  if (!book) {
    book = { runs: [], byId: new Map(), latest: new Map() };
    books.set(scope, book);
  }
  return book;
}

/** What a test may say about a run it adds; everything else takes a documented default. */
export interface RunSeed {
  /** `metrics.statusSummary.status`: `success` (monitor.md), `failed` (DEST-OAS l.6855; lastRunDetails "success or failed"), or any other. */
  status?: string;
  startedAtUTC?: number;
  completedAtUTC?: number;
  inputRecordCount?: number;
  failedRecordCount?: number;
}

/** Statuses a run may be given; other documented spellings (`Failed`, `inProgress`, `scheduled`) are accepted as sent. */
const STATUS_PATTERN = /^[A-Za-z_-]{1,40}$/;

export function checkRunSeed(body: unknown): RunSeed {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new ApiError('validation', 'The run body must be a JSON object.');
  const seed = body as Record<string, unknown>;
  const out: RunSeed = {};
  if (seed.status !== undefined) {
    if (typeof seed.status !== 'string' || !STATUS_PATTERN.test(seed.status)) throw new ApiError('validation', "Field 'status' must be a word such as success or failed.");
    out.status = seed.status;
  }
  for (const field of ['startedAtUTC', 'completedAtUTC', 'inputRecordCount', 'failedRecordCount'] as const) {
    const value = seed[field];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || (value as number) < 0) throw new ApiError('validation', `Field '${field}' must be a non-negative integer.`);
    out[field] = value as number;
  }
  for (const key of Object.keys(seed)) {
    if (!['status', 'startedAtUTC', 'completedAtUTC', 'inputRecordCount', 'failedRecordCount'].includes(key)) {
      throw new ApiError('validation', `Field '${key}' is not one a run can be given.`);
    }
  }
  return out;
}

/** Adds a run of `flow` and answers it; the flow's cached GET view is dropped, since its `lastRunDetails` moved. */
export function addRun(caller: Caller, flow: Entity, seed: RunSeed): Run {
  const book = bookOf(caller.scope);
  const now = Date.now();
  const startedAtUTC = seed.startedAtUTC ?? now;
  const completedAtUTC = seed.completedAtUTC ?? startedAtUTC + 1000;
  const status = seed.status ?? 'success';
  const inputRecordCount = seed.inputRecordCount ?? 100;
  const failedRecordCount = Math.min(seed.failedRecordCount ?? (status === 'success' ? 0 : inputRecordCount), inputRecordCount);
  const run: Run = { id: crypto.randomUUID(), seq: caller.store.nextSeq(), flowId: flow.id, view: {} };
  run.view = runView(caller, flow, run, { startedAtUTC, completedAtUTC, status, inputRecordCount, failedRecordCount, now });
  book.runs.push(run);
  book.byId.set(run.id, run);
  const latest = book.latest.get(flow.id);
  if (!latest || startedAtUTC >= startedOf(latest)) book.latest.set(flow.id, run);
  delete flow.view;
  return run;
}

interface RunFacts {
  startedAtUTC: number;
  completedAtUTC: number;
  status: string;
  inputRecordCount: number;
  failedRecordCount: number;
  now: number;
}

/** The run object of monitor.md: `statusSummary` inside `metrics`, a copy and a promotion activity, no top-level state. */
function runView(caller: Caller, flow: Entity, run: Run, facts: RunFacts): JsonObject {
  const { startedAtUTC, completedAtUTC, status, inputRecordCount, failedRecordCount } = facts;
  const outputRecordCount = inputRecordCount - failedRecordCount;
  const inputBytes = inputRecordCount * 240;
  const outputBytes = outputRecordCount * 170;
  const durationSummary = { startedAtUTC, completedAtUTC };
  const sizeSummary = { inputBytes, outputBytes };
  const recordSummary = { inputRecordCount, outputRecordCount, failedRecordCount };
  const fileSummary = { inputFileCount: 1, outputFileCount: 1 };
  const errors = failedRecordCount > 0 || status.toLowerCase() === 'failed'
    ? [{ code: 'CONNECTOR-2001-500', message: 'Error occurred at promotion activity.' }]
    : [];
  const ids = (field: string) => (Array.isArray(flow.doc[field]) ? (flow.doc[field] as unknown[]).filter((v): v is string => typeof v === 'string') : []);
  return {
    createdAt: facts.now,
    updatedAt: facts.now,
    createdBy: caller.clientId,
    updatedBy: caller.clientId,
    createdClient: caller.clientId,
    updatedClient: caller.clientId,
    sandboxId: caller.scope.sandbox,
    sandboxName: caller.scope.sandbox,
    imsOrgId: caller.scope.org,
    id: run.id,
    flowId: flow.id,
    etag: newEtag(),
    metrics: {
      durationSummary,
      sizeSummary,
      recordSummary,
      fileSummary: { ...fileSummary, activityRefs: ['promotionActivity'] },
      statusSummary: { status, errors, activityRefs: ['promotionActivity'] },
    },
    activities: [
      {
        id: 'copyActivity', updatedAtUTC: completedAtUTC, durationSummary, sizeSummary, recordSummary: {}, fileSummary,
        statusSummary: { status, extensions: { type: 'one-time' } },
        sourceInfo: ids('sourceConnectionIds').map((id) => ({ id, type: 'SourceConnection', reference: { type: 'AdfRunId', ids: [run.id] } })),
      },
      {
        id: 'promotionActivity', updatedAtUTC: completedAtUTC, durationSummary, sizeSummary, recordSummary, fileSummary,
        statusSummary: { status, errors },
        targetInfo: ids('targetConnectionIds').map((id) => ({ id, type: 'TargetConnection', reference: { type: 'Batch', ids: [batchIdOf(run.seq)] } })),
      },
    ],
  };
}

/** A batch id shaped like the docs' (26 characters of Crockford base 32), unique per run. */
function batchIdOf(seq: number): string {
  return ('01EF' + seq.toString(32).toUpperCase()).padEnd(26, '0');
}

function startedOf(run: Run): number {
  return (readPath(run.view, ['metrics', 'durationSummary', 'startedAtUTC']) as number | undefined) ?? 0;
}

/** A run's fields for filters and orderby; `state` is the run's status (sort-and-filter documents `state==inProgress`). */
function readRunField(run: Run, path: string[]): unknown {
  if (path.length === 1 && path[0] === 'state') return readPath(run.view, ['metrics', 'statusSummary', 'status']);
  return readPath(run.view, path);
}

const SORTABLE = new Set([
  'id', 'flowId', 'state', 'createdAt', 'updatedAt', 'metrics.durationSummary.startedAtUTC', 'metrics.durationSummary.completedAtUTC',
]);

export function listRuns(caller: Caller, params: URLSearchParams): Reply {
  const query = parseListQuery(params, true);
  if (query.orderBy && !SORTABLE.has(query.orderBy.path.join('.'))) {
    throw new ApiError('unknown-sort-field', `'${query.orderBy.path.join('.')}' cannot order the runs list.`);
  }
  const { runs } = bookOf(caller.scope);
  const accept = (run: Run) => matches(run, query.conditions, readRunField);
  if (query.count) return { status: 200, body: { count: runs.filter(accept).length } };
  const limit = query.limit ?? Infinity;
  let page: Run[] = [];
  let next: string | undefined;
  if (query.orderBy) {
    const all = sortBy(runs.filter(accept), query.orderBy, readRunField);
    const offset = query.token && 'offset' in query.token ? query.token.offset : 0;
    page = all.slice(offset, offset + limit);
    if (offset + limit < all.length) next = encodeToken({ offset: offset + limit }, query);
  } else {
    // newest first: the token carries the last seq answered, and the next page starts below it
    const below = query.token && 'afterSeq' in query.token ? query.token.afterSeq : Infinity;
    for (let at = runs.length - 1; at >= 0; at--) {
      const run = runs[at]!;
      if (run.seq >= below || !accept(run)) continue;
      if (page.length === limit) {
        next = encodeToken({ afterSeq: page[page.length - 1]!.seq }, query);
        break;
      }
      page.push(run);
    }
  }
  // the same next link as the entity lists (DECISIONS.md, "Next link"): the token alone, carrying the query
  return { status: 200, body: { items: page.map((run) => run.view), _links: next ? { next: { href: `/runs?continuationToken=${next}` } } : {} } };
}

export function getRun(caller: Caller, id: string): Reply {
  const run = bookOf(caller.scope).byId.get(id);
  if (!run) throw new ApiError('not-found', `The requested runs resource ${id} is not found. Verify the resource ID before trying again.`);
  return { status: 200, body: { items: [run.view] } };
}

/**
 * The run fields of a flow's GET view: `runs`, the documented link `"/runs?property=flowId==<id>"` (OAS l.4184,
 * DEST-OAS l.4802), and `lastRunDetails {id, state, startedAtUTC, completedAtUTC}` once it has run (OAS l.4202;
 * example in update-dataflows.md).
 */
export function flowRunFields(scope: Scope, flowId: string): JsonObject {
  const fields: JsonObject = { runs: `/runs?property=flowId==${flowId}` };
  const latest = books.get(scope)?.latest.get(flowId);
  if (latest) {
    fields.lastRunDetails = {
      id: latest.id,
      state: readRunField(latest, ['state']) as string,
      startedAtUTC: startedOf(latest),
      completedAtUTC: readPath(latest.view, ['metrics', 'durationSummary', 'completedAtUTC']) as number,
    };
  }
  return fields;
}
