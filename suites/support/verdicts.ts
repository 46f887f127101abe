// Assertions in the kit's words: where, expected, received, requirement. A status expectation names the classes the
// catalogue allows, never one server's exact choice unless the catalogue fixes it.
import { pathOf, type Exchange } from '../../kit/exchange.ts';
import { blame } from './recorder.ts';

export type StatusExpectation = number | '2xx' | '4xx' | readonly (number | '2xx' | '4xx')[];

/**
 * The target broke the requirement: folded as `fail` (or `warn` for a SHOULD outside --strict). `exchange`, the one
 * whose answer broke it, is marked in the evidence, so the report can open it first.
 */
export class RequirementFailure extends Error {
  constructor(message: string, exchange?: Exchange) {
    super(message);
    this.name = 'RequirementFailure';
    if (exchange) blame(exchange, message);
  }
}

/**
 * The kit could not check the requirement: a setup step failed on something another requirement covers, the kit's
 * transport or budget failed, or the evidence a pass needs could not be had. Folded as `error`, never `fail`: a
 * harness problem is not the target's failure, and never a pass either. The fold recognises it by its name.
 */
export class CouldNotCheck extends Error {
  constructor(message: string) {
    super(message);
    this.name = COULD_NOT_CHECK;
  }
}

/** The error name the fold reads (cli/fold.ts): Playwright reports a thrown error as "<name>: <message>". */
export const COULD_NOT_CHECK = 'CouldNotCheck';

/**
 * What a pass needs, beyond the absence of a failure: the id it created read back, two distinct etags, a control that
 * succeeds. Without it the check cannot pass: `error`, naming the requirement that covers why (`see DRAFT-012`).
 */
export function requireEvidence(ok: boolean, requirement: string, needed: string, why: string, exchange?: Exchange): asserts ok {
  if (ok) return;
  const at = exchange ? `${where(exchange)}: ` : '';
  throw new CouldNotCheck(`${at}could not check: ${needed}, but ${why} [${requirement}]`);
}

function accepts(expected: StatusExpectation, status: number): boolean {
  const list = Array.isArray(expected) ? expected : [expected];
  return list.some((e) => (e === '2xx' ? status >= 200 && status < 300 : e === '4xx' ? status >= 400 && status < 500 : e === status));
}

function describeExpected(expected: StatusExpectation): string {
  return (Array.isArray(expected) ? expected : [expected]).join(' or ');
}

export function where(exchange: Exchange): string {
  return `${exchange.request.method} ${pathOf(exchange.request.url)}`;
}

function received(exchange: Exchange): string {
  if (!exchange.response) return `no answer (${exchange.error ?? 'unknown error'})`;
  const text = exchange.response.text.replace(/\s+/g, ' ').trim();
  return `${exchange.response.status}${text ? ` ${text.length > 300 ? `${text.slice(0, 300)}…` : text}` : ''}`;
}

export function expectStatus(exchange: Exchange, expected: StatusExpectation, requirement: string, why = ''): void {
  // no answer at all (refused, reset, timed out) says nothing about the rule: the kit could not ask
  if (!exchange.response) throw new CouldNotCheck(`${where(exchange)}: could not check: ${received(exchange)} [${requirement}]`);
  const status = exchange.response.status;
  if (!accepts(expected, status)) {
    throw new RequirementFailure(`${where(exchange)}: expected ${describeExpected(expected)}${why ? ` (${why})` : ''}, received ${received(exchange)} [${requirement}]`, exchange);
  }
}

/** A fact about the target that must hold; `exchange` is the request that showed it. */
export function expectFact(ok: boolean, requirement: string, expected: string, actual: unknown, exchange?: Exchange): void {
  if (ok) return;
  const at = exchange ? `${where(exchange)}: ` : '';
  throw new RequirementFailure(`${at}expected ${expected}, received ${format(actual)} [${requirement}]`, exchange);
}

function format(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
