// Assertions in the kit's words: where, expected, received, requirement. A status expectation names the classes the
// catalogue allows, never one server's exact choice unless the catalogue fixes it. The requirement is the running
// test's: its one requirement tag (`@ORD-003`), typed once; a test with several names the one each verdict is about.
import { test } from '@playwright/test';
import { pathOf, type Exchange } from '../../kit/exchange.ts';
import { blame } from './recorder.ts';

/**
 * A requirement ID as the catalogue spells it (`ORD-003`). Plain string on purpose: helpers pass IDs they were given;
 * what the verdict functions check is at run time, against the running test's tags.
 */
export type RequirementId = string;

const ID_TAG = /^@([A-Z]+-\d{3})$/;
const LOOKS_LIKE_ID = /^[A-Z]+-\d+$/;
const isRequirementId = (value: unknown): value is RequirementId => typeof value === 'string' && LOOKS_LIKE_ID.test(value);

/** The requirement IDs the running test is tagged with; none outside a test (a worker fixture, a unit test). */
function taggedRequirements(): string[] | undefined {
  let tags: string[];
  try {
    tags = test.info().tags;
  } catch {
    return undefined;
  }
  return tags.flatMap((tag) => ID_TAG.exec(tag)?.[1] ?? []);
}

/**
 * The requirement a verdict is about: `given`, which must be one of the running test's requirement tags, or else the
 * test's one requirement tag. A mistake here is the kit's, not the target's: it is thrown at once, pass or fail.
 */
export function requirementOf(given?: string): string {
  const tagged = taggedRequirements();
  if (given !== undefined) {
    if (!LOOKS_LIKE_ID.test(given)) throw new Error(`kit bug: "${given}" is not a requirement ID (like ORD-003)`);
    if (tagged && tagged.length > 0 && !tagged.includes(given)) {
      throw new Error(`kit bug: the verdict names ${given}, which is not a requirement tag of this test (${tagged.map((t) => `@${t}`).join(', ')}): a typo, or a missing tag`);
    }
    return given;
  }
  if (tagged === undefined) throw new Error('kit bug: a verdict outside a running test must name its requirement');
  if (tagged.length === 1) return tagged[0]!;
  throw new Error(tagged.length === 0
    ? 'kit bug: this test has no requirement tag (like @ORD-003), so its verdicts cannot name a requirement: tag it'
    : `kit bug: this test has several requirement tags (${tagged.map((t) => `@${t}`).join(', ')}), so each verdict must name the one it is about, e.g. expectFact(ok, '${tagged[0]}', …)`);
}

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
export function requireEvidence(ok: boolean, requirement: RequirementId, needed: string, why: string, exchange?: Exchange): asserts ok;
export function requireEvidence(ok: boolean, needed: string, why: string, exchange?: Exchange): asserts ok;
export function requireEvidence(ok: boolean, ...args: [RequirementId, string, string, Exchange?] | [string, string, Exchange?]): asserts ok {
  const [given, needed, why, exchange] = isRequirementId(args[0]) && typeof args[2] === 'string' ? args as [RequirementId, string, string, Exchange?] : [undefined, ...args as [string, string, Exchange?]];
  const requirement = requirementOf(given);
  if (ok) return;
  const at = exchange ? `${where(exchange)}: ` : '';
  throw new CouldNotCheck(`${at}could not check: ${needed}, but ${why} [${requirement}]`);
}

/**
 * The running check could not be checked (see CouldNotCheck), in its requirement's name: `message` gets the
 * requirement (`requirement`, else the test's one requirement tag) at its end. Thrown by the caller:
 * `throw couldNotCheck(\`${where(x)}: could not check: …\`)`.
 */
export function couldNotCheck(message: string, requirement?: RequirementId): CouldNotCheck {
  return new CouldNotCheck(`${message} [${requirementOf(requirement)}]`);
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

export function expectStatus(exchange: Exchange, expected: StatusExpectation, requirement: RequirementId, why?: string): void;
export function expectStatus(exchange: Exchange, expected: StatusExpectation, why?: string): void;
export function expectStatus(exchange: Exchange, expected: StatusExpectation, ...args: [RequirementId, string?] | [string?]): void {
  const [given, why = ''] = isRequirementId(args[0]) ? args : [undefined, args[0]];
  const requirement = requirementOf(given);
  // no answer at all (refused, reset, timed out) says nothing about the rule: the kit could not ask
  if (!exchange.response) throw new CouldNotCheck(`${where(exchange)}: could not check: ${received(exchange)} [${requirement}]`);
  const status = exchange.response.status;
  if (!accepts(expected, status)) {
    throw new RequirementFailure(`${where(exchange)}: expected ${describeExpected(expected)}${why ? ` (${why})` : ''}, received ${received(exchange)} [${requirement}]`, exchange);
  }
}

/** A fact about the target that must hold; `exchange` is the request that showed it. */
export function expectFact(ok: boolean, requirement: RequirementId, expected: string, actual: unknown, exchange?: Exchange): void;
export function expectFact(ok: boolean, expected: string, actual: unknown, exchange?: Exchange): void;
export function expectFact(ok: boolean, ...args: [RequirementId, string, unknown, Exchange?] | [string, unknown, Exchange?]): void {
  // an explicit ID is followed by the expectation's text; an expectation is never itself a bare ID
  const [given, expected, actual, exchange] = isRequirementId(args[0]) && typeof args[1] === 'string' && args.length >= 3 ? args as [RequirementId, string, unknown, Exchange?] : [undefined, ...args as [string, unknown, Exchange?]];
  const requirement = requirementOf(given);
  if (ok) return;
  const at = exchange ? `${where(exchange)}: ` : '';
  throw new RequirementFailure(`${at}expected ${expected}, received ${format(actual)} [${requirement}]`, exchange);
}

function format(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
