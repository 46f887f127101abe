// Maps a request to the operationId of specs/flow-service.yaml, so every answer can be checked against its schema.
import { isKind, KIND_TABLE } from '../../kit/kinds.ts';

/** `path` is relative to the service base path, e.g. `/flows/abc/action?op=publish`. */
export function operationOf(method: string, path: string): string | undefined {
  const segments = path.split('?')[0]!.split('/').filter(Boolean);
  const [collection = '', id, action] = segments;
  const verb = method.toUpperCase();
  if (collection === 'connectionSpecs' || collection === 'flowSpecs') {
    if (verb !== 'GET' || action) return undefined;
    const name = collection === 'connectionSpecs' ? 'ConnectionSpec' : 'FlowSpec';
    return id === undefined ? `list${name}s` : `get${name}`;
  }
  if (!isKind(collection)) return undefined;
  const singular = KIND_TABLE[collection].operationNoun;
  if (id === undefined) return verb === 'GET' ? `list${singular}s` : verb === 'POST' ? `create${singular}` : undefined;
  if (action === 'action') return verb === 'POST' && segments.length === 3 ? `action${singular}` : undefined;
  if (action !== undefined) return undefined;
  return ({ GET: `get${singular}`, PATCH: `patch${singular}`, DELETE: `delete${singular}` } as Record<string, string>)[verb];
}
