// Broken target: the reference server, correct in every other way, behind a front that ignores If-Match. Before each
// PATCH it reads the entity and sends the server its current etag, whatever the client sent (a stale one, none at
// all). Each read-and-patch runs alone, so of N racing writers with one etag every one wins: the last write stays and
// the others are lost without a 412.
import { createFlowService, DEFAULT_CREDENTIALS, type AppRequest, type AppResponse } from '../../server/app.ts';
import { serialisingPatches, serveTarget, type RunningTarget } from './serve.ts';
import { allBut, type Justified } from './justified.ts';

export async function startIgnoreIfMatch(): Promise<RunningTarget> {
  const reference = createFlowService({ credentials: DEFAULT_CREDENTIALS });
  const patchWithCurrentEtag = async (request: AppRequest): Promise<AppResponse> => {
    const [path] = request.url.split('?', 1);
    const current = await reference.handle({ method: 'GET', url: path!, headers: request.headers });
    const etag = current.status === 200 ? (JSON.parse(current.body) as { items?: { etag?: string }[] }).items?.[0]?.etag : undefined;
    const headers = { ...request.headers };
    if (etag) headers['if-match'] = etag;
    return reference.handle({ ...request, headers });
  };
  return serveTarget(serialisingPatches((request) => reference.handle(request), patchWithCurrentEtag));
}

export const IGNORE_IF_MATCH_JUSTIFIED: Justified = allBut('rewrites If-Match on PATCH; PATCHes that carry the current etag behave as the reference\'s', {
  'ETAG-001': 'a stale If-Match wins',
  'ETAG-002': 'a PATCH without If-Match wins',
  'ETAG-003': 'every racing writer wins: lost updates',
  'ORD-007': 'the model\'s race steps expect one winner and 412 for the others',
});
