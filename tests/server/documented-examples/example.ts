// What one documented example is, as data: the request a doc shows, what must exist before it (built with the
// in-process client), the status and the response shape the doc shows. Our own transcription of the docs (never read
// at test time); `{NAME}` in the request or shape is replaced by the value the setup answers for NAME.
import { expect } from '@playwright/test';
import { describeAnswer } from '../../support/drafts.ts';
import { PLATFORM_HEADERS, type InProcessClient } from '../../support/in-process.ts';
import type { Shape } from '../../support/shape.ts';

/** The parts of issue 11 other helpers are building; `none` is behaviour no part covers yet (see the report). */
export type Part = 'lists' | 'fields' | 'errors' | 'runs' | 'explore' | 'none';

export const PART_NAMES: Record<Part, string> = {
  lists: 'lists (_links, next href)',
  fields: 'fields (inheritedAttributes, lastOperation, single-object PATCH)',
  errors: 'error codes (400 content-type, FLOW-1439-404)',
  runs: 'runs and enable/disable',
  explore: 'explore and specs',
  none: 'a part not yet assigned',
};

export interface DocumentedExample {
  /** Doc file, stored commit and section the example comes from. */
  doc: string;
  title: string;
  request: {
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
    /** Path and query as the doc writes them, below the base path. */
    path: string;
    /** Headers the doc sends beyond the platform ones; null: the header is not sent at all. */
    headers?: Record<string, string | null>;
    body?: unknown;
  };
  /** Builds what the example needs; answers the values of its `{NAME}` placeholders. */
  setup?: (api: InProcessClient) => Promise<Record<string, string>>;
  /** The documented status; `4xx` where the doc documents a refusal but not its status. */
  status: number | '4xx';
  /** The documented body, trimmed to the fields the doc shows; absent where the doc shows none. */
  shape?: Shape;
  /** The whole example waits for this part of issue 11. */
  awaits?: Part;
  /** Fields of the documented body that a part of issue 11 adds: each is checked (with `shape`) in its own test. */
  awaitsFields?: Partial<Record<Part, Shape>>;
  /** Why the transcription differs from the doc (a doc bug, a spec the reference catalogue does not serve). */
  note?: string;
}

/**
 * The runs part's test-only way to add a run to an enabled flow (an admin route outside the Flow Service paths).
 * Until that part lands this answers 404 and the examples that need a run fail, as they are marked to.
 */
export async function addRun(api: InProcessClient, flowId: string): Promise<string> {
  const url = `/__reference/flows/${flowId}/runs`;
  const answer = await api.service.handle({ method: 'POST', url, headers: { ...PLATFORM_HEADERS } });
  const body = answer.body === '' ? undefined : (JSON.parse(answer.body) as { id?: string });
  expect(answer.status, `POST ${url}: received ${answer.status} ${answer.body.slice(0, 300)}`).toBe(201);
  return body!.id!;
}

/** PATCH with a JSON Patch array, expecting 200, for setups that need an entity in a given shape. */
export async function patched(api: InProcessClient, kind: string, id: string, etag: string, patch: unknown): Promise<string> {
  const answer = await api.patch(`/${kind}/${id}`, patch, etag);
  expect(answer.status, describeAnswer('PATCH', `/${kind}/${id}`, answer)).toBe(200);
  return answer.body.etag as string;
}

export const unquoted = (etag: string) => etag.replace(/^"(.*)"$/, '$1');
