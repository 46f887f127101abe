// Connection specs and flow specs: read-only catalogues. Single-spec GETs answer the `items` wrapper like the service.
import { CONNECTION_SPECS, FLOW_SPECS, type ConnectionSpec, type FlowSpec } from './catalog.ts';
import { ApiError } from './errors.ts';
import type { Reply } from './caller.ts';
import type { FaultSeams } from './fault-seams.ts';
import { matches, parseListQuery, readPath } from './list-query.ts';

type SpecKind = 'connectionSpecs' | 'flowSpecs';

function catalogue(kind: SpecKind): (ConnectionSpec | FlowSpec)[] {
  return kind === 'connectionSpecs' ? CONNECTION_SPECS : FLOW_SPECS;
}

/** SPEC-003: isDraftModeSupported is served as the JSON boolean the catalogue holds. */
function view(spec: ConnectionSpec | FlowSpec, seams: FaultSeams): unknown {
  if (!seams.draftFlagAsString() || !('isDraftModeSupported' in spec.attributes)) return spec;
  return { ...spec, attributes: { ...spec.attributes, isDraftModeSupported: String(spec.attributes.isDraftModeSupported) } };
}

/** SPEC-002: GET /flowSpecs?property=name=="…" answers the specs of that name only. */
export function listSpecs(kind: SpecKind, params: URLSearchParams, seams: FaultSeams): Reply {
  const { conditions } = parseListQuery(params, false);
  const ignore = kind === 'flowSpecs' && seams.flowSpecFilterIgnored();
  const items = catalogue(kind).filter((spec) => ignore || matches(spec, conditions, readPath));
  return { status: 200, body: { items: items.map((spec) => view(spec, seams)) } };
}

/** SPEC-001: GET /connectionSpecs/{id} answers `{items: [spec]}`; API-006: an unknown id answers 404. */
export function getSpec(kind: SpecKind, id: string, seams: FaultSeams): Reply {
  const spec = catalogue(kind).find((s) => s.id === id);
  if (!spec) throw new ApiError('not-found', `The ${kind} resource ${id} is not found.`);
  if (kind === 'connectionSpecs' && seams.specByIdUnwrapped()) return { status: 200, body: view(spec, seams) };
  return { status: 200, body: { items: [view(spec, seams)] } };
}
