// The model-based commands (fast-check's check/run/toString): each runs one operation on the target, compares the
// answer's class with the model's prediction, adopts open outcomes, and checks the model's view by GET. What a step
// did depends on the model it met (which kind it fell back to, which parents it had to make), and fast-check reuses
// one command object across the runs of a shrink: so each run writes its own step labels to `real.trace`, and
// toString describes only what was generated.
import type { AsyncCommand } from 'fast-check';
import type { Builders } from '../support/builders.ts';
import { bodyOf, isSuccess, type FlowClient } from '../support/client.ts';
import { KIND_TABLE, type Kind } from '../../kit/kinds.ts';
import type { Exchange } from '../../kit/exchange.ts';
import { CouldNotCheck, RequirementFailure, where } from '../support/verdicts.ts';
import type { Model, ModelEntity, Outcome } from './model.ts';

export interface Real {
  api: FlowClient;
  build: Builders;
  /** One label a step, as this run made it: the failure report's lines. */
  trace: string[];
}

type Command = AsyncCommand<Model, Real, false>;

/** Starts a step's line in the trace; the returned function rewrites it as the step learns what it did. */
function label(real: Real, text: string): (text: string) => string {
  const at = real.trace.push(text) - 1;
  return (update) => (real.trace[at] = update);
}

function expectOutcome(step: string, exchange: Exchange, outcome: Outcome, why: string): void {
  // no answer at all (refused, reset, timed out) says nothing about the rules: the kit could not ask
  if (!exchange.response) throw new CouldNotCheck(`step "${step}": ${where(exchange)}: could not check: no answer (${exchange.error ?? 'unknown error'}) [ORD-007]`);
  const status = exchange.response.status;
  const ok = outcome === 'either' ? status >= 200 && status < 500 : outcome === '2xx' ? status >= 200 && status < 300 : status >= 400 && status < 500;
  if (!ok) {
    throw new RequirementFailure(`step "${step}": ${where(exchange)}: expected ${outcome === 'either' ? '2xx or 4xx' : outcome} (${why}), received ${status || exchange.error} ${exchange.response?.text.slice(0, 160) ?? ''} [ORD-007]`);
  }
}

/** The model's view of one entity, checked by GET: draft or not, and its etag. */
async function verify(step: string, model: Model, real: Real, entity: ModelEntity): Promise<void> {
  const { exchange, item } = await real.api.settled(entity.kind, entity.id);
  if (!exchange.response) throw new CouldNotCheck(`step "${step}": ${where(exchange)}: could not check: no answer (${exchange.error ?? 'unknown error'}) [ORD-007]`);
  if (exchange.response.status !== 200 || !item) throw new RequirementFailure(`step "${step}": ${where(exchange)}: expected 200 with the entity, received ${exchange.response.status} [ORD-007]`);
  if (item.id !== entity.id) throw new RequirementFailure(`step "${step}": ${where(exchange)}: expected the entity ${entity.id}, received ${JSON.stringify(item.id)} [ORD-007]`);
  const isDraft = item.state === 'draft';
  if (isDraft !== entity.draft) {
    throw new RequirementFailure(`step "${step}": ${where(exchange)}: expected state ${entity.draft ? '"draft"' : 'other than "draft"'}, received "${String(item.state)}" [ORD-007]`);
  }
  if (entity.etag && item.etag !== entity.etag) {
    throw new RequirementFailure(`step "${step}": ${where(exchange)}: expected etag ${entity.etag} from the last write, received ${String(item.etag)} [ORD-007]`);
  }
  const broken = model.violations();
  if (broken.length > 0) throw new RequirementFailure(`step "${step}": a published entity names a draft: ${broken.join('; ')} [ORD-007]`);
}

function parentsFor(model: Model, kind: Kind, a: number, b: number): ModelEntity[] | undefined {
  const pick = (k: Kind, i: number) => model.pick(k, i);
  if (kind === 'connections' || kind === 'targetConnections') return [];
  if (kind === 'sourceConnections') return model.ofKind('connections').length ? [pick('connections', a)!] : undefined;
  if (!model.ofKind('sourceConnections').length || !model.ofKind('targetConnections').length) return undefined;
  // an even index names two source connections (when there are two), so flows with mixed parents are common
  const sources = new Set([pick('sourceConnections', a)!, ...(a % 2 === 0 ? [pick('sourceConnections', a + 1)!] : [])]);
  return [...sources, pick('targetConnections', b)!];
}

/** The parent kind a create of `kind` still lacks, if any. */
function missingParent(model: Model, kind: Kind): Kind | undefined {
  if (kind === 'sourceConnections' && model.ofKind('connections').length === 0) return 'connections';
  if (kind === 'flows') {
    if (model.ofKind('sourceConnections').length === 0) return 'sourceConnections';
    if (model.ofKind('targetConnections').length === 0) return 'targetConnections';
  }
  return undefined;
}

/** Operations other than create act on a kind that exists: the asked-for one if any, else the next existing kind. */
function existingKind(model: Readonly<Model>, wanted: Kind): Kind {
  const order: Kind[] = ['connections', 'sourceConnections', 'targetConnections', 'flows'];
  const start = order.indexOf(wanted);
  for (let i = 0; i < order.length; i++) {
    const kind = order[(start + i) % order.length]!;
    if (model.ofKind(kind).length > 0) return kind;
  }
  return wanted;
}

export class CreateCommand implements Command {
  constructor(readonly kind: Kind, readonly draft: boolean, readonly a: number, readonly b: number) {}
  check(): boolean {
    return true;
  }
  async run(model: Model, real: Real): Promise<void> {
    const base = `create ${this.draft ? 'draft ' : ''}${KIND_TABLE[this.kind].shortLabel} (parents #${this.a} #${this.b})`;
    const relabel = label(real, base);
    let step = base;
    // a create whose parents do not exist yet makes them first, with the same mode, so no generated step is wasted
    const made: Kind[] = [];
    const makeParents = async (kind: Kind): Promise<boolean> => {
      for (let missing = missingParent(model, kind); missing; missing = missingParent(model, kind)) {
        if (!(await makeParents(missing))) return false;
        made.push(missing);
        step = relabel(`${base} after creating ${made.map((k) => KIND_TABLE[k].shortLabel).join(' and ')}`);
        await this.make(model, real, missing, step, parentsFor(model, missing, 0, 0)!);
        if (model.ofKind(missing).length === 0) return false;
      }
      return true;
    };
    if (await makeParents(this.kind)) await this.make(model, real, this.kind, step, parentsFor(model, this.kind, this.a, this.b)!);
  }
  private async make(model: Model, real: Real, kind: Kind, step: string, parents: ModelEntity[]): Promise<void> {
    const ids = (k: Kind) => parents.filter((p) => p.kind === k).map((p) => p.id);
    const body = kind === 'connections' ? real.build.base()
      : kind === 'sourceConnections' ? real.build.source(ids('connections')[0])
      : kind === 'targetConnections' ? real.build.targetConnection()
      : real.build.flow(ids('sourceConnections'), ids('targetConnections'));
    const exchange = await real.api.create(kind, body, this.draft ? 'draft' : null);
    const outcome = model.predictCreate(this.draft, parents);
    expectOutcome(step, exchange, outcome, this.draft ? 'drafts may name drafts' : 'a live entity may only name live parents');
    if (!isSuccess(exchange)) return;
    const answer = bodyOf(exchange);
    const entity: ModelEntity = {
      kind, id: String(answer.id), draft: this.draft, etag: String(answer.etag ?? ''),
      parents: parents.map((p) => p.id), unsound: outcome === 'either',
    };
    // an id the model already holds would overwrite an entity (and a missing parent would be made again, forever):
    // the run cannot go on, and the answer is DRAFT-012's failure, not a publish-order one
    const taken = model.entities.get(entity.id);
    if (taken) throw new CouldNotCheck(`step "${step}": ${where(exchange)}: could not check: the create answered id ${entity.id}, which the ${taken.kind} made earlier in this run already has — see DRAFT-012 [ORD-007]`);
    model.entities.set(entity.id, entity);
    await verify(step, model, real, entity);
  }
  toString(): string {
    return `create ${this.draft ? 'draft ' : ''}${KIND_TABLE[this.kind].shortLabel} (parents #${this.a} #${this.b})`;
  }
}

/** A command on an entity that exists: it takes the kind asked for if the model has one, else the next that it has. */
abstract class OnExisting implements Command {
  constructor(readonly wanted: Kind, readonly index: number) {}
  check(model: Readonly<Model>): boolean {
    return model.entities.size > 0;
  }
  protected target(model: Model): ModelEntity {
    return model.pick(existingKind(model, this.wanted), this.index)!;
  }
  abstract run(model: Model, real: Real): Promise<void>;
  abstract toString(): string;
}

export class PatchCommand extends OnExisting {
  async run(model: Model, real: Real): Promise<void> {
    const entity = this.target(model);
    const step = `patch ${KIND_TABLE[entity.kind].shortLabel} #${this.index} description`;
    label(real, step);
    const exchange = await real.api.patch(entity.kind, entity.id, [{ op: 'replace', path: '/description', value: `model step ${this.index}` }], entity.etag);
    expectOutcome(step, exchange, '2xx', 'If-Match carries the current etag');
    entity.etag = String(bodyOf(exchange).etag ?? '');
    await verify(step, model, real, entity);
  }
  toString(): string {
    return `patch ${KIND_TABLE[this.wanted].shortLabel} #${this.index} description`;
  }
}

export class AddSourceCommand implements Command {
  constructor(readonly flowIndex: number, readonly sourceIndex: number) {}
  check(model: Readonly<Model>): boolean {
    return model.ofKind('flows').length > 0 && model.ofKind('sourceConnections').length > 0;
  }
  async run(model: Model, real: Real): Promise<void> {
    const flow = model.pick('flows', this.flowIndex)!;
    const candidates = model.ofKind('sourceConnections').filter((s) => !flow.parents.includes(s.id)).reverse();
    const source = candidates[this.sourceIndex % Math.max(1, candidates.length)];
    if (!source) return;
    const step = `patch ${flow.draft ? 'draft ' : ''}flow #${this.flowIndex}: add ${source.draft ? 'draft ' : ''}source #${this.sourceIndex}`;
    label(real, step);
    const exchange = await real.api.patch('flows', flow.id, [{ op: 'add', path: '/sourceConnectionIds/-', value: source.id }], flow.etag);
    const outcome = model.predictAddReference(flow, source);
    expectOutcome(step, exchange, outcome, flow.draft ? 'a draft flow may name any source connection' : 'a live flow may not come to name a draft');
    if (isSuccess(exchange)) {
      flow.etag = String(bodyOf(exchange).etag ?? '');
      flow.parents.push(source.id);
      if (outcome === 'either') flow.unsound = true;
    }
    await verify(step, model, real, flow);
  }
  toString(): string {
    return `patch flow #${this.flowIndex}: add source #${this.sourceIndex}`;
  }
}

export class PublishCommand extends OnExisting {
  constructor(wanted: Kind, index: number, readonly draftsOnly: boolean) {
    super(wanted, index);
  }
  async run(model: Model, real: Real): Promise<void> {
    // mostly drafts: publishing what is already live is an open outcome that tells little
    const pool = (k: Kind) => model.ofKind(k).filter((e) => !this.draftsOnly || e.draft);
    const order: Kind[] = [this.wanted, 'flows', 'sourceConnections', 'targetConnections', 'connections'];
    const kind = order.find((k) => pool(k).length > 0) ?? existingKind(model, this.wanted);
    const candidates = pool(kind).length > 0 ? pool(kind) : model.ofKind(kind);
    const entity = candidates[candidates.length - 1 - (this.index % candidates.length)]!;
    const step = `publish ${entity.draft ? 'draft ' : ''}${KIND_TABLE[kind].shortLabel} #${this.index}`;
    label(real, step);
    const exchange = await real.api.action(entity.kind, entity.id, 'publish');
    const outcome = model.predictPublish(entity);
    expectOutcome(step, exchange, outcome, outcome === '4xx' ? 'a parent is still a draft' : 'every parent is published');
    if (isSuccess(exchange)) {
      entity.draft = false;
      entity.etag = String(bodyOf(exchange).etag ?? entity.etag);
    }
    await verify(step, model, real, entity);
  }
  toString(): string {
    return `publish ${this.draftsOnly ? 'draft ' : ''}${KIND_TABLE[this.wanted].shortLabel} #${this.index}`;
  }
}

export class DeleteCommand extends OnExisting {
  async run(model: Model, real: Real): Promise<void> {
    const entity = this.target(model);
    const step = `delete ${KIND_TABLE[entity.kind].shortLabel} #${this.index}`;
    label(real, step);
    const exchange = await real.api.remove(entity.kind, entity.id);
    expectOutcome(step, exchange, model.predictDelete(entity), 'nothing names it');
    if (!isSuccess(exchange)) return verify(step, model, real, entity);
    model.remove(entity.id);
    const after = await real.api.get(entity.kind, entity.id);
    expectOutcome(step, after, '4xx', 'it was deleted');
  }
  toString(): string {
    return `delete ${KIND_TABLE[this.wanted].shortLabel} #${this.index}`;
  }
}

export class RaceCommand extends OnExisting {
  constructor(wanted: Kind, index: number, readonly writers: number) {
    super(wanted, index);
  }
  async run(model: Model, real: Real): Promise<void> {
    const entity = this.target(model);
    const step = `race ${this.writers} patches on ${KIND_TABLE[entity.kind].shortLabel} #${this.index}`;
    label(real, step);
    const answers = await Promise.all(Array.from({ length: this.writers }, (_, i) =>
      real.api.patch(entity.kind, entity.id, [{ op: 'replace', path: '/description', value: `racer ${i}` }], entity.etag)));
    const silent = answers.find((a) => !a.response);
    if (silent) throw new CouldNotCheck(`step "${step}": ${where(silent)}: could not check: no answer (${silent.error ?? 'unknown error'}) [ORD-007]`);
    const winners = answers.filter(isSuccess);
    if (winners.length !== 1 || answers.some((a) => !isSuccess(a) && a.response?.status !== 412)) {
      throw new RequirementFailure(`step "${step}": expected one 200 and ${this.writers - 1} × 412, received ${answers.map((a) => a.response?.status).join(', ')} [ORD-007]`);
    }
    entity.etag = String(bodyOf(winners[0]!).etag ?? '');
    await verify(step, model, real, entity);
  }
  toString(): string {
    return `race ${this.writers} patches on ${KIND_TABLE[this.wanted].shortLabel} #${this.index}`;
  }
}
