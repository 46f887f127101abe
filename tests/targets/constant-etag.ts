// Broken target: the reference server, correct in every other way, behind a front that shows one constant etag for
// every entity and version. An If-Match of that constant is taken to mean the current version (it is all a client
// can send), so stale writes and racing writers all win; any other If-Match goes through and gets the server's 412.
import { createFlowService, DEFAULT_CREDENTIALS, type AppRequest, type AppResponse } from '../../server/app.ts';
import { header, serialisingPatches, serveTarget, type RunningTarget } from './serve.ts';
import { allBut, type Justified } from './justified.ts';

export const ONE_ETAG = '"00000000-0000-0000-0000-000000000001"';

function constantEtags(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(constantEtags);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, (k === 'etag' || k === 'version') && typeof v === 'string' && v.startsWith('"') ? ONE_ETAG : constantEtags(v)]));
}

export async function startConstantEtag(): Promise<RunningTarget> {
  const reference = createFlowService({ credentials: DEFAULT_CREDENTIALS });
  const send = async (request: AppRequest): Promise<AppResponse> => {
    let forwarded = request;
    if (request.method === 'PATCH' && header(request, 'if-match') === ONE_ETAG) {
      const [path] = request.url.split('?', 1);
      const current = await reference.handle({ method: 'GET', url: path!, headers: request.headers });
      const etag = current.status === 200 ? (JSON.parse(current.body) as { items?: { etag?: string }[] }).items?.[0]?.etag : undefined;
      if (etag) forwarded = { ...request, headers: { ...request.headers, 'if-match': etag } };
    }
    const answer = await reference.handle(forwarded);
    if (!answer.body || !answer.headers['content-type']?.includes('json')) return answer;
    return { ...answer, body: JSON.stringify(constantEtags(JSON.parse(answer.body))) };
  };
  // a PATCH reads the current etag and writes: one at a time, so no write slips in between
  return serveTarget(serialisingPatches(send, send));
}

export const CONSTANT_ETAG_JUSTIFIED: Justified = allBut('shows one etag for every version; the updates, publishes and refusals themselves are the reference\'s', {
  'UPD-002': 'an update never changes the etag',
  'UPD-003': 'degenerate: with one etag for every version, "the etag of the last write" cannot be told from any other',
  'PUB-005': 'degenerate: the publish etag equals the GET etag because every etag is the same',
  'PUB-006': 'publish never changes the etag',
  'ETAG-001': 'a stale If-Match cannot be told from the current one: stale writes win',
  'ETAG-003': 'every racing writer sends the one etag and wins: lost updates',
  'ETAG-005': 'degenerate: GETs show one etag because no etag ever changes, reads or writes',
  'ORD-007': 'the model\'s race steps expect one winner and 412 for the others',
});
