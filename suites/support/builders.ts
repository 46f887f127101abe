// Valid create bodies for each kind, from the config and the specs read off the target. Auth params come from the
// config or are generated from the spec's authSpec JSON Schema, so they are valid by construction.
import { validValueFromSchema } from '../../schemas/arbitrary.ts';
import type { AuthInfo, CreateBody } from './bodies.ts';
import type { Discovery, SpecInfo } from './discovery.ts';
import { isSecretName, type Redactor } from '../../kit/redact.ts';
import type { Target } from './target.ts';

type Body = Record<string, unknown>;
let counter = 0;

export class Builders {
  constructor(
    private readonly target: Target,
    private readonly discovery: Discovery,
    private readonly redactor: Redactor,
    private readonly prefix: string,
  ) {}

  /** Every entity name carries the run prefix, so a sweep can find what a run left behind. */
  name(label: string): string {
    return `${this.prefix}-${label}-${++counter}`;
  }

  private spec(which: 'sourceSpec' | 'targetSpec' | 'flowSpec'): { id: string; version: string } {
    const spec = this.discovery[which];
    const configured = { sourceSpec: this.target.config.sourceConnectionSpecId, targetSpec: this.target.config.targetConnectionSpecId, flowSpec: this.target.config.flowSpecId }[which];
    return { id: spec?.id ?? configured, version: spec?.version ?? '1.0' };
  }

  /** Auth for a base connection of `spec`; `omit` drops required params (an incomplete draft). */
  auth(spec: SpecInfo | undefined = this.discovery.sourceSpec, omit: 'none' | 'one-required' = 'none'): AuthInfo & { specName: string; params: Body } {
    const authSpecs = Array.isArray(spec?.raw.authSpec) ? (spec.raw.authSpec as Body[]) : [];
    const configured = spec?.id === this.target.config.sourceConnectionSpecId ? this.target.config.auth : undefined;
    const chosen = authSpecs.find((a) => a.name === configured?.specName) ?? authSpecs[0];
    const schema = (chosen?.spec ?? { type: 'object' }) as Body;
    const params = { ...((configured?.params ?? validValueFromSchema(schema, 7) as Body)) };
    for (const [key, value] of Object.entries(params)) if (typeof value === 'string' && isSecretName(key)) this.redactor.add(value);
    if (omit === 'one-required') {
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : Object.keys(params);
      const victim = required.find((name) => name in params);
      if (victim) delete params[victim];
    }
    const offered = typeof chosen?.name === 'string' ? chosen.name : undefined;
    return { specName: configured?.specName ?? offered ?? 'Basic Authentication', params };
  }

  hasRequiredAuth(spec: SpecInfo | undefined = this.discovery.sourceSpec): boolean {
    const authSpecs = Array.isArray(spec?.raw.authSpec) ? (spec.raw.authSpec as Body[]) : [];
    const required = (authSpecs[0]?.spec as Body | undefined)?.required;
    return Array.isArray(required) && required.length > 0;
  }

  base(options: { incomplete?: boolean; spec?: SpecInfo } = {}): CreateBody<'connections'> {
    const spec = options.spec ?? this.discovery.sourceSpec;
    return {
      name: this.name('base'),
      description: 'created by the Flow Service conformance kit',
      auth: this.auth(spec, options.incomplete ? 'one-required' : 'none'),
      connectionSpec: options.spec ? { id: options.spec.id, version: options.spec.version } : this.spec('sourceSpec'),
    };
  }

  source(baseConnectionId: string | undefined): CreateBody<'sourceConnections'> {
    return {
      name: this.name('source'),
      description: 'created by the Flow Service conformance kit',
      ...(baseConnectionId === undefined ? {} : { baseConnectionId }),
      data: { ...this.target.config.sourceData },
      params: { ...this.target.config.sourceParams },
      connectionSpec: this.spec('sourceSpec'),
    };
  }

  targetConnection(baseConnectionId?: string): CreateBody<'targetConnections'> {
    return {
      name: this.name('target'),
      description: 'created by the Flow Service conformance kit',
      ...(baseConnectionId === undefined ? {} : { baseConnectionId }),
      data: { schema: { ...this.target.config.targetSchema } },
      params: { ...this.target.config.targetParams },
      connectionSpec: this.spec('targetSpec'),
    };
  }

  flow(sourceConnectionIds: string[], targetConnectionIds: string[], flowSpec?: SpecInfo): CreateBody<'flows'> {
    return {
      name: this.name('flow'),
      description: 'created by the Flow Service conformance kit',
      sourceConnectionIds,
      targetConnectionIds,
      flowSpec: flowSpec ? { id: flowSpec.id, version: flowSpec.version } : this.spec('flowSpec'),
      ...this.target.config.flowExtras,
    };
  }
}
