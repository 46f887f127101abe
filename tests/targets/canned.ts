// Canned entities for the stateless targets: one of each kind, made by the reference server (so every body validates
// against the kit's schemas, and API-008 is no reason to fail) and then frozen under the id and etag the caller gives.
// Names are the draft tutorial's, never the kit's: a read-back of a canned entity never shows what the kit wrote.
import { InProcessClient } from '../support/in-process.ts';
import { baseConnectionBody, flowBody, sourceConnectionBody, targetConnectionBody } from '../support/bodies.ts';
import type { Kind } from '../../server/store.ts';

export type Entity = Record<string, unknown>;

export async function cannedEntities(mode: 'draft' | 'enabled'): Promise<Record<Kind, Entity>> {
  const reference = new InProcessClient();
  const query = mode === 'draft' ? '?mode=draft' : '';
  const create = async (collection: Kind, body: unknown): Promise<Entity> => {
    const created = await reference.post(`/${collection}${query}`, body);
    if (created.status !== 201) throw new Error(`canned ${collection}: the reference answered ${created.status} ${created.text}`);
    const read = await reference.get(`/${collection}/${created.body.id}`);
    return read.body.items[0] as Entity;
  };
  const base = await create('connections', baseConnectionBody());
  const source = await create('sourceConnections', sourceConnectionBody(String(base.id)));
  const target = await create('targetConnections', targetConnectionBody());
  const flow = await create('flows', flowBody([String(source.id)], [String(target.id)]));
  return { connections: base, sourceConnections: source, targetConnections: target, flows: flow };
}

/** The entity as it would be served under another id and etag (references to the other canned ids stay). */
export function frozen(entity: Entity, id: string, etag: string, extra: Entity = {}): Entity {
  return { ...entity, id, etag, version: etag, ...extra };
}
