// Assertions in the kit's words: where, expected, received, requirement. A status expectation names the classes the
// catalogue allows, never one server's exact choice unless the catalogue fixes it.
import { pathOf, type Exchange } from './recorder.ts';

export type StatusExpectation = number | '2xx' | '4xx' | readonly (number | '2xx' | '4xx')[];

export class RequirementFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequirementFailure';
  }
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
  const status = exchange.response?.status ?? 0;
  if (!accepts(expected, status)) {
    throw new RequirementFailure(`${where(exchange)}: expected ${describeExpected(expected)}${why ? ` (${why})` : ''}, received ${received(exchange)} [${requirement}]`);
  }
}

/** A fact about the target that must hold; `exchange` is the request that showed it. */
export function expectFact(ok: boolean, requirement: string, expected: string, actual: unknown, exchange?: Exchange): void {
  if (ok) return;
  const at = exchange ? `${where(exchange)}: ` : '';
  throw new RequirementFailure(`${at}expected ${expected}, received ${format(actual)} [${requirement}]`);
}

function format(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
