// Reads the connection and flow specs from the target itself and decides gating per spec: a draft requirement runs
// against a spec only where its `attributes.isDraftModeSupported` is `true`; elsewhere it is not-applicable. A spec
// that could not be read, or that the target answered with another spec's id, is unavailable: what needs it is an
// error of the kit (it could not check), never run on a spec nobody asked for.
import { bodyOf, type FlowClient } from './client.ts';
import { CouldNotCheck } from './verdicts.ts';

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
  /** Why a spec collection could not be listed, where it could not. */
  unlisted: Partial<Record<'connectionSpecs' | 'flowSpecs', string>>;
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

/** One GET of discovery: its body and status, or why no answer came (a timeout is discovery's problem, not a verdict). */
async function read(api: FlowClient, path: string): Promise<{ status?: number; body: Record<string, unknown>; failure?: string }> {
  try {
    const exchange = await api.send('GET', path);
    return { status: exchange.response?.status, body: bodyOf(exchange) };
  } catch (error) {
    return { body: {}, failure: (error as Error).message };
  }
}

export async function discover(api: FlowClient): Promise<Discovery> {
  const { config } = api.target;
  const problems: string[] = [];
  const one = async (collection: 'connectionSpecs' | 'flowSpecs', id: string): Promise<SpecInfo | undefined> => {
    const { status, body, failure } = await read(api, `/${collection}/${encodeURIComponent(id)}`);
    // inside the items wrapper as documented, or bare (SPEC-001 judges the shape); only ever the spec asked for
    const item = items(body).find((i) => i.id === id) ?? (body.id === id ? body : undefined);
    if (status !== 200 || !item) {
      const answered = items(body).map((i) => String(i.id));
      const what = failure ?? (status === 200 && answered.length > 0 ? `another spec (${answered.join(', ')})` : `${status}`);
      problems.push(`GET /${collection}/${id} answered ${what}: the configured spec could not be read — see SPEC-001`);
      return undefined;
    }
    return info(item);
  };
  const discovery: Discovery = {
    sourceSpec: await one('connectionSpecs', config.sourceConnectionSpecId),
    targetSpec: await one('connectionSpecs', config.targetConnectionSpecId),
    flowSpec: await one('flowSpecs', config.flowSpecId),
    problems,
    unlisted: {},
  };
  const listed = async (collection: 'connectionSpecs' | 'flowSpecs'): Promise<SpecInfo[]> => {
    const { status, body, failure } = await read(api, `/${collection}`);
    if (status !== 200 || !Array.isArray(body.items)) discovery.unlisted[collection] = `GET /${collection} answered ${failure ?? status}`;
    return items(body).map(info);
  };
  const withoutDrafts = (await listed('connectionSpecs')).filter((s) => !s.draftSupported);
  discovery.connectionSpecWithoutDrafts =
    withoutDrafts.find((s) => Array.isArray(s.raw.authSpec) && s.raw.authSpec.length > 0) ?? withoutDrafts[0];
  discovery.flowSpecWithoutDrafts = (await listed('flowSpecs')).find((s) => !s.draftSupported);
  return discovery;
}

/**
 * The spec without draft support a GATE check needs, or a not-applicable skip where the target lists none. A list
 * that could not be read is the kit's problem, not proof there is none.
 */
export function specWithoutDrafts(discovery: Discovery, collection: 'connectionSpecs' | 'flowSpecs', requirement: string): SpecInfo | undefined {
  const spec = collection === 'connectionSpecs' ? discovery.connectionSpecWithoutDrafts : discovery.flowSpecWithoutDrafts;
  const unlisted = discovery.unlisted[collection];
  if (!spec && unlisted) throw new CouldNotCheck(`could not check: ${unlisted}, so whether it lists a spec without draft support is unknown [${requirement}]`);
  return spec;
}

/**
 * The reason a draft requirement is not applicable, or undefined when every spec it needs supports drafts. A spec
 * that could not be read leaves the question open: the kit could not check (CouldNotCheck), it is not "cannot be asked".
 */
export function draftsUnsupported(discovery: Discovery, needs: ('source' | 'target' | 'flow')[]): string | undefined {
  for (const need of needs) {
    const spec = need === 'source' ? discovery.sourceSpec : need === 'target' ? discovery.targetSpec : discovery.flowSpec;
    const label = need === 'flow' ? 'flow spec' : `${need} connection spec`;
    if (!spec) throw new CouldNotCheck(`could not check: whether the ${label} supports drafts is unknown: ${discovery.problems.join('; ')}`);
    if (!spec.draftSupported) {
      return `not-applicable: the ${label} ${spec.name} (${spec.id}) does not declare attributes.isDraftModeSupported: true`;
    }
  }
  return undefined;
}
