// Listing entities of one kind: filters, sort order, count, and pages linked by continuation tokens.
import type { Caller, Reply } from '../caller.ts';
import { readEntityField, render } from '../entity-view.ts';
import { ApiError } from '../errors.ts';
import type { FaultSeams } from '../fault-seams.ts';
import { encodeToken, matches, parseListQuery, sortBy } from '../list-query.ts';
import { isSortableField } from '../sortable-fields.ts';
import type { Entity, Kind, Scope } from '../store.ts';

/**
 * GET /{collection}. LIST-001: `property=state==draft` answers drafts only. LIST-002: with `limit`, pages linked by
 * `_links.next.href` yield every item once. DEL-003: a deleted entity is in no list, page or count.
 */
export function listEntities(caller: Caller, kind: Kind, params: URLSearchParams): Reply {
  const { seams } = caller;
  const query = parseListQuery(params, true);
  // auth params are masked on read, so they may not be probed through filters or sort order either
  const probesAuth = (path: string[]) => path[0] === 'auth';
  if (query.conditions.some((c) => probesAuth(c.path)) || (query.orderBy && probesAuth(query.orderBy.path))) {
    throw new ApiError('invalid-query', 'Filtering or sorting on auth fields is not supported.');
  }
  // 1433-400 in the error catalogue: a field the resource does not have cannot order a list
  if (query.orderBy && !isSortableField(kind, query.orderBy.path)) {
    throw new ApiError('unknown-sort-field', `'${query.orderBy.path.join('.')}' is not a field of ${kind}; it cannot order the list.`);
  }
  if (seams.stateFilterIgnored()) query.conditions = query.conditions.filter((c) => c.path.join('.') !== 'state');
  // the token's query is kept, only its position lost: the first page of the same list again
  if (seams.continuationIgnored()) delete query.token;
  const table = listed(caller.scope, kind, seams);
  const accept = (e: Entity) => matches(e, query.conditions, readEntityField);

  if (query.count) {
    let count = 0;
    for (const entity of table.values()) if (accept(entity)) count++;
    return { status: 200, body: { count } };
  }
  const limit = query.limit ?? Infinity;
  let page: Entity[];
  let next: string | undefined;
  if (query.orderBy) {
    const all = sortBy([...table.values()].filter(accept), query.orderBy, readEntityField);
    const offset = query.token && 'offset' in query.token ? query.token.offset : 0;
    page = all.slice(offset, offset + limit);
    if (offset + limit < all.length) next = encodeToken({ offset: offset + limit }, query);
  } else {
    const afterSeq = query.token && 'afterSeq' in query.token ? query.token.afterSeq : -1;
    page = [];
    for (const entity of table.from(afterSeq)) {
      if (!accept(entity)) continue;
      if (page.length === limit) {
        next = encodeToken({ afterSeq: page[page.length - 1]!.seq }, query);
        break;
      }
      page.push(entity);
    }
  }
  // `_links` on every page, `{}` on the last: the OAS list schemas declare it and the documented single-page runs
  // answer ends `"_links": {}`. The href is the one documented shape, `/connections?continuationToken=…`, token first
  // and alone (clients split on `continuationToken=`); the token carries the filters, orderby and limit
  // (DECISIONS.md, "List wrapper", "Next link").
  const links = next ? { next: { href: `/${kind}?continuationToken=${next}` } } : {};
  return { status: 200, body: { items: page.map((e) => render(caller, e)), _links: links } };
}

interface Listable {
  values(): Iterable<Entity>;
  from(afterSeq: number): Iterable<Entity>;
}

/** DEL-003: the table as lists see it; only the fault `deleted-entities-stay-listed` adds the deleted back. */
function listed(scope: Scope, kind: Kind, seams: FaultSeams): Listable {
  const table = scope.tables[kind];
  const kept = seams.ghostsOf(table);
  if (!kept?.length) return table;
  const all = () => [...table.values(), ...kept].sort((a, b) => a.seq - b.seq);
  return { values: all, from: (afterSeq) => all().filter((e) => e.seq > afterSeq) };
}
