// Broken target: the reference server, correct in every other way (a deleted entity answers 404 by id, and so does a
// second DELETE), behind a front that keeps listing what was deleted: each successful DELETE leaves the entity's last
// view behind, and every later unpaged list of its kind in its sandbox shows it again, where its filters match (DEL-003).
import { createFlowService, DEFAULT_CREDENTIALS, type AppRequest, type AppResponse } from '../../server/app.ts';
import { header, routeOf, serveTarget, type RunningTarget } from './serve.ts';
import { allBut, type Justified } from './justified.ts';

export async function startDeletedStayListed(): Promise<RunningTarget> {
  const reference = createFlowService({ credentials: DEFAULT_CREDENTIALS });
  const ghosts = new Map<string, unknown[]>();
  const key = (request: AppRequest, collection: string) => `${header(request, 'x-sandbox-name') || 'prod'} ${collection}`;
  return serveTarget(async (request: AppRequest): Promise<AppResponse> => {
    const route = routeOf(request);
    if (!route || route.spec) return reference.handle(request);
    if (request.method === 'DELETE' && route.id) {
      const [path] = request.url.split('?', 1);
      const before = await reference.handle({ method: 'GET', url: path!, headers: request.headers });
      const answer = await reference.handle(request);
      if (answer.status < 300 && before.status === 200) {
        const list = ghosts.get(key(request, route.collection)) ?? [];
        list.push(...((JSON.parse(before.body) as { items?: unknown[] }).items ?? []));
        ghosts.set(key(request, route.collection), list);
      }
      return answer;
    }
    const answer = await reference.handle(request);
    const left = ghosts.get(key(request, route.collection));
    // only unpaged lists: paging (LIST-002) stays the reference's, so this target breaks DEL-003 alone
    const paged = route.params.has('limit') || route.params.has('continuationToken');
    if (request.method !== 'GET' || route.id || paged || answer.status !== 200 || !left?.length) return answer;
    const body = JSON.parse(answer.body) as { items?: unknown[] };
    const shown = left.filter((ghost) => matches(ghost as Record<string, unknown>, route.params.getAll('property')));
    return { ...answer, body: JSON.stringify({ ...body, items: [...(body.items ?? []), ...shown] }) };
  });
}

/** A stale index still honours the filters it understands (`field==a,b`), so the ghost shows only where it would have. */
function matches(entity: Record<string, unknown>, conditions: string[]): boolean {
  return conditions.every((condition) => {
    const match = /^(\w+)==(.*)$/.exec(condition);
    if (!match) return false;
    const values = match[2]!.split(',').map((v) => v.replace(/^"|"$/g, ''));
    return values.includes(String(entity[match[1]!]));
  });
}

export const DELETED_STAY_LISTED_JUSTIFIED: Justified = allBut('adds deleted entities back into lists; reads by id, deletes and every write are the reference\'s', {
  'DEL-003': 'a deleted entity stays in every unpaged list of its kind whose filters it matches',
});
