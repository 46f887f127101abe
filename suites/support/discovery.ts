// Reads the connection and flow specs from the target itself and decides gating per spec: a draft requirement runs
// against a spec only where its `attributes.isDraftModeSupported` is `true`; elsewhere it is not-applicable.
import { bodyOf, firstItem, type FlowClient } from './client.ts';

export interface SpecInfo {
  id: string;
  name: string;
  version: string;
  draftSupported: boolean;
  raw: Record<string, unknown>;
}

export interface Discovery {
  sourceSpec?: SpecInfo;
  targetSpec?: SpecInfo;
  flowSpec?: SpecInfo;
  /** A connection spec (with an authSpec) whose flag is not true, for GATE-001. */
  connectionSpecWithoutDrafts?: SpecInfo;
  /** A flow spec whose flag is not true, for GATE-002. */
  flowSpecWithoutDrafts?: SpecInfo;
  /** Why a spec could not be read; shown as the reason of what depends on it. */
  problems: string[];
}

function info(raw: Record<string, unknown>): SpecInfo {
  const attributes = (raw.attributes ?? {}) as Record<string, unknown>;
  return {
    id: String(raw.id),
    name: String(raw.name ?? raw.id),
    version: typeof raw.version === 'string' ? raw.version : '1.0',
    draftSupported: attributes.isDraftModeSupported === true,
    raw,
  };
}

function items(body: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(body.items) ? (body.items.filter((i) => i && typeof i === 'object') as Record<string, unknown>[]) : [];
}

export async function discover(api: FlowClient): Promise<Discovery> {
  const { config } = api.target;
  const problems: string[] = [];
  const one = async (collection: 'connectionSpecs' | 'flowSpecs', id: string): Promise<SpecInfo | undefined> => {
    const exchange = await api.send('GET', `/${collection}/${encodeURIComponent(id)}`);
    const item = firstItem(exchange) ?? (bodyOf(exchange).id === id ? bodyOf(exchange) : undefined);
    if (exchange.response?.status !== 200 || !item) {
      problems.push(`GET /${collection}/${id} answered ${exchange.response?.status}: the configured spec could not be read`);
      return undefined;
    }
    return info(item);
  };
  const discovery: Discovery = {
    sourceSpec: await one('connectionSpecs', config.sourceConnectionSpecId),
    targetSpec: await one('connectionSpecs', config.targetConnectionSpecId),
    flowSpec: await one('flowSpecs', config.flowSpecId),
    problems,
  };
  const connectionSpecs = items(bodyOf(await api.send('GET', '/connectionSpecs')));
  const withoutDrafts = connectionSpecs.map(info).filter((s) => !s.draftSupported);
  discovery.connectionSpecWithoutDrafts =
    withoutDrafts.find((s) => Array.isArray(s.raw.authSpec) && s.raw.authSpec.length > 0) ?? withoutDrafts[0];
  const flowSpecs = items(bodyOf(await api.send('GET', '/flowSpecs')));
  discovery.flowSpecWithoutDrafts = flowSpecs.map(info).find((s) => !s.draftSupported);
  return discovery;
}

/** The reason a draft requirement is not applicable, or undefined when every spec it needs supports drafts. */
export function draftsUnsupported(discovery: Discovery, needs: ('source' | 'target' | 'flow')[]): string | undefined {
  for (const need of needs) {
    const spec = need === 'source' ? discovery.sourceSpec : need === 'target' ? discovery.targetSpec : discovery.flowSpec;
    const label = need === 'flow' ? 'flow spec' : `${need} connection spec`;
    if (!spec) return `not-applicable: the ${label} could not be read (${discovery.problems.join('; ')})`;
    if (!spec.draftSupported) {
      return `not-applicable: the ${label} ${spec.name} (${spec.id}) does not declare attributes.isDraftModeSupported: true`;
    }
  }
  return undefined;
}
