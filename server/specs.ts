// Connection specs and flow specs: read-only catalogues. Single-spec GETs answer the `items` wrapper like the service.
import { CONNECTION_SPECS, FLOW_SPECS, type ConnectionSpec, type FlowSpec } from './catalog.ts';
import { ApiError } from './errors.ts';
import type { Faults } from './faults.ts';
import { matches, parseListQuery, readPath } from './list-query.ts';
import type { Reply } from './entities.ts';

type SpecKind = 'connectionSpecs' | 'flowSpecs';

function catalogue(kind: SpecKind): (ConnectionSpec | FlowSpec)[] {
  return kind === 'connectionSpecs' ? CONNECTION_SPECS : FLOW_SPECS;
}

function view(spec: ConnectionSpec | FlowSpec, faults: Faults): unknown {
  if (!faults.has('draft-flag-as-string') || !('isDraftModeSupported' in spec.attributes)) return spec;
  return { ...spec, attributes: { ...spec.attributes, isDraftModeSupported: String(spec.attributes.isDraftModeSupported) } };
}

export function listSpecs(kind: SpecKind, params: URLSearchParams, faults: Faults): Reply {
  const { conditions } = parseListQuery(params, false);
  const ignore = kind === 'flowSpecs' && faults.has('flow-spec-name-filter-ignored');
  const items = catalogue(kind).filter((spec) => ignore || matches(spec, conditions, readPath));
  return { status: 200, body: { items: items.map((spec) => view(spec, faults)) } };
}

export function getSpec(kind: SpecKind, id: string, faults: Faults): Reply {
  const spec = catalogue(kind).find((s) => s.id === id);
  if (!spec) throw new ApiError('not-found', `The ${kind} resource ${id} is not found.`);
  if (kind === 'connectionSpecs' && faults.has('spec-by-id-without-items-wrapper')) return { status: 200, body: view(spec, faults) };
  return { status: 200, body: { items: [view(spec, faults)] } };
}
