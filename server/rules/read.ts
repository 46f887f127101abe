// Reading one entity by id: the hot path of every client, so its view is cached per etag when no fault bends it.
import type { Caller, Reply } from '../caller.ts';
import { notFound } from '../entities.ts';
import { ownView, render } from '../entity-view.ts';
import { inheritedAttributes } from '../inherited-attributes.ts';
import type { Kind } from '../store.ts';

/**
 * GET /{collection}/{id}. API-006: an id that names nothing answers 404. DRAFT-005: the answer is `{items: [entity]}`,
 * a draft reading `state: "draft"`. UPD-003/ETAG-005: it shows the etag of the last write, the same on every read.
 */
export function getEntity(caller: Caller, kind: Kind, id: string): Reply {
  const entity = caller.scope.get(kind, id);
  if (!entity) {
    if (caller.seams.missingReadsEmpty()) return { status: 200, body: { items: [] } };
    throw notFound(kind, id);
  }
  // with no fault bending views, the entity's own view is a function of its etag (every write moves it). Inherited
  // attributes come from other entities, which change without this etag moving, so they are derived on every read and
  // spliced in after the cached part.
  if (caller.seams.none) {
    if (entity.view?.etag !== entity.etag) entity.view = { etag: entity.etag, json: JSON.stringify(ownView(caller, entity)) };
    const inherited = inheritedAttributes(caller.scope, entity);
    const json = inherited ? `${entity.view.json.slice(0, -1)},"inheritedAttributes":${JSON.stringify(inherited)}}` : entity.view.json;
    return { status: 200, json: `{"items":[${json}]}` };
  }
  return { status: 200, body: { items: [render(caller, entity)] } };
}
