// Broken target: the reference server, correct in every other way, behind a front that drops every `property` filter
// and every `limit` from a list request before it reaches the server. Lists answer everything the sandbox holds (and
// every spec), in one page. Sandboxes stay apart, so the isolation check can run.
import { createFlowService, DEFAULT_CREDENTIALS, type AppRequest } from '../../server/app.ts';
import { routeOf, serveTarget, type RunningTarget } from './serve.ts';
import { allBut, type Justified } from './justified.ts';

export async function startIgnoreFilters(): Promise<RunningTarget> {
  const reference = createFlowService({ credentials: DEFAULT_CREDENTIALS });
  return serveTarget((request: AppRequest) => {
    const route = routeOf(request);
    if (request.method !== 'GET' || !route || route.id) return reference.handle(request);
    route.params.delete('property');
    route.params.delete('limit');
    const [path] = request.url.split('?', 1);
    const query = route.params.toString();
    return reference.handle({ ...request, url: `${path}${query ? `?${query}` : ''}` });
  });
}

export const IGNORE_FILTERS_JUSTIFIED: Justified = allBut('drops `property` and `limit` from list requests, and nothing here depends on them being honoured', {
  'SPEC-002': 'GET /flowSpecs?property=name==… lists every spec',
  'LIST-001': 'property=state==draft is dropped: lists show published entities too',
  'LIST-002': 'limit is dropped: one page holds everything, over the limit',
});
