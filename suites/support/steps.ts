// Setup steps the scenarios share. A setup step that fails says so and names the requirement it depended on, so a
// broken create is never mistaken for a broken publish-order rule. Steps also keep what a pass needs to know about
// the entities a check made: the id each create answered (no two alike, see DRAFT-012) and the name the kit gave it,
// so that a read-back of some other entity (a canned example, a stale copy) is never taken for the one created.
import type { Builders } from './builders.ts';
import { bodyOf, firstItem, isSuccess, type FlowClient } from './client.ts';
import { collect } from './listing.ts';
import type { Kind } from '../../kit/kinds.ts';
import type { Exchange } from '../../kit/exchange.ts';
import { labelStep } from './recorder.ts';
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
  /** The name the kit gave the entity, when it gave one. */
  name?: string;
  exchange: Exchange;
}

type Item = Record<string, unknown>;

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

/**
 * Every id a create answered in this worker, per sandbox, with the request that got it. Worker-wide on purpose: two
 * creates never answer the same id (DRAFT-012), also across checks, and an entity is only "the one created" if its id
 * is its own. Best effort beyond one check: Playwright starts a fresh worker after a failed check.
 */
const answeredIds = new Map<string, Map<string, string>>();

export class Steps {
  /** What the kit knows of the entities this check created: the name it gave, and whether it asked for a draft. */
  private readonly created = new Map<string, { name?: string; draft: boolean }>();

  constructor(
    readonly api: FlowClient,
    readonly build: Builders,
  ) {}

  private get answered(): Map<string, string> {
    let ids = answeredIds.get(this.api.sandbox);
    if (!ids) answeredIds.set(this.api.sandbox, (ids = new Map()));
    return ids;
  }

  /** Ids creates answered so far in this sandbox (this worker), each with the request that got it. */
  knownIds(): ReadonlyMap<string, string> {
    return this.answered;
  }

  /**
   * Takes note of a create the check sent itself (`api.create`): its id, the name in `body`, draft or not. An id
   * some earlier create answered too is no entity of its own: the check cannot go on (see DRAFT-012).
   */
  adopt(exchange: Exchange, body: unknown, draft: boolean, step = `create a ${draft ? 'draft' : 'live'} entity`, covers = draft ? 'DRAFT-001' : 'DRAFT-007'): string {
    const id = bodyOf(exchange).id;
    if (!isSuccess(exchange) || typeof id !== 'string' || id === '') throw new SetupFailure(step, exchange, covers);
    const earlier = this.answered.get(id);
    if (earlier !== undefined) throw new SetupFailure(`${step} (id "${id}" was answered to an earlier ${earlier} too)`, exchange, 'DRAFT-012');
    this.answered.set(id, where(exchange));
    const name = (body as { name?: unknown } | undefined)?.name;
    this.created.set(id, { ...(typeof name === 'string' ? { name } : {}), draft });
    return id;
  }

  /** The entity was renamed by a PATCH the target accepted and showed: later read-backs expect the new name. */
  renamed(id: string, name: string): void {
    const known = this.created.get(id);
    if (known) known.name = name;
  }

  private written(step: string, exchange: Exchange, body: Record<string, unknown>, draft: boolean, covers: string): Written {
    labelStep(exchange, step);
    const id = this.adopt(exchange, body, draft, step, covers);
    const etag = bodyOf(exchange).etag;
    return { id, etag: typeof etag === 'string' ? etag : '', ...(typeof body.name === 'string' ? { name: body.name } : {}), exchange };
  }

  async draft(kind: Kind, body: Record<string, unknown>): Promise<Written> {
    return this.written(`create a draft ${this.api.describe(kind)}`, await this.api.create(kind, body, 'draft'), body, true, CREATE_REQUIREMENT[kind]);
  }

  async nonDraft(kind: Kind, body: Record<string, unknown>): Promise<Written> {
    return this.written(`create a ${this.api.describe(kind)} without mode`, await this.api.create(kind, body, null), body, false, 'DRAFT-007');
  }

  /** A publish that must succeed, answering the id it was asked for; `covers` judges it when it does not. */
  async publish(kind: Kind, id: string, covers = PUBLISH_REQUIREMENT[kind], step = `publish the ${this.api.describe(kind)} ${id}`): Promise<Written> {
    const exchange = await this.api.action(kind, id, 'publish');
    labelStep(exchange, step);
    const answered = bodyOf(exchange).id;
    if (!isSuccess(exchange) || answered !== id) throw new SetupFailure(step, exchange, covers);
    const etag = bodyOf(exchange).etag;
    return { id, etag: typeof etag === 'string' ? etag : '', exchange };
  }

  /** A PATCH of the description with If-Match `etag` that must succeed (a setup step or a control), against UPD-001. */
  async describeAs(kind: Kind, id: string, description: string, etag: string, step = `PATCH the description of the ${this.api.describe(kind)} ${id}`): Promise<Written> {
    const exchange = await this.api.patch(kind, id, [{ op: 'replace', path: '/description', value: description }], etag);
    labelStep(exchange, step);
    const answer = bodyOf(exchange);
    if (exchange.response?.status !== 200 || answer.id !== id) throw new SetupFailure(step, exchange, 'UPD-001');
    return { id, etag: typeof answer.etag === 'string' ? answer.etag : '', exchange };
  }

  /**
   * GET once settled, and whether it shows the entity asked for: its id, and the name the kit gave it (`name`
   * overrides what the kit knows; `null` skips the name, for a check that judges the name itself). Never throws on
   * what the target answered: `mismatch` says what differs.
   */
  async readBack(kind: Kind, id: string, options: { name?: string | null } = {}): Promise<{ exchange: Exchange; item: Item | undefined; mismatch?: string }> {
    const { exchange, item } = await this.api.settled(kind, id);
    if (exchange.response?.status !== 200 || !item) return { exchange, item, mismatch: 'no entity' };
    if (item.id !== id) return { exchange, item, mismatch: `items[0].id ${JSON.stringify(item.id)}, another entity than ${id}` };
    const name = options.name === undefined ? this.created.get(id)?.name : options.name;
    if (name !== null && name !== undefined && item.name !== name) {
      return { exchange, item, mismatch: `items[0].name ${JSON.stringify(item.name)}, not the name the kit gave ${id} (${JSON.stringify(name)})` };
    }
    return { exchange, item };
  }

  /**
   * The entity as GET shows it once settled. A failed GET, or one showing another entity, is a setup failure against
   * the requirement covering read-backs: DRAFT-005 for what was created as a draft, DRAFT-007 for the rest.
   */
  async read(kind: Kind, id: string, options: { name?: string | null } = {}): Promise<{ item: Item; exchange: Exchange }> {
    const { exchange, item, mismatch } = await this.readBack(kind, id, options);
    const covers = this.created.get(id)?.draft === false ? 'DRAFT-007' : 'DRAFT-005';
    if (mismatch || !item) throw new SetupFailure(`read the ${this.api.describe(kind)} ${id} back${mismatch === 'no entity' ? '' : ` (it showed ${mismatch})`}`, exchange, covers);
    return { item, exchange };
  }

  async state(kind: Kind, id: string): Promise<unknown> {
    return (await this.read(kind, id)).item.state;
  }

  async currentEtag(kind: Kind, id: string): Promise<string> {
    return String((await this.read(kind, id)).item.etag);
  }

  /**
   * Every item a list of `kind` filtered by `name` shows, following `_links.next` up to `pages` pages. The target may
   * ignore the filter, so callers judge the items' names, never their count; `complete` says whether the last page
   * was reached. A list that fails shows nothing either way: CouldNotCheck for `requirement`.
   */
  async listNamed(kind: Kind, name: string, requirement: string, pages = 5): Promise<{ items: Item[]; complete: boolean; exchange: Exchange }> {
    // the one list walker (listing.ts): its next links resolve for any base path, an origin root included
    const { items, complete, last } = await collect(this.api, kind, `property=name==${encodeURIComponent(name)}`, requirement, { maxPages: pages, onBadPage: 'cannot' });
    return { items, complete, exchange: last };
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
