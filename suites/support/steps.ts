// Setup steps the scenarios share. A setup step that fails says so and names the requirement it depended on, so a
// broken create is never mistaken for a broken publish-order rule.
import type { Builders } from './builders.ts';
import { bodyOf, firstItem, isSuccess, type FlowClient } from './client.ts';
import type { Kind } from './operations.ts';
import type { Exchange } from './recorder.ts';
import { CouldNotCheck, where } from './verdicts.ts';

export const CREATE_REQUIREMENT: Record<Kind, string> = {
  connections: 'DRAFT-001',
  sourceConnections: 'DRAFT-002',
  targetConnections: 'DRAFT-003',
  flows: 'DRAFT-004',
};
export const PUBLISH_REQUIREMENT: Record<Kind, string> = {
  connections: 'PUB-001',
  sourceConnections: 'PUB-002',
  targetConnections: 'PUB-003',
  flows: 'PUB-004',
};

export interface Written {
  id: string;
  etag: string;
  exchange: Exchange;
}

/**
 * A setup step failed: the requirement under test was not checked (`error`), and `covers` names the requirement
 * whose own check judges the failed step (`setup: POST /connections answered 200 {} — see DRAFT-007`).
 */
export class SetupFailure extends CouldNotCheck {
  constructor(step: string, exchange: Exchange, covers: string) {
    const answer = exchange.response ? `answered ${exchange.response.status} ${exchange.response.text.replace(/\s+/g, ' ').slice(0, 200)}`.trim() : `got no answer (${exchange.error})`;
    super(`setup: ${step}: ${where(exchange)} ${answer} — see ${covers}`);
  }
}

export class Steps {
  constructor(
    readonly api: FlowClient,
    readonly build: Builders,
  ) {}

  private written(step: string, exchange: Exchange, requirement: string): Written {
    const body = bodyOf(exchange);
    if (!isSuccess(exchange) || typeof body.id !== 'string' || body.id === '') throw new SetupFailure(step, exchange, requirement);
    return { id: body.id, etag: typeof body.etag === 'string' ? body.etag : '', exchange };
  }

  async draft(kind: Kind, body: Record<string, unknown>): Promise<Written> {
    return this.written(`create a draft ${this.api.describe(kind)}`, await this.api.create(kind, body, 'draft'), CREATE_REQUIREMENT[kind]);
  }

  async nonDraft(kind: Kind, body: Record<string, unknown>): Promise<Written> {
    return this.written(`create a ${this.api.describe(kind)} without mode`, await this.api.create(kind, body, null), 'DRAFT-007');
  }

  async publish(kind: Kind, id: string): Promise<Written> {
    return this.written(`publish a ${this.api.describe(kind)}`, await this.api.action(kind, id, 'publish'), PUBLISH_REQUIREMENT[kind]);
  }

  /** The entity as GET shows it once settled; a failed GET is a setup failure against DRAFT-005. */
  async read(kind: Kind, id: string): Promise<{ item: Record<string, unknown>; exchange: Exchange }> {
    const { exchange, item } = await this.api.settled(kind, id);
    if (exchange.response?.status !== 200 || !item) throw new SetupFailure(`read the ${this.api.describe(kind)} back`, exchange, 'DRAFT-005');
    return { item, exchange };
  }

  async state(kind: Kind, id: string): Promise<unknown> {
    return (await this.read(kind, id)).item.state;
  }

  async currentEtag(kind: Kind, id: string): Promise<string> {
    return String((await this.read(kind, id)).item.etag);
  }

  /** A draft of every kind, children naming draft parents, as the tutorial builds them. */
  async draftChain(): Promise<{ base: Written; source: Written; target: Written; flow: Written }> {
    const base = await this.draft('connections', this.build.base());
    const source = await this.draft('sourceConnections', this.build.source(base.id));
    const target = await this.draft('targetConnections', this.build.targetConnection(this.api.target.config.targetNeedsBaseConnection ? base.id : undefined));
    const flow = await this.draft('flows', this.build.flow([source.id], [target.id]));
    return { base, source, target, flow };
  }

  /** Connections created without mode (no draft support needed), ready to be named by a flow. */
  async liveConnections(): Promise<{ base: Written; source: Written; target: Written }> {
    const base = await this.nonDraft('connections', this.build.base());
    const source = await this.nonDraft('sourceConnections', this.build.source(base.id));
    const target = await this.nonDraft('targetConnections', this.build.targetConnection(this.api.target.config.targetNeedsBaseConnection ? base.id : undefined));
    return { base, source, target };
  }

  /** A published base and source connection and a published target connection, ready to be named by a flow. */
  async publishedConnections(): Promise<{ base: Written; source: Written; target: Written }> {
    const base = await this.draft('connections', this.build.base());
    await this.publish('connections', base.id);
    const source = await this.draft('sourceConnections', this.build.source(base.id));
    await this.publish('sourceConnections', source.id);
    const target = await this.draft('targetConnections', this.build.targetConnection(this.api.target.config.targetNeedsBaseConnection ? base.id : undefined));
    await this.publish('targetConnections', target.id);
    return { base, source, target };
  }
}

export { firstItem };
